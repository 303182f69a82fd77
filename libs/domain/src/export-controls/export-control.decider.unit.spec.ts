import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { ExportControlCommand, exportControlDecider as decider, exportControlStatus, ExportControlState, RecordedMeasure } from './export-control.decider';
import { ExportControlEvent } from './export-control.events';
import { dueTransitions, nextDueAt } from './export-control.schedule';

const record = (now: string, effectiveFrom: string): ExportControlCommand => ({
  kind: 'RecordExportControl',
  measureId: 'cn-mofcom-2025-61',
  country: 'CN',
  issuingAuthority: 'MOFCOM',
  reference: 'MOFCOM Announcement No. 61 of 2025',
  announcedOn: '2025-10-09',
  effectiveFrom,
  type: 'extraterritorial-control',
  materials: ['dysprosium', 'terbium'],
  destinations: 'all',
  deMinimisShare: 0.001,
  now,
});

function run(commands: ExportControlCommand[]): { events: ExportControlEvent[]; state: ExportControlState } {
  let state = decider.initialState();
  const events: ExportControlEvent[] = [];
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      events.push(event);
      state = decider.evolve(state, event);
    }
  }
  return { events, state };
}

const measure = (state: ExportControlState) => state as RecordedMeasure & { recorded: true };

function violation(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a rule violation');
}

