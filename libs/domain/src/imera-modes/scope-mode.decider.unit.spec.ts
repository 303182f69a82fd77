import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { addMonthsUtc } from './mode-period';
import { ModeActor, ScopeModeCommand } from './scope-mode.commands';
import { createScopeModeDecider } from './scope-mode.decider';
import { CouncilAct, ProposalGrounds, ScopeModeEvent, scopeStream } from './scope-mode.events';
import { scopeModeStatus, ScopeModeState } from './scope-mode.state';
import { toScopeModeSnapshot } from './scope-mode-snapshot';
import { dueModeExpiries, nextModeExpiryAt } from './scope-mode.schedule';

const decider = createScopeModeDecider({ emergencyMaxPeriodMonths: 6 });
const scopeId = 'rare-earth-magnets';
const policy: ModeActor = { subject: 'system:escalation-policy', role: 'system' };
const cell: ModeActor = { subject: 'crisis-cell-officer', role: 'crisis-cell' };
const council: ModeActor = { subject: 'gsc-officer', role: 'council-secretariat' };
const grounds: ProposalGrounds = {
  policyRef: 'default-policy@1',
  rationale: 'Share of supply under controls above the vigilance threshold',
  indicatorsAsOf: '2026-06-01T00:00:00Z',
  indicators: [
    {
      indicator: 'worstShareOfSupplyUnderControls',
      value: 0.5,
      direction: 'above',
      threshold: 0.25,
      met: true,
      material: 'heavy-rare-earth-elements',
    },
  ],
  evidence: [
    {
      eventId: 'evt-100',
      globalPosition: 100,
      streamName: 'exportControl-cn-mofcom-2025-18',
      type: 'ExportControlRecorded',
    },
  ],
};
const act = (reference: string, adoptedOn: string): CouncilAct => ({ reference, adoptedOn, simulated: false });
const goods = ['NdFeB permanent magnets', 'dysprosium and terbium oxides'];

const cmd = {
  proposeVigilance: (now: string, proposalId = 'p-v1'): ScopeModeCommand => ({
    kind: 'ProposeVigilanceMode',
    scopeId,
    proposalId,
    grounds,
    actor: policy,
    now,
  }),
  proposeEmergency: (now: string, proposalId = 'p-e1'): ScopeModeCommand => ({
    kind: 'ProposeEmergencyMode',
    scopeId,
    proposalId,
    grounds,
    actor: policy,
    now,
  }),
  activateVigilance: (now: string, until = '2026-12-15T00:00:00Z', proposalId = 'p-v1'): ScopeModeCommand => ({
    kind: 'ActivateVigilanceMode',
    scopeId,
    proposalId,
    act: act('Council Implementing Decision (EU) 2026/101', '2026-06-15'),
    period: { from: '2026-06-15T00:00:00Z', until },
    goodsOfCriticalImportance: goods,
    actor: council,
    now,
  }),
  activateEmergency: (
    now: string,
    period = { from: '2026-08-01T00:00:00Z', until: '2027-02-01T00:00:00Z' },
    proposalId = 'p-e1',
  ): ScopeModeCommand => ({
    kind: 'ActivateEmergencyMode',
    scopeId,
    proposalId,
    act: act('Council Implementing Decision (EU) 2026/202', '2026-08-01'),
    period,
    crisisRelevantGoods: ['NdFeB permanent magnets'],
    actor: council,
    now,
  }),
  proposeExtension: (
    now: string,
    mode: 'vigilance' | 'emergency' = 'vigilance',
    proposalId = 'p-x1',
  ): ScopeModeCommand => ({ kind: 'ProposeModeExtension', scopeId, proposalId, mode, grounds, actor: policy, now }),
  extend: (
    now: string,
    until: string,
    mode: 'vigilance' | 'emergency' = 'vigilance',
    proposalId = 'p-x1',
    newGoods?: string[],
  ): ScopeModeCommand => ({
    kind: 'ExtendMode',
    scopeId,
    proposalId,
    mode,
    act: act('Council Implementing Decision (EU) 2026/303', now.slice(0, 10)),
    until,
    ...(newGoods ? { goods: newGoods } : {}),
    actor: council,
    now,
  }),
  proposeDeactivation: (
    now: string,
    mode: 'vigilance' | 'emergency' = 'vigilance',
    proposalId = 'p-d1',
  ): ScopeModeCommand => ({ kind: 'ProposeModeDeactivation', scopeId, proposalId, mode, grounds, actor: policy, now }),
  deactivate: (now: string, mode: 'vigilance' | 'emergency' = 'vigilance', proposalId = 'p-d1'): ScopeModeCommand => ({
    kind: 'DeactivateMode',
    scopeId,
    proposalId,
    mode,
    act: act('Council Implementing Decision (EU) 2026/404', now.slice(0, 10)),
    actor: council,
    now,
  }),
  expire: (now: string, mode: 'vigilance' | 'emergency' = 'vigilance'): ScopeModeCommand => ({
    kind: 'ExpireMode',
    scopeId,
    mode,
    actor: { subject: 'system:mode-schedule', role: 'system' },
    now,
  }),
  lapse: (
    now: string,
    proposalId: string,
    reason: 'indicators-recovered' | 'indicators-deteriorated' = 'indicators-recovered',
  ): ScopeModeCommand => ({
    kind: 'LapseModeProposal',
    scopeId,
    proposalId,
    reason,
    grounds,
    actor: policy,
    now,
  }),
};

