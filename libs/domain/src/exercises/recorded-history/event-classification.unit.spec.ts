import { RecordedEvent } from '@imera/event-sourcing';
import {
  autoCouncilDecision,
  createScopeModeDecider,
  dueModeExpiries,
  evolveScopeMode,
  initialScopeModeState,
  loadPolicyConfiguration,
  ModeActor,
  ProposalGrounds,
  ScopeModeCommand,
  ScopeModeEvent,
  ScopeModeState,
} from '@imera/domain/imera-modes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyRecordedEvent, REPLAY_ROLES } from './event-classification';
import { planReplay, UnclassifiedEventsError } from './replay-plan';

const scopeId = 'rare-earth-magnets';
const policyActor: ModeActor = { subject: 'system:escalation-policy', role: 'system' };
const council: ModeActor = { subject: 'gsc-officer', role: 'council-secretariat' };
const grounds: ProposalGrounds = { policyRef: 'default-policy@1', rationale: 'controls', indicatorsAsOf: '2025-04-04T10:00:00Z', indicators: [], evidence: [] };
const shipped = loadPolicyConfiguration(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'config', 'policy', 'default-policy.v1.json'), 'utf8')));
const decider = createScopeModeDecider({ emergencyMaxPeriodMonths: 6 });

/** Decides the commands in turn, as the scope-modes decisions do, and returns every event. */
function decideAll(commands: Array<(state: ScopeModeState) => ScopeModeCommand | null>): ScopeModeEvent[] {
  let state = initialScopeModeState();
  const events: ScopeModeEvent[] = [];
  for (const next of commands) {
    const command = next(state);
    if (!command) throw new Error('no command');
    for (const event of decider.decide(command, state)) {
      events.push(event);
      state = evolveScopeMode(state, event);
    }
  }
  return events;
}

const recorded = (type: string, data: Record<string, unknown> = {}, at = '2025-04-04T10:00:00.000Z', position = 0): RecordedEvent => ({
  id: `evt-${position}`,
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: `c-${position}`, actor: 'someone' },
  streamName: 'notification-1',
  streamRevision: position,
  globalPosition: position,
  recordedAt: at,
});

describe('which recorded events replay appends, records again as Council acts, or decides again', () => {
  it('decisions of the escalation policy and the mode schedule are derived; a real Council act is a Council act input', () => {
    const events = decideAll([
      () => ({ kind: 'ProposeVigilanceMode', scopeId, proposalId: 'p1', grounds, actor: policyActor, now: '2025-04-04T10:00:00Z' }),
      (state) => ({
        kind: 'ActivateVigilanceMode',
        scopeId,
        proposalId: state.proposal!.proposalId,
        act: { reference: 'CID 2025/801', adoptedOn: '2025-04-08', simulated: false },
        period: { from: '2025-04-08T00:00:00Z', until: '2025-10-08T00:00:00Z' },
        goodsOfCriticalImportance: ['magnets'],
        actor: council,
        now: '2025-04-08T09:00:00Z',
      }),
      (state) => dueModeExpiries(state, '2025-10-08T00:00:00Z')[0],
    ]);
    expect(events.map((event) => [event.type, classifyRecordedEvent(event).role])).toEqual([
      ['VigilanceModeProposed', 'derived'],
      ['VigilanceModeActivated', 'council-act'],
      ['VigilanceModeExpired', 'derived'],
    ]);
  });

  it("the policy's simulated Council act (auto-decision) is derived: the replayed policy decides whether it happens", () => {
    const auto = { ...shipped, autoDecision: { ...shipped.autoDecision, enabled: true, delayHours: 0 } };
    const events = decideAll([
      () => ({ kind: 'ProposeEmergencyMode', scopeId, proposalId: 'p1', grounds, actor: policyActor, now: '2025-04-04T10:00:00Z' }),
      (state) => autoCouncilDecision({ scopeId, now: '2025-04-06T10:00:00Z', modes: state, goods: ['magnets'] }, auto),
    ]);
    expect(events.map((event) => [event.type, classifyRecordedEvent(event)])).toEqual([
      ['EmergencyModeProposed', { role: 'derived', causedBy: 'escalation policy (scope-modes process manager)' }],
      ['EmergencyModeActivated', { role: 'derived', causedBy: 'auto-decision setting of the policy (simulated Council act)' }],
    ]);
  });

  it('facts people report, and dated transitions that follow from them, are inputs; instruments ended with a mode follow the replayed modes', () => {
    const roles = (types: string[]) => types.map((type) => classifyRecordedEvent({ type, data: {} }).role);
    expect(roles(['OperatorNotificationFiled', 'OperatorNotificationResolved', 'ExportControlRecorded', 'ExportControlSuspended', 'ExportControlEnteredIntoForce', 'ExportControlSuspensionTookEffect', 'ExportControlSuspensionExpired', 'ExportControlLiftingTookEffect', 'ExportControlAmendmentTookEffect', 'StrategicStockReported', 'PriorityRatedRequestIssued', 'StockDistributionOrderIssued', 'JointProcurementRequested', 'InformationRequestDeadlineMissed'])).toEqual(
      new Array(14).fill('input'),
    );
    expect(roles(['InformationRequestEndedWithMode', 'PriorityRatedRequestEndedWithMode', 'ModeProposalLapsed', 'ModeExtensionProposed', 'ModeDeactivationProposed', 'EmergencyModeExpired'])).toEqual(new Array(6).fill('derived'));
  });

  it('a type outside the table is unknown, never guessed from its name', () => {
    expect(classifyRecordedEvent({ type: 'VigilanceModeProposedByHand', data: {} })).toEqual({ role: 'unknown', causedBy: null });
    expect(classifyRecordedEvent({ type: 'toString', data: {} }).role).toBe('unknown');
    expect(Object.values(REPLAY_ROLES).every((rule) => rule.causedBy.length > 0)).toBe(true);
  });
});