describe('export control decider', () => {
  it('records a measure whose date has passed as in force at once', () => {
    const { events, state } = run([record('2025-10-10T00:00:00Z', '2025-10-09')]);
    expect(events.map((event) => event.type)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce']);
    expect(exportControlStatus(measure(state))).toBe('in-force');
  });

  it('keeps a future measure announced until the schedule finds it due, exactly once', () => {
    const { state } = run([record('2025-10-10T00:00:00Z', '2025-12-01')]);
    expect(exportControlStatus(measure(state))).toBe('announced');
    expect(dueTransitions(measure(state), '2025-11-30T23:59:59Z')).toEqual([]);
    expect(nextDueAt(measure(state), '2025-10-10T00:00:00Z')).toBe('2025-12-01');

    const due = dueTransitions(measure(state), '2025-12-01T00:00:00Z');
    expect(due).toEqual([{ kind: 'EnterIntoForce', measureId: 'cn-mofcom-2025-61', now: '2025-12-01T00:00:00Z' }]);
    const after = foldEvents(decider, [...run([record('2025-10-10T00:00:00Z', '2025-12-01')]).events, ...decider.decide(due[0], state)]);
    expect(exportControlStatus(measure(after))).toBe('in-force');
    expect(dueTransitions(measure(after), '2026-01-01T00:00:00Z')).toEqual([]);
    expect(violation(() => decider.decide(due[0], after))).toBe('already-in-force');
  });

  it('refuses entry into force before the date', () => {
    const { state } = run([record('2025-10-10T00:00:00Z', '2025-12-01')]);
    expect(violation(() => decider.decide({ kind: 'EnterIntoForce', measureId: 'cn-mofcom-2025-61', now: '2025-11-01T00:00:00Z' }, state))).toBe('not-due');
  });

  const suspend: ExportControlCommand = {
    kind: 'SuspendExportControl',
    measureId: 'cn-mofcom-2025-61',
    reference: 'MOFCOM Announcement No. 70 of 2025',
    suspendedFrom: '2025-11-10',
    suspendedUntil: '2026-11-10',
    now: '2025-11-07T00:00:00Z',
  };
  const startSuspension = (now: string): ExportControlCommand => ({ kind: 'StartSuspension', measureId: 'cn-mofcom-2025-61', now });

  it('lets a suspension recorded in advance take effect on its start date, exactly once', () => {
    const { events, state } = run([record('2025-10-10T00:00:00Z', '2025-10-09'), suspend]);
    expect(events.map((event) => event.type)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce', 'ExportControlSuspended']);
    expect(exportControlStatus(measure(state))).toBe('in-force');
    expect(measure(state).suspension).toEqual({ reference: 'MOFCOM Announcement No. 70 of 2025', from: '2025-11-10', until: '2026-11-10', inEffect: false });
    expect(dueTransitions(measure(state), '2025-11-09T23:59:59Z')).toEqual([]);
    expect(nextDueAt(measure(state), '2025-11-07T00:00:00Z')).toBe('2025-11-10');
    expect(violation(() => decider.decide(startSuspension('2025-11-09T23:59:59Z'), state))).toBe('not-due');
    expect(violation(() => decider.decide({ kind: 'ExpireSuspension', measureId: 'cn-mofcom-2025-61', now: '2026-11-10T00:00:00Z' }, state))).toBe('suspension-not-started');

    const due = dueTransitions(measure(state), '2025-11-10T00:00:00Z');
    expect(due).toEqual([startSuspension('2025-11-10T00:00:00Z')]);
    const [tookEffect] = decider.decide(due[0], state);
    expect(tookEffect).toEqual({
      type: 'ExportControlSuspensionTookEffect',
      data: { measureId: 'cn-mofcom-2025-61', reference: 'MOFCOM Announcement No. 70 of 2025', suspendedFrom: '2025-11-10', suspendedUntil: '2026-11-10', materials: ['dysprosium', 'terbium'] },
    });
    const after = decider.evolve(state, tookEffect);
    expect(exportControlStatus(measure(after))).toBe('suspended');
    expect(dueTransitions(measure(after), '2025-12-01T00:00:00Z')).toEqual([]);
    expect(nextDueAt(measure(after), '2025-11-10T00:00:00Z')).toBe('2026-11-10');
    expect(violation(() => decider.decide(due[0], after))).toBe('suspension-in-effect');
  });

  it('suspends at once a measure whose suspension already started, with no separate start event', () => {
    const { events, state } = run([record('2025-10-10T00:00:00Z', '2025-10-09'), { ...suspend, now: '2025-11-10T08:00:00Z' }]);
    expect(events.map((event) => event.type)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce', 'ExportControlSuspended']);
    expect(exportControlStatus(measure(state))).toBe('suspended');
    expect(dueTransitions(measure(state), '2026-01-01T00:00:00Z')).toEqual([]);
    expect(violation(() => decider.decide(startSuspension('2026-01-01T00:00:00Z'), state))).toBe('suspension-in-effect');
    expect(violation(() => decider.decide(startSuspension('2026-01-01T00:00:00Z'), run([record('2025-10-10T00:00:00Z', '2025-10-09')]).state))).toBe('not-suspended');
  });

  it('catches up a start and an end that both passed while nothing ran, start first', () => {
    const { state } = run([record('2025-10-10T00:00:00Z', '2025-12-01'), suspend]);
    const due = dueTransitions(measure(state), '2026-12-01T00:00:00Z');
    expect(due.map((command) => command.kind)).toEqual(['EnterIntoForce', 'StartSuspension', 'ExpireSuspension']);
    const caughtUp = run([record('2025-10-10T00:00:00Z', '2025-12-01'), suspend, ...due]);
    expect(caughtUp.events.slice(2).map((event) => event.type)).toEqual(['ExportControlEnteredIntoForce', 'ExportControlSuspensionTookEffect', 'ExportControlSuspensionExpired']);
    expect(exportControlStatus(measure(caughtUp.state))).toBe('in-force');
    expect(dueTransitions(measure(caughtUp.state), '2027-01-01T00:00:00Z')).toEqual([]);
  });

  it('suspends a measure and lets it apply again when the suspension ends without a new announcement', () => {
    const { state } = run([
      record('2025-10-10T00:00:00Z', '2025-12-01'),
      suspend,
      startSuspension('2025-11-10T00:00:00Z'),
      { kind: 'EnterIntoForce', measureId: 'cn-mofcom-2025-61', now: '2025-12-01T00:00:00Z' },
    ]);
    expect(exportControlStatus(measure(state))).toBe('suspended');
    expect(nextDueAt(measure(state), '2026-01-01T00:00:00Z')).toBe('2026-11-10');
    expect(violation(() => decider.decide({ kind: 'ExpireSuspension', measureId: 'cn-mofcom-2025-61', now: '2026-11-09T00:00:00Z' }, state))).toBe('not-due');

    const [expire] = dueTransitions(measure(state), '2026-11-10T00:00:00Z');
    const [expired] = decider.decide(expire, state);
    expect(expired).toEqual({ type: 'ExportControlSuspensionExpired', data: { measureId: 'cn-mofcom-2025-61', suspendedUntil: '2026-11-10', materials: ['dysprosium', 'terbium'] } });
    expect(exportControlStatus(measure(decider.evolve(state, expired)))).toBe('in-force');
    expect(violation(() => decider.decide(suspend, decider.evolve(state, decider.decide(suspend, decider.evolve(state, expired))[0])))).toBe('already-suspended');
  });

  const lift = (liftedOn: string, now: string): ExportControlCommand => ({ kind: 'LiftExportControl', measureId: 'cn-mofcom-2025-61', reference: 'lifting', liftedOn, now });

  it('keeps a measure whose lifting is recorded in advance in force until the lifting date, then lifts it once', () => {
    const { events, state } = run([record('2025-10-10T00:00:00Z', '2025-10-09'), lift('2026-01-01', '2025-12-01T00:00:00Z')]);
    expect(events.map((event) => event.type)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce', 'ExportControlLifted']);
    expect(exportControlStatus(measure(state))).toBe('in-force');
    expect(measure(state).pendingLifting).toEqual({ reference: 'lifting', on: '2026-01-01' });
    expect(dueTransitions(measure(state), '2025-12-31T23:59:59Z')).toEqual([]);
    expect(nextDueAt(measure(state), '2025-12-01T00:00:00Z')).toBe('2026-01-01');
    expect(violation(() => decider.decide({ kind: 'ApplyLifting', measureId: 'cn-mofcom-2025-61', now: '2025-12-31T00:00:00Z' }, state))).toBe('not-due');
    expect(violation(() => decider.decide(lift('2026-02-01', '2025-12-02T00:00:00Z'), state))).toBe('lifting-recorded');

    const due = dueTransitions(measure(state), '2026-01-01T00:00:00Z');
    expect(due).toEqual([{ kind: 'ApplyLifting', measureId: 'cn-mofcom-2025-61', now: '2026-01-01T00:00:00Z' }]);
    const [tookEffect] = decider.decide(due[0], state);
    expect(tookEffect).toEqual({ type: 'ExportControlLiftingTookEffect', data: { measureId: 'cn-mofcom-2025-61', reference: 'lifting', liftedOn: '2026-01-01', materials: ['dysprosium', 'terbium'] } });
    const after = decider.evolve(state, tookEffect);
    expect(exportControlStatus(measure(after))).toBe('lifted');
    expect(dueTransitions(measure(after), '2030-01-01T00:00:00Z')).toEqual([]);
    expect(violation(() => decider.decide(due[0], after))).toBe('measure-lifted');
  });

  it('sends nothing that falls due on or after the date of a pending lifting except the lifting', () => {
    const { state } = run([record('2025-10-10T00:00:00Z', '2025-12-01'), suspend, lift('2026-01-01', '2025-11-08T00:00:00Z')]);
    expect(dueTransitions(measure(state), '2027-01-01T00:00:00Z').map((command) => command.kind)).toEqual(['EnterIntoForce', 'StartSuspension', 'ApplyLifting']);
    expect(nextDueAt(measure(state), '2025-12-15T00:00:00Z')).toBe('2026-01-01');
    expect(nextDueAt(measure(state), '2026-01-01T00:00:00Z')).toBeUndefined();
    const { state: liftedOnTime } = run([record('2025-10-10T00:00:00Z', '2025-10-09'), lift('2025-11-01', '2025-11-01T00:00:00Z')]);
    expect(exportControlStatus(measure(liftedOnTime))).toBe('lifted');
    expect(measure(liftedOnTime).pendingLifting).toBeUndefined();
  });

  it('applies an amendment recorded in advance on its date, once, and takes no second one while it waits', () => {
    const amend = (amendedOn: string, now: string, materials: string[]): ExportControlCommand => ({ kind: 'AmendExportControl', measureId: 'cn-mofcom-2025-61', reference: 'amendment', amendedOn, materials, now });
    const { state } = run([record('2025-10-10T00:00:00Z', '2025-10-09'), amend('2025-12-01', '2025-11-01T00:00:00Z', ['dysprosium'])]);
    expect(measure(state).measure.materials).toEqual(['dysprosium', 'terbium']);
    expect(exportControlStatus(measure(state))).toBe('in-force');
    expect(nextDueAt(measure(state), '2025-11-01T00:00:00Z')).toBe('2025-12-01');
    expect(dueTransitions(measure(state), '2025-11-30T23:59:59Z')).toEqual([]);
    expect(violation(() => decider.decide(amend('2026-01-01', '2025-11-02T00:00:00Z', ['terbium']), state))).toBe('amendment-pending');

    const due = dueTransitions(measure(state), '2025-12-01T00:00:00Z');
    expect(due).toEqual([{ kind: 'ApplyAmendment', measureId: 'cn-mofcom-2025-61', now: '2025-12-01T00:00:00Z' }]);
    const [tookEffect] = decider.decide(due[0], state);
    expect(tookEffect).toEqual({ type: 'ExportControlAmendmentTookEffect', data: { measureId: 'cn-mofcom-2025-61', reference: 'amendment', amendedOn: '2025-12-01', materials: ['dysprosium'] } });
    const after = decider.evolve(state, tookEffect);
    expect(measure(after).measure.materials).toEqual(['dysprosium']);
    expect(measure(after).measure.deMinimisShare).toBe(0.001);
    expect(dueTransitions(measure(after), '2026-01-01T00:00:00Z')).toEqual([]);
    expect(violation(() => decider.decide(due[0], after))).toBe('no-pending-amendment');
  });

  it('amends the scope of a measure and refuses all changes once lifted', () => {
    const { state } = run([
      record('2025-10-10T00:00:00Z', '2025-10-09'),
      { kind: 'AmendExportControl', measureId: 'cn-mofcom-2025-61', reference: 'amendment', amendedOn: '2025-10-20', materials: ['dysprosium'], now: '2025-10-20T00:00:00Z' },
      { kind: 'LiftExportControl', measureId: 'cn-mofcom-2025-61', reference: 'lifting', liftedOn: '2025-11-01', now: '2025-11-01T00:00:00Z' },
    ]);
    expect(measure(state).measure.materials).toEqual(['dysprosium']);
    expect(measure(state).measure.deMinimisShare).toBe(0.001);
    expect(exportControlStatus(measure(state))).toBe('lifted');
    expect(dueTransitions(measure(state), '2030-01-01T00:00:00Z')).toEqual([]);
    expect(violation(() => decider.decide({ kind: 'LiftExportControl', measureId: 'x', reference: 'again', liftedOn: '2025-11-02', now: '2025-11-02T00:00:00Z' }, state))).toBe('measure-lifted');
  });

  it('refuses to record a measure twice, and changes to an unknown measure', () => {
    const { state } = run([record('2025-10-10T00:00:00Z', '2025-10-09')]);
    expect(violation(() => decider.decide(record('2025-10-11T00:00:00Z', '2025-10-09'), state))).toBe('measure-exists');
    expect(violation(() => decider.decide({ kind: 'EnterIntoForce', measureId: 'nope', now: '2025-10-11T00:00:00Z' }, decider.initialState()))).toBe('measure-not-found');
  });

  it('refuses a suspension that ends before it starts', () => {
    const { state } = run([record('2025-10-10T00:00:00Z', '2025-10-09')]);
    expect(
      violation(() =>
        decider.decide({ kind: 'SuspendExportControl', measureId: 'cn-mofcom-2025-61', reference: 'r', suspendedFrom: '2025-11-10', suspendedUntil: '2025-11-01', now: '2025-11-01T00:00:00Z' }, state),
      ),
    ).toBe('invalid-period');
  });
});
