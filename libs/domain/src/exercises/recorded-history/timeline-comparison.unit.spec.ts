import { RecordedEvent } from '@imera/event-sourcing';
import { recordedCouncilAct, proposalForAct } from './council-act-input';
import { modeTimelines, ScopeTimeline } from './mode-timeline';
import { compareModeTimelines } from './timeline-comparison';

const scopeId = 'rare-earth-magnets';
const grounds = { policyRef: 'default-policy@1', rationale: 'controls above threshold', indicatorsAsOf: '', indicators: [], evidence: [] };
const act = { reference: 'CID 2025/801', adoptedOn: '2025-04-08', simulated: false };
let position = 0;

function scopeEvent(type: string, at: string, data: Record<string, unknown>, scope = scopeId, actor = 'system:escalation-policy'): RecordedEvent {
  position++;
  return {
    id: `evt-${position}`,
    type,
    schemaVersion: 1,
    data: { scopeId: scope, ...data },
    metadata: { correlationId: `c-${position}`, actor },
    streamName: `scope-${scope}`,
    streamRevision: position,
    globalPosition: position,
    recordedAt: at,
  };
}

const proposeVigilance = (at: string, scope = scopeId) => scopeEvent('VigilanceModeProposed', at, { proposalId: `v@${at}`, proposedAt: at, grounds }, scope);
const activateVigilance = (at: string, scope = scopeId) =>
  scopeEvent('VigilanceModeActivated', at, { proposalId: 'v', act, period: { from: at, until: '2025-10-08T00:00:00.000Z' }, goodsOfCriticalImportance: ['magnets'], recordedAt: at }, scope, 'council-1');
const proposeEmergency = (at: string) => scopeEvent('EmergencyModeProposed', at, { proposalId: `e@${at}`, proposedAt: at, grounds });
const activateEmergency = (at: string) =>
  scopeEvent('EmergencyModeActivated', at, { proposalId: 'e', act, period: { from: at, until: '2025-07-22T00:00:00.000Z' }, crisisRelevantGoods: ['magnets'], recordedAt: at }, scopeId, 'council-1');
const lapse = (at: string, mode: string) => scopeEvent('ModeProposalLapsed', at, { proposalId: 'x', kind: 'activation', mode, reason: 'indicators-recovered', lapsedAt: at });

const timelines = (...events: RecordedEvent[]): ScopeTimeline[] => modeTimelines(events);

describe('mode timelines of recorded history', () => {
  it('lists each scope-mode step with the status and mode it leads to, ignoring other streams', () => {
    const notification: RecordedEvent = { ...proposeVigilance('2025-04-01T00:00:00.000Z'), type: 'OperatorNotificationFiled', streamName: 'notification-1' };
    const [timeline] = timelines(notification, proposeVigilance('2025-04-04T10:00:00.000Z'), activateVigilance('2025-04-08T09:00:00.000Z'), proposeEmergency('2025-04-12T08:00:00.000Z'));
    expect(timeline.transitions.map(({ at, type, mode, from, to, modeAfter, actor, rationale }) => ({ at, type, mode, from, to, modeAfter, actor, rationale }))).toEqual([
      { at: '2025-04-04T10:00:00.000Z', type: 'VigilanceModeProposed', mode: 'vigilance', from: 'normal', to: 'vigilance-proposed', modeAfter: 'normal', actor: 'system:escalation-policy', rationale: 'controls above threshold' },
      { at: '2025-04-08T09:00:00.000Z', type: 'VigilanceModeActivated', mode: 'vigilance', from: 'vigilance-proposed', to: 'vigilance-active', modeAfter: 'vigilance', actor: 'council-1', rationale: null },
      { at: '2025-04-12T08:00:00.000Z', type: 'EmergencyModeProposed', mode: 'emergency', from: 'vigilance-active', to: 'emergency-proposed', modeAfter: 'vigilance', actor: 'system:escalation-policy', rationale: 'controls above threshold' },
    ]);
  });

  it('keeps scopes apart, in scope order', () => {
    const result = timelines(proposeVigilance('2025-04-04T10:00:00.000Z', 'gallium'), proposeVigilance('2025-04-04T10:00:00.000Z', 'battery-materials'));
    expect(result.map((timeline) => timeline.scopeId)).toEqual(['battery-materials', 'gallium']);
  });
});

