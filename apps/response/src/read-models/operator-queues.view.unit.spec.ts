import { createInformationRequestDecider, informationRequestStream } from '@imera/domain/information-requests';
import { createPriorityRatedRequestDecider, PriorityRatedRequestCommand, priorityRatedRequestStream } from '@imera/domain/priority-rated-requests';
import { GOODS, issueInformationRequest, proposePriorityRatedRequest, snapshot } from '../../test/support/instrument-commands';
import { decideInto, TestLog } from '../../test/support/test-log';
import { OperatorQueuesView } from './operator-queues.view';

const OPERATOR = 'DE-magnets-0042';
const prrs = createPriorityRatedRequestDecider();

describe("operators' books for the conflict check", () => {
  let log: TestLog;
  const view = () => {
    const queues = new OperatorQueuesView();
    for (const event of log.events) queues.apply(event);
    return queues;
  };
  const accepted = (prrId: string, amount: number, deliveryDate: string, extra: PriorityRatedRequestCommand[] = []) =>
    decideInto(log, priorityRatedRequestStream(prrId), prrs, [
      proposePriorityRatedRequest(prrId, { quantity: { amount, unit: 't' }, deliveryDate }),
      { type: 'IssuePriorityRatedRequest', prrId, scope: snapshot('emergency'), legalBasis: 'IMERA Art 26', operatorBook: { acceptedRequests: [] }, issuedAt: '2026-06-01T08:00:00.000Z', issuedBy: 'crisis-cell-1' },
      { type: 'AcceptPriorityRatedRequest', prrId, scope: snapshot('emergency'), operatorId: OPERATOR, acceptedAt: '2026-06-02T08:00:00.000Z' },
      ...extra,
    ]);

  beforeEach(() => {
    log = new TestLog();
  });

  it('takes the capacity an operator stated in an answer, per day, week or year', () => {
    decideInto(log, informationRequestStream('ir-1'), createInformationRequestDecider(), [
      issueInformationRequest('ir-1'),
      {
        type: 'AnswerInformationRequest',
        requestId: 'ir-1',
        operatorId: OPERATOR,
        figures: [
          { topic: 'production-capacity', label: 'Sintered output', goods: GOODS, value: 28, unit: 't/week' },
          { topic: 'production-capacity', label: 'Bonded output', goods: 'bonded magnets', value: 730, unit: 'kg / year' },
          { topic: 'stocks', label: 'Stock', goods: GOODS, value: 50, unit: 't/day' },
        ],
        text: '',
        answeredAt: '2026-06-02T08:00:00.000Z',
      },
    ]);
    expect(view().bookFor(OPERATOR, GOODS, 't')).toEqual({ unitsPerDay: 4, acceptedRequests: [] });
    expect(view().bookFor(OPERATOR, 'bonded magnets', 'kg').unitsPerDay).toBe(2);
    expect(view().bookFor(OPERATOR, GOODS, 'kg')).toEqual({ acceptedRequests: [] });
  });

  it('queues accepted requests by what remains to deliver, and drops them once fulfilled or ended', () => {
    accepted('prr-a', 12, '2026-07-31', [
      { type: 'RecordDelivery', prrId: 'prr-a', operatorId: OPERATOR, amount: 5, deliveredOn: '2026-06-05', recordedAt: '2026-06-05T12:00:00.000Z' },
    ]);
    accepted('prr-b', 3, '2026-07-15');
    expect(view().bookFor(OPERATOR, GOODS, 't').acceptedRequests).toEqual([
      { prrId: 'prr-a', quantity: 7, deliveryDate: '2026-07-31', receivedAt: '2026-06-01T08:00:00.000Z' },
      { prrId: 'prr-b', quantity: 3, deliveryDate: '2026-07-15', receivedAt: '2026-06-01T08:00:00.000Z' },
    ]);
    expect(view().queueOf(OPERATOR).accepted.map((r) => r.prrId)).toEqual(['prr-b', 'prr-a']);
    decideInto(log, priorityRatedRequestStream('prr-b'), prrs, [
      { type: 'RecordDelivery', prrId: 'prr-b', operatorId: OPERATOR, amount: 3, deliveredOn: '2026-06-06', recordedAt: '2026-06-06T12:00:00.000Z' },
    ]);
    decideInto(log, priorityRatedRequestStream('prr-a'), prrs, [
      { type: 'EndWithMode', prrId: 'prr-a', scope: snapshot('normal'), endedAt: '2026-06-07T00:00:00.000Z' },
    ]);
    expect(view().bookFor(OPERATOR, GOODS, 't').acceptedRequests).toEqual([]);
  });
});