describe('the replay plan', () => {
  it('appends inputs in recorded order, keeps one recorded append together, records Council acts again and skips derived decisions', () => {
    const act = { scopeId, proposalId: 'p1', act: { reference: 'CID 2025/801', adoptedOn: '2025-04-08', simulated: false }, period: { from: '2025-04-08T00:00:00.000Z', until: '2025-10-08T00:00:00.000Z' }, goodsOfCriticalImportance: ['magnets'], recordedAt: '2025-04-08T09:00:00.000Z' };
    const events = [
      { ...recorded('ExportControlRecorded', {}, '2025-04-04T10:00:00.000Z', 0), streamName: 'exportControl-x', streamRevision: 0 },
      { ...recorded('ExportControlEnteredIntoForce', {}, '2025-04-04T10:00:00.000Z', 1), streamName: 'exportControl-x', streamRevision: 1, metadata: { correlationId: 'c-0', actor: 'analyst' } },
      { ...recorded('VigilanceModeProposed', { scopeId }, '2025-04-04T10:00:00.000Z', 2), streamName: 'scope-rare-earth-magnets', streamRevision: 0 },
      { ...recorded('VigilanceModeActivated', act, '2025-04-08T09:00:00.000Z', 3), streamName: 'scope-rare-earth-magnets', streamRevision: 1 },
      { ...recorded('OperatorNotificationFiled', {}, '2025-04-10T08:00:00.000Z', 4), streamName: 'notification-a', streamRevision: 0 },
      { ...recorded('OperatorNotificationFiled', {}, '2025-04-10T08:00:00.000Z', 5), streamName: 'notification-b', streamRevision: 0 },
    ];
    events[0] = { ...events[0], metadata: { correlationId: 'c-0', actor: 'analyst' } };
    const plan = planReplay(events);
    expect(plan.steps.map((step) => (step.kind === 'append-inputs' ? `${step.at} append ${step.events.map((e) => e.type).join('+')}` : `${step.at} act ${step.act.decision} ${step.act.mode}`))).toEqual([
      '2025-04-04T10:00:00.000Z append ExportControlRecorded+ExportControlEnteredIntoForce',
      '2025-04-08T09:00:00.000Z act activation vigilance',
      '2025-04-10T08:00:00.000Z append OperatorNotificationFiled',
      '2025-04-10T08:00:00.000Z append OperatorNotificationFiled',
    ]);
    expect(plan.derivedNotCopied).toEqual({ VigilanceModeProposed: 1 });
  });

  it('refuses a recording with event types it does not know, naming them', () => {
    const events = [recorded('OperatorNotificationFiled'), { ...recorded('SomethingNew', {}, undefined, 1), streamName: 'other-1', streamRevision: 0 }];
    expect(() => planReplay(events)).toThrow(UnclassifiedEventsError);
    expect(() => planReplay(events)).toThrow(/SomethingNew \(1, first at position 1\)/);
  });
});