/** Runs commands from the start; returns every event and the final state. */
function run(...commands: ScopeModeCommand[]): { events: ScopeModeEvent[]; state: ScopeModeState } {
  const events: ScopeModeEvent[] = [];
  for (const command of commands) events.push(...decider.decide(command, foldEvents(decider, events)));
  return { events, state: foldEvents(decider, events) };
}

/** A command with some fields changed, to make it wrong in one way. */
function patch(command: ScopeModeCommand, fields: Record<string, unknown>): ScopeModeCommand {
  return { ...command, ...fields } as ScopeModeCommand;
}

function refusal(setup: ScopeModeCommand[], command: ScopeModeCommand): string {
  const { state } = run(...setup);
  try {
    decider.decide(command, state);
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

const vigilanceActive = [cmd.proposeVigilance('2026-06-01T00:00:00Z'), cmd.activateVigilance('2026-06-15T10:00:00Z')];
const emergencyActive = [
  ...vigilanceActive,
  cmd.proposeEmergency('2026-07-20T00:00:00Z'),
  cmd.activateEmergency('2026-08-01T10:00:00Z'),
];

describe('scope mode decider: the way up', () => {
  it('normal -> vigilance proposed, recording the indicators and events that triggered it', () => {
    const { events, state } = run(cmd.proposeVigilance('2026-06-01T00:00:00Z'));
    expect(events).toEqual([
      {
        type: 'VigilanceModeProposed',
        data: { scopeId, proposalId: 'p-v1', proposedAt: '2026-06-01T00:00:00Z', grounds },
      },
    ]);
    expect(scopeModeStatus(state)).toBe('vigilance-proposed');
    expect(toScopeModeSnapshot(state).mode).toBe('normal');
  });

  it('vigilance proposed -> vigilance active by Council implementing act, with its goods of critical importance', () => {
    const { events, state } = run(...vigilanceActive);
    expect(events[1]).toEqual({
      type: 'VigilanceModeActivated',
      data: {
        scopeId,
        proposalId: 'p-v1',
        act: { reference: 'Council Implementing Decision (EU) 2026/101', adoptedOn: '2026-06-15', simulated: false },
        period: { from: '2026-06-15T00:00:00Z', until: '2026-12-15T00:00:00Z' },
        goodsOfCriticalImportance: goods,
        recordedAt: '2026-06-15T10:00:00Z',
      },
    });
    expect(scopeModeStatus(state)).toBe('vigilance-active');
    expect(toScopeModeSnapshot(state)).toEqual({
      scopeId,
      mode: 'vigilance',
      activeSince: '2026-06-15T00:00:00Z',
      activeUntil: '2026-12-15T00:00:00Z',
      goodsOfCriticalImportance: goods,
      crisisRelevantGoods: [],
    });
  });

  it('vigilance active -> emergency proposed -> emergency active, with the crisis-relevant goods (IMERA Art 18(4))', () => {
    const proposed = run(...vigilanceActive, cmd.proposeEmergency('2026-07-20T00:00:00Z'));
    expect(scopeModeStatus(proposed.state)).toBe('emergency-proposed');
    const { state } = run(...emergencyActive);
    expect(scopeModeStatus(state)).toBe('emergency-active');
    expect(toScopeModeSnapshot(state)).toEqual({
      scopeId,
      mode: 'emergency',
      activeSince: '2026-08-01T00:00:00Z',
      activeUntil: '2027-02-01T00:00:00Z',
      goodsOfCriticalImportance: goods,
      crisisRelevantGoods: ['NdFeB permanent magnets'],
    });
  });

  it('proposes emergency straight from normal mode', () => {
    const { events, state } = run(
      cmd.proposeEmergency('2026-06-01T00:00:00Z'),
      cmd.activateEmergency('2026-06-02T00:00:00Z', { from: '2026-06-02T00:00:00Z', until: '2026-12-02T00:00:00Z' }),
    );
    expect(events.map((event) => event.type)).toEqual(['EmergencyModeProposed', 'EmergencyModeActivated']);
    expect(toScopeModeSnapshot(state)).toMatchObject({ mode: 'emergency', goodsOfCriticalImportance: [] });
  });

  it('lets an emergency proposal replace an open vigilance proposal, which can then no longer be decided', () => {
    const setup = [cmd.proposeVigilance('2026-06-01T00:00:00Z'), cmd.proposeEmergency('2026-06-03T00:00:00Z')];
    expect(run(...setup).events[1].data).toMatchObject({ proposalId: 'p-e1', supersedesProposalId: 'p-v1' });
    expect(refusal(setup, cmd.activateVigilance('2026-06-15T10:00:00Z'))).toBe('decision-for-wrong-mode');
  });

  it('records a simulated act from the auto-decision rule as simulated', () => {
    const simulated: ScopeModeCommand = {
      ...(cmd.activateVigilance('2026-06-15T10:00:00Z') as Extract<
        ScopeModeCommand,
        { kind: 'ActivateVigilanceMode' }
      >),
      act: { reference: 'SIMULATED p-v1', adoptedOn: '2026-06-15', simulated: true },
      actor: { subject: 'system:auto-council-decision', role: 'system' },
    };
    const { events } = run(cmd.proposeVigilance('2026-06-01T00:00:00Z'), simulated);
    expect(events[1].data).toMatchObject({ act: { simulated: true } });
  });
});

describe('scope mode decider: extension, deactivation, expiry, lapse', () => {
  it('extends an active mode on a proposal, keeping or replacing its goods list', () => {
    const kept = run(
      ...vigilanceActive,
      cmd.proposeExtension('2026-11-20T00:00:00Z'),
      cmd.extend('2026-12-01T00:00:00Z', '2027-06-15T00:00:00Z'),
    );
    expect(kept.events.at(-1)).toMatchObject({
      type: 'VigilanceModeExtended',
      data: { previousUntil: '2026-12-15T00:00:00Z', until: '2027-06-15T00:00:00Z', goodsOfCriticalImportance: goods },
    });
    expect(toScopeModeSnapshot(kept.state).activeUntil).toBe('2027-06-15T00:00:00Z');
    const replaced = run(
      ...emergencyActive,
      cmd.proposeExtension('2027-01-10T00:00:00Z', 'emergency'),
      cmd.extend('2027-01-20T00:00:00Z', '2027-05-01T00:00:00Z', 'emergency', 'p-x1', ['sintered NdFeB magnets']),
    );
    expect(toScopeModeSnapshot(replaced.state).crisisRelevantGoods).toEqual(['sintered NdFeB magnets']);
  });

  it('deactivates vigilance back to normal, and emergency back to the vigilance still in force', () => {
    const normal = run(
      ...vigilanceActive,
      cmd.proposeDeactivation('2026-09-01T00:00:00Z'),
      cmd.deactivate('2026-09-10T00:00:00Z'),
    );
    expect(normal.events.at(-1)).toMatchObject({
      type: 'VigilanceModeDeactivated',
      data: { deactivatedAt: '2026-09-10T00:00:00Z' },
    });
    expect(scopeModeStatus(normal.state)).toBe('normal');

    const back = run(
      ...emergencyActive,
      cmd.proposeDeactivation('2026-09-01T00:00:00Z', 'emergency'),
      cmd.deactivate('2026-09-10T00:00:00Z', 'emergency'),
    );
    expect(back.events.at(-1)?.type).toBe('EmergencyModeDeactivated');
    expect(toScopeModeSnapshot(back.state)).toMatchObject({
      mode: 'vigilance',
      crisisRelevantGoods: [],
      goodsOfCriticalImportance: goods,
    });
  });

  it('expires a mode at the end of its period, not before, and a repeated expiry changes nothing', () => {
    expect(refusal(vigilanceActive, cmd.expire('2026-12-14T23:59:59Z'))).toBe('mode-not-yet-ended');
    const { events, state } = run(...vigilanceActive, cmd.expire('2026-12-15T00:05:00Z'));
    expect(events.at(-1)).toEqual({
      type: 'VigilanceModeExpired',
      data: { scopeId, expiredAt: '2026-12-15T00:00:00Z' },
    });
    expect(toScopeModeSnapshot(state).mode).toBe('normal');
    expect(decider.decide(cmd.expire('2026-12-15T00:06:00Z'), state)).toEqual([]);
  });

  it('lets an open extension or deactivation proposal lapse when its mode expires', () => {
    const { events, state } = run(
      ...vigilanceActive,
      cmd.proposeExtension('2026-12-01T00:00:00Z'),
      cmd.expire('2026-12-15T00:00:00Z'),
    );
    expect(events.slice(-2)).toEqual([
      {
        type: 'ModeProposalLapsed',
        data: {
          scopeId,
          proposalId: 'p-x1',
          kind: 'extension',
          mode: 'vigilance',
          reason: 'mode-ended',
          lapsedAt: '2026-12-15T00:00:00Z',
        },
      },
      { type: 'VigilanceModeExpired', data: { scopeId, expiredAt: '2026-12-15T00:00:00Z' } },
    ]);
    expect(state.proposal).toBeNull();
  });

  it('lets a proposal lapse when its indicators recover before a decision', () => {
    const { events, state } = run(
      cmd.proposeVigilance('2026-06-01T00:00:00Z'),
      cmd.lapse('2026-06-05T00:00:00Z', 'p-v1'),
    );
    expect(events.at(-1)).toEqual({
      type: 'ModeProposalLapsed',
      data: {
        scopeId,
        proposalId: 'p-v1',
        kind: 'activation',
        mode: 'vigilance',
        reason: 'indicators-recovered',
        lapsedAt: '2026-06-05T00:00:00Z',
        grounds,
      },
    });
    expect(scopeModeStatus(state)).toBe('normal');
  });
});

describe('scope mode decider: refusals', () => {
  it.each<[string, ScopeModeCommand[], ScopeModeCommand, string]>([
    ['activation without a proposal', [], cmd.activateVigilance('2026-06-15T10:00:00Z'), 'activation-without-proposal'],
    [
      'emergency activation without a proposal',
      vigilanceActive,
      cmd.activateEmergency('2026-08-01T10:00:00Z'),
      'activation-without-proposal',
    ],
    [
      'a decision for the wrong mode',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      cmd.activateEmergency('2026-08-01T10:00:00Z', undefined, 'p-v1'),
      'decision-for-wrong-mode',
    ],
    [
      'an activation while an extension is proposed',
      [...vigilanceActive, cmd.proposeExtension('2026-11-20T00:00:00Z')],
      cmd.activateEmergency('2026-11-21T00:00:00Z', undefined, 'p-x1'),
      'decision-for-wrong-mode',
    ],
    [
      'a decision on another proposal',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      cmd.activateVigilance('2026-06-15T10:00:00Z', undefined, 'p-other'),
      'proposal-mismatch',
    ],
    [
      'a vigilance period beyond six months (IMERA Art 14-15)',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      cmd.activateVigilance('2026-06-15T10:00:00Z', '2026-12-15T00:00:01Z'),
      'period-exceeds-maximum',
    ],
    [
      'an emergency period beyond the configured maximum',
      [cmd.proposeEmergency('2026-06-01T00:00:00Z')],
      cmd.activateEmergency('2026-06-02T00:00:00Z', { from: '2026-06-02T00:00:00Z', until: '2026-12-03T00:00:00Z' }),
      'period-exceeds-maximum',
    ],
    [
      'a period that ends before it starts',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      patch(cmd.activateVigilance('2026-06-15T10:00:00Z'), {
        period: { from: '2026-07-01T00:00:00Z', until: '2026-06-30T00:00:00Z' },
      }),
      'invalid-period',
    ],
    [
      'a period already over when recorded',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      cmd.activateVigilance('2026-12-16T00:00:00Z'),
      'invalid-period',
    ],
    [
      'a vigilance act without goods of critical importance',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      patch(cmd.activateVigilance('2026-06-15T10:00:00Z'), { goodsOfCriticalImportance: [] }),
      'goods-list-missing',
    ],
    [
      'an emergency act without crisis-relevant goods (Art 18(4))',
      [cmd.proposeEmergency('2026-06-01T00:00:00Z')],
      patch(
        cmd.activateEmergency('2026-06-02T00:00:00Z', { from: '2026-06-02T00:00:00Z', until: '2026-12-02T00:00:00Z' }),
        { crisisRelevantGoods: [] },
      ),
      'goods-list-missing',
    ],
    [
      'a Council act recorded by the crisis cell',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      patch(cmd.activateVigilance('2026-06-15T10:00:00Z'), { actor: cell }),
      'actor-not-permitted',
    ],
    [
      'a simulated act recorded by the Council secretariat',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      patch(cmd.activateVigilance('2026-06-15T10:00:00Z'), {
        act: { reference: 'x', adoptedOn: '2026-06-15', simulated: true },
      }),
      'actor-not-permitted',
    ],
    [
      'a proposal by the Council secretariat',
      [],
      patch(cmd.proposeVigilance('2026-06-01T00:00:00Z'), { actor: council }),
      'actor-not-permitted',
    ],
    [
      'an act without a reference',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      patch(cmd.activateVigilance('2026-06-15T10:00:00Z'), { act: act(' ', '2026-06-15') }),
      'act-reference-missing',
    ],
    [
      'a vigilance proposal while vigilance is active',
      vigilanceActive,
      cmd.proposeVigilance('2026-07-01T00:00:00Z', 'p-v2'),
      'mode-already-active',
    ],
    [
      'a vigilance proposal while emergency is active',
      [
        cmd.proposeEmergency('2026-06-01T00:00:00Z'),
        cmd.activateEmergency('2026-06-02T00:00:00Z', { from: '2026-06-02T00:00:00Z', until: '2026-12-02T00:00:00Z' }),
      ],
      cmd.proposeVigilance('2026-07-01T00:00:00Z', 'p-v2'),
      'mode-already-active',
    ],
    [
      'an emergency proposal while emergency is active',
      emergencyActive,
      cmd.proposeEmergency('2026-08-10T00:00:00Z', 'p-e2'),
      'mode-already-active',
    ],
    [
      'a second open proposal',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      cmd.proposeVigilance('2026-06-02T00:00:00Z', 'p-v2'),
      'proposal-already-open',
    ],
    [
      'a second emergency proposal',
      [cmd.proposeEmergency('2026-06-01T00:00:00Z')],
      cmd.proposeEmergency('2026-06-02T00:00:00Z', 'p-e2'),
      'proposal-already-open',
    ],
    [
      'a deactivation proposal while another is open',
      [...vigilanceActive, cmd.proposeExtension('2026-11-20T00:00:00Z')],
      cmd.proposeDeactivation('2026-11-21T00:00:00Z'),
      'proposal-already-open',
    ],
    [
      'an extension without a proposal',
      vigilanceActive,
      cmd.extend('2026-12-01T00:00:00Z', '2027-06-15T00:00:00Z'),
      'extension-without-proposal',
    ],
    [
      'an extension after expiry',
      [...vigilanceActive, cmd.proposeExtension('2026-11-20T00:00:00Z'), cmd.expire('2026-12-15T00:00:00Z')],
      cmd.extend('2026-12-16T00:00:00Z', '2027-06-15T00:00:00Z'),
      'extension-after-expiry',
    ],
    [
      'an extension decided after the period ended, before the expiry was recorded',
      [...vigilanceActive, cmd.proposeExtension('2026-11-20T00:00:00Z')],
      cmd.extend('2026-12-15T00:00:00Z', '2027-06-15T00:00:00Z'),
      'extension-after-expiry',
    ],
    [
      'an extension proposal after expiry',
      [...vigilanceActive, cmd.expire('2026-12-15T00:00:00Z')],
      cmd.proposeExtension('2026-12-16T00:00:00Z'),
      'extension-after-expiry',
    ],
    [
      'an extension that shortens the period',
      [...vigilanceActive, cmd.proposeExtension('2026-11-20T00:00:00Z')],
      cmd.extend('2026-12-01T00:00:00Z', '2026-12-10T00:00:00Z'),
      'invalid-period',
    ],
    [
      'an extension beyond six more months',
      [...vigilanceActive, cmd.proposeExtension('2026-11-20T00:00:00Z')],
      cmd.extend('2026-12-01T00:00:00Z', '2027-06-16T00:00:00Z'),
      'period-exceeds-maximum',
    ],
    [
      'an extension of a mode that was never active',
      [],
      cmd.proposeExtension('2026-06-01T00:00:00Z'),
      'mode-not-active',
    ],
    [
      'a deactivation without a proposal',
      vigilanceActive,
      cmd.deactivate('2026-09-10T00:00:00Z'),
      'deactivation-without-proposal',
    ],
    [
      'a deactivation of a mode not active',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      cmd.deactivate('2026-06-10T00:00:00Z'),
      'mode-not-active',
    ],
    [
      'a deactivation proposal for a mode not active',
      vigilanceActive,
      cmd.proposeDeactivation('2026-09-01T00:00:00Z', 'emergency'),
      'mode-not-active',
    ],
    [
      'a deactivation after the period ended',
      [...vigilanceActive, cmd.proposeDeactivation('2026-12-01T00:00:00Z')],
      cmd.deactivate('2026-12-15T00:00:00Z'),
      'mode-period-ended',
    ],
    ['an expiry of a mode never active', [], cmd.expire('2026-12-15T00:00:00Z'), 'mode-not-active'],
    [
      'an expiry of a deactivated mode',
      [...vigilanceActive, cmd.proposeDeactivation('2026-09-01T00:00:00Z'), cmd.deactivate('2026-09-10T00:00:00Z')],
      cmd.expire('2026-12-15T00:00:00Z'),
      'mode-not-active',
    ],
    [
      'a lapse of a proposal that is not open',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      cmd.lapse('2026-06-05T00:00:00Z', 'p-other'),
      'proposal-not-open',
    ],
    [
      'a command dated before the last change',
      vigilanceActive,
      cmd.proposeEmergency('2026-06-14T00:00:00Z'),
      'out-of-order',
    ],
    [
      'a command for another scope',
      [cmd.proposeVigilance('2026-06-01T00:00:00Z')],
      patch(cmd.lapse('2026-06-05T00:00:00Z', 'p-v1'), { scopeId: 'battery-raw-materials' }),
      'wrong-scope',
    ],
  ])('refuses %s', (_name, setup, command, code) => {
    expect(refusal(setup, command)).toBe(code);
  });

  it('takes the emergency maximum from configuration', () => {
    const strict = createScopeModeDecider({ emergencyMaxPeriodMonths: 3 });
    const state = foldEvents(
      strict,
      strict.decide(cmd.proposeEmergency('2026-06-01T00:00:00Z'), strict.initialState()),
    );
    const fourMonths = cmd.activateEmergency('2026-06-02T00:00:00Z', {
      from: '2026-06-02T00:00:00Z',
      until: '2026-10-02T00:00:00Z',
    });
    expect(() => strict.decide(fourMonths, state)).toThrow(/at most 3 months/);
    expect(decider.decide(fourMonths, state)).toHaveLength(1);
  });
});

describe('mode periods', () => {
  it('counts calendar months and clamps to the end of a shorter month', () => {
    expect(addMonthsUtc('2026-08-31T12:00:00Z', 6).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(addMonthsUtc('2027-08-31T00:00:00Z', 6).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonthsUtc('2026-06-15T00:00:00Z', 6).toISOString()).toBe('2026-12-15T00:00:00.000Z');
  });

  it('names the scope stream with one dash before the id', () => {
    expect(scopeStream(scopeId)).toBe('scope-rare-earth-magnets');
  });
});

describe('mode schedule', () => {
  it('sends ExpireMode once the period has ended, and says when to wake up next', () => {
    const { state } = run(...emergencyActive);
    expect(nextModeExpiryAt(state)).toBe('2026-12-15T00:00:00Z');
    expect(dueModeExpiries(state, '2026-12-14T23:59:59Z')).toEqual([]);
    const due = dueModeExpiries(state, '2026-12-15T00:00:00Z');
    expect(due).toEqual([
      {
        kind: 'ExpireMode',
        scopeId,
        mode: 'vigilance',
        actor: { subject: 'system:mode-schedule', role: 'system' },
        now: '2026-12-15T00:00:00Z',
      },
    ]);
    const after = foldEvents(decider, [...run(...emergencyActive).events, ...decider.decide(due[0], state)]);
    expect(toScopeModeSnapshot(after)).toMatchObject({ mode: 'emergency', goodsOfCriticalImportance: [] });
    expect(nextModeExpiryAt(after)).toBe('2027-02-01T00:00:00Z');
  });
});
