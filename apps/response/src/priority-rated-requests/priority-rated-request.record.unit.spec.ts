import { createPriorityRatedRequestDecider, PriorityRatedRequestCommand, priorityRatedRequestStream } from '@imera/domain/priority-rated-requests';
import { analyst, memberState, operatorPrincipal } from '../../../../test/support/tokens';
import { proposePriorityRatedRequest, snapshot } from '../../test/support/instrument-commands';
import { decideInto, TestLog } from '../../test/support/test-log';
import { evolvePriorityRatedRequestRecord, PriorityRatedRequestRecord, visiblePriorityRatedRequest } from './priority-rated-request.record';

const PRR = 'prr-1';

function recordAfter(commands: PriorityRatedRequestCommand[]): PriorityRatedRequestRecord {
  const log = new TestLog();
  decideInto(log, priorityRatedRequestStream(PRR), createPriorityRatedRequestDecider(), commands);
  return log.events.reduce(evolvePriorityRatedRequestRecord, undefined)!;
}

const proposed = proposePriorityRatedRequest(PRR, { requestingMemberState: 'FR' });
const consent: PriorityRatedRequestCommand = { type: 'DecideHostConsent', prrId: PRR, scope: snapshot('emergency'), hostMemberState: 'DE', consent: true, decidedAt: '2026-06-01T09:00:00.000Z', decidedBy: 'authority-de' };
const issue: PriorityRatedRequestCommand = { type: 'IssuePriorityRatedRequest', prrId: PRR, scope: snapshot('emergency'), legalBasis: 'IMERA Art 26', operatorBook: { acceptedRequests: [] }, issuedAt: '2026-06-01T10:00:00.000Z', issuedBy: 'crisis-cell-1' };

describe('a priority-rated request as each reader sees it', () => {
  it('follows the lifecycle from proposal to fulfilment', () => {
    const record = recordAfter([
      proposed,
      consent,
      issue,
      { type: 'AcceptPriorityRatedRequest', prrId: PRR, scope: snapshot('emergency'), operatorId: 'DE-magnets-0042', acceptedAt: '2026-06-02T08:00:00.000Z' },
      { type: 'RecordDelivery', prrId: PRR, operatorId: 'DE-magnets-0042', amount: 12, deliveredOn: '2026-06-20', recordedAt: '2026-06-20T12:00:00.000Z' },
    ]);
    expect(record).toMatchObject({
      status: 'fulfilled',
      requestingMemberState: 'FR',
      hostMemberState: 'DE',
      hostDecision: { consented: true, by: 'authority-de' },
      issue: { legalBasis: 'IMERA Art 26', operatorMayRefuseWithReasons: true, conflictCheck: 'capacity-not-stated' },
      response: { kind: 'accepted', operatorNotLiableForSetAsideContracts: true },
      outcome: { kind: 'fulfilled', delivered: { amount: 12, unit: 't' }, fulfilledOn: '2026-06-20' },
    });
    expect(record.deliveries).toEqual([{ quantity: { amount: 12, unit: 't' }, deliveredOn: '2026-06-20', onTime: true, recordedAt: '2026-06-20T12:00:00.000Z' }]);
  });

  it('shows the request to the Commission, the requesting and the host Member State only', () => {
    const record = recordAfter([proposed]);
    for (const reader of [analyst, memberState('FR'), memberState('DE')]) expect(visiblePriorityRatedRequest(record, reader)).toBe(record);
    expect(visiblePriorityRatedRequest(record, memberState('IT'))).toBeUndefined();
  });

  it('shows the operator nothing before issue, then the issued request without the Member States\' justification and consent', () => {
    const operator = operatorPrincipal('DE-magnets-0042');
    expect(visiblePriorityRatedRequest(recordAfter([proposed, consent]), operator)).toBeUndefined();
    const shown = visiblePriorityRatedRequest(recordAfter([proposed, consent, issue]), operator)!;
    expect(shown.issue?.rightToRefuseStatement).toMatch(/may refuse/);
    expect(shown).not.toHaveProperty('justification');
    expect(shown).not.toHaveProperty('hostDecision');
    expect(shown.history.map((entry) => entry.type)).toEqual(['PriorityRatedRequestIssued']);
    expect(visiblePriorityRatedRequest(recordAfter([proposed, consent, issue]), operatorPrincipal('FR-magnets-0007'))).toBeUndefined();
  });
});