describe('comparing replayed with recorded mode timelines', () => {
  const live = timelines(proposeVigilance('2025-04-04T10:00:00.000Z'), activateVigilance('2025-04-08T09:00:00.000Z'), proposeEmergency('2025-04-12T08:00:00.000Z'), activateEmergency('2025-04-22T09:00:00.000Z'));

  it('finds no difference between a timeline and itself', () => {
    const comparison = compareModeTimelines(live, live, { toleranceSeconds: 0 });
    expect(comparison).toMatchObject({ identical: true, differenceCount: 0 });
    expect(comparison.scopes[0].reached).toEqual([
      { mode: 'vigilance', recordedAt: '2025-04-08T09:00:00.000Z', replayedAt: '2025-04-08T09:00:00.000Z' },
      { mode: 'emergency', recordedAt: '2025-04-22T09:00:00.000Z', replayedAt: '2025-04-22T09:00:00.000Z' },
    ]);
  });

  it('reports a step the replay took earlier, with the shift, unless within the tolerance', () => {
    const replay = timelines(proposeVigilance('2025-04-04T10:00:00.000Z'), activateVigilance('2025-04-08T09:00:00.000Z'), proposeEmergency('2025-04-10T08:00:00.000Z'), activateEmergency('2025-04-22T09:00:00.000Z'));
    expect(compareModeTimelines(live, replay, { toleranceSeconds: 0 }).scopes[0].differences).toEqual([
      { kind: 'moved', type: 'EmergencyModeProposed', mode: 'emergency', to: 'emergency-proposed', recordedAt: '2025-04-12T08:00:00.000Z', replayedAt: '2025-04-10T08:00:00.000Z', shiftSeconds: -172_800 },
    ]);
    expect(compareModeTimelines(live, replay, { toleranceSeconds: 172_800 }).identical).toBe(true);
  });

  it('reports steps that did not happen in the replay as missing and new ones as extra, in order', () => {
    const replay = timelines(proposeVigilance('2025-04-04T10:00:00.000Z'), activateVigilance('2025-04-08T09:00:00.000Z'), lapse('2025-05-01T00:00:00.000Z', 'emergency'));
    const comparison = compareModeTimelines(live, replay, { toleranceSeconds: 60 });
    expect(comparison.scopes[0].differences.map((d) => [d.kind, d.type, d.recordedAt, d.replayedAt])).toEqual([
      ['missing', 'EmergencyModeProposed', '2025-04-12T08:00:00.000Z', null],
      ['missing', 'EmergencyModeActivated', '2025-04-22T09:00:00.000Z', null],
      ['extra', 'ModeProposalLapsed', null, '2025-05-01T00:00:00.000Z'],
    ]);
    expect(comparison.scopes[0].reached[1]).toEqual({ mode: 'emergency', recordedAt: '2025-04-22T09:00:00.000Z', replayedAt: null });
    expect(comparison).toMatchObject({ identical: false, differenceCount: 3 });
  });

  it('a scope only one side has is compared with an empty timeline', () => {
    const comparison = compareModeTimelines([], live, { toleranceSeconds: 0 });
    expect(comparison.scopes[0].differences.map((d) => d.kind)).toEqual(['extra', 'extra', 'extra', 'extra']);
  });
});

describe('recorded Council acts, recorded again in the replay', () => {
  it('takes the act from the recorded event and decides the open proposal of its kind and mode', () => {
    const recorded = recordedCouncilAct(activateVigilance('2025-04-08T09:00:00.000Z'));
    expect(recorded).toEqual({
      scopeId,
      decision: 'activation',
      mode: 'vigilance',
      recordedProposalId: 'v',
      body: { decision: 'activation', mode: 'vigilance', reference: 'CID 2025/801', adoptedOn: '2025-04-08', period: { from: '2025-04-08T09:00:00.000Z', until: '2025-10-08T00:00:00.000Z' }, goodsOfCriticalImportance: ['magnets'] },
    });
    expect(proposalForAct(recorded, { proposalId: 'replayed-v', kind: 'activation', mode: 'vigilance', proposedAt: '2025-04-03T00:00:00Z' })).toEqual({ proposalId: 'replayed-v' });
  });

  it('has nothing to decide when the replayed policy proposed something else, or nothing', () => {
    const recorded = recordedCouncilAct(activateVigilance('2025-04-08T09:00:00.000Z'));
    expect(proposalForAct(recorded, { proposalId: 'e', kind: 'activation', mode: 'emergency', proposedAt: '2025-04-03T00:00:00Z' })).toEqual({
      refused: 'the open proposal is the activation of emergency mode, not the activation of vigilance mode',
    });
    expect(proposalForAct(recorded, null)).toEqual({ refused: 'no open proposal: the replayed policy has not proposed activation of vigilance mode' });
  });

  it('an extension keeps its new end and goods; a deactivation is the bare act', () => {
    const extended = scopeEvent('EmergencyModeExtended', '2025-07-01T00:00:00.000Z', { proposalId: 'x', act, previousUntil: '2025-07-22T00:00:00.000Z', until: '2025-10-22T00:00:00.000Z', crisisRelevantGoods: ['magnets'], recordedAt: '' });
    expect(recordedCouncilAct(extended).body).toEqual({ decision: 'extension', mode: 'emergency', reference: 'CID 2025/801', adoptedOn: '2025-04-08', until: '2025-10-22T00:00:00.000Z', crisisRelevantGoods: ['magnets'] });
    const ended = scopeEvent('VigilanceModeDeactivated', '2025-07-01T00:00:00.000Z', { proposalId: 'x', act, deactivatedAt: '2025-07-01T00:00:00.000Z' });
    expect(recordedCouncilAct(ended).body).toEqual({ decision: 'deactivation', mode: 'vigilance', reference: 'CID 2025/801', adoptedOn: '2025-04-08' });
    expect(() => recordedCouncilAct(proposeVigilance('2025-04-04T10:00:00.000Z'))).toThrow('VigilanceModeProposed is not a Council act');
  });
});
