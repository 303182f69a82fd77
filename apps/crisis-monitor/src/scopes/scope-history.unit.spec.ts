import { RecordedEvent } from '@imera/event-sourcing';
import { ScopeModeEvent } from '@imera/domain/imera-modes';
import { scopeHistory } from './scope-history';

const grounds = (rationale: string) => ({ rationale, indicatorsAsOf: '2025-04-04T10:00:00Z', indicators: [], evidence: [{ eventId: 'm1', globalPosition: 1, streamName: 'exportControl-x', type: 'ExportControlRecorded' }] });
const act = (reference: string) => ({ reference, adoptedOn: '2025-04-08', simulated: false });
const scopeId = 's';

function recorded(events: ScopeModeEvent[]): RecordedEvent[] {
  return events.map((event, index) => ({
    ...event, id: `e${index}`, schemaVersion: 1, streamName: 'scope-s', streamRevision: index, globalPosition: 10 + index,
    recordedAt: '2025-01-01T00:00:00Z', metadata: { correlationId: 'c', actor: index % 2 === 0 ? 'system:escalation-policy' : 'council-1' },
  })) as unknown as RecordedEvent[];
}

describe('scope history', () => {
  it('lists the transitions with the statuses they move between, and the grounds of the proposal each act adopts', () => {
    const history = scopeHistory(recorded([
      { type: 'VigilanceModeProposed', data: { scopeId, proposalId: 'p1', proposedAt: '2025-04-04T10:00:00Z', grounds: grounds('controls') } },
      { type: 'VigilanceModeActivated', data: { scopeId, proposalId: 'p1', act: act('CID 1'), period: { from: '2025-04-08T00:00:00Z', until: '2025-10-08T00:00:00Z' }, goodsOfCriticalImportance: ['magnets'], recordedAt: '2025-04-08T09:00:00Z' } },
      { type: 'EmergencyModeProposed', data: { scopeId, proposalId: 'p2', proposedAt: '2025-04-12T08:00:00Z', grounds: grounds('wave') } },
      { type: 'ModeProposalLapsed', data: { scopeId, proposalId: 'p2', kind: 'activation', mode: 'emergency', reason: 'indicators-recovered', lapsedAt: '2025-04-20T08:00:00Z', grounds: grounds('recovered') } },
      { type: 'VigilanceModeExpired', data: { scopeId, expiredAt: '2025-10-08T00:00:00Z' } },
    ]));
    expect(history.transitions.map(({ type, fromStatus, toStatus, at }) => [type, fromStatus, toStatus, at])).toEqual([
      ['VigilanceModeProposed', 'normal', 'vigilance-proposed', '2025-04-04T10:00:00Z'],
      ['VigilanceModeActivated', 'vigilance-proposed', 'vigilance-active', '2025-04-08T09:00:00Z'],
      ['EmergencyModeProposed', 'vigilance-active', 'emergency-proposed', '2025-04-12T08:00:00Z'],
      ['ModeProposalLapsed', 'emergency-proposed', 'vigilance-active', '2025-04-20T08:00:00Z'],
      ['VigilanceModeExpired', 'vigilance-active', 'normal', '2025-10-08T00:00:00Z'],
    ]);
    expect(history.transitions[1]).toMatchObject({ act: act('CID 1'), goods: ['magnets'], grounds: { rationale: 'controls' }, actor: 'council-1' });
    expect(history.transitions[3]).toMatchObject({ reason: 'indicators-recovered', grounds: { rationale: 'recovered' } });
    expect(history.proposals.map(({ proposalId, status, closedBy }) => [proposalId, status, closedBy?.type])).toEqual([
      ['p1', 'adopted', 'VigilanceModeActivated'],
      ['p2', 'lapsed', 'ModeProposalLapsed'],
    ]);
    expect(history.modes.lastEnded.vigilance).toMatchObject({ endedBy: 'expiry' });
  });

  it('marks a vigilance proposal that an emergency proposal replaced as superseded', () => {
    const history = scopeHistory(recorded([
      { type: 'VigilanceModeProposed', data: { scopeId, proposalId: 'p1', proposedAt: '2025-04-04T10:00:00Z', grounds: grounds('controls') } },
      { type: 'EmergencyModeProposed', data: { scopeId, proposalId: 'p2', proposedAt: '2025-04-05T10:00:00Z', grounds: grounds('severe'), supersedesProposalId: 'p1' } },
    ]));
    expect(history.proposals.map(({ proposalId, status }) => [proposalId, status])).toEqual([['p1', 'superseded'], ['p2', 'open']]);
    expect(history.transitions[1]).toMatchObject({ fromStatus: 'vigilance-proposed', toStatus: 'emergency-proposed' });
  });
});
