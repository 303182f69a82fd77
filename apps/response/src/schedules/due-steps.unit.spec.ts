import { ScopeModeCommand, scopeStream } from '@imera/domain/imera-modes';
import { createInformationRequestDecider, informationRequestStream } from '@imera/domain/information-requests';
import { createPriorityRatedRequestDecider, priorityRatedRequestStream, PriorityRatedRequestCommand } from '@imera/domain/priority-rated-requests';
import { GOODS, issueInformationRequest, proposePriorityRatedRequest, SCOPE_ID, snapshot } from '../../test/support/instrument-commands';
import { activation, deactivation, decideScopeModes } from '../../test/support/scope-mode-steps';
import { decideInto, TestLog } from '../../test/support/test-log';
import { OpenInstrumentsView } from '../read-models/open-instruments.view';
import { dueSteps, nextDueAt } from './due-steps';

const informationRequests = createInformationRequestDecider();
const priorityRatedRequests = createPriorityRatedRequestDecider();

describe('what the response schedule finds due', () => {
  let log: TestLog;
  let view: OpenInstrumentsView;
  const due = (now: string) => {
    view = new OpenInstrumentsView();
    for (const event of log.events) view.apply(event);
    return dueSteps(view.timetable(), now);
  };
  const scopeModes = (commands: ScopeModeCommand[]) => log.record(scopeStream(SCOPE_ID), decideScopeModes(log.stream(scopeStream(SCOPE_ID)), commands));
  const prr = (prrId: string, commands: PriorityRatedRequestCommand[]) => decideInto(log, priorityRatedRequestStream(prrId), priorityRatedRequests, commands);
  const issuePrr = (prrId: string, deliveryDate = '2026-07-31'): PriorityRatedRequestCommand[] => [
    proposePriorityRatedRequest(prrId, { deliveryDate }),
    { type: 'IssuePriorityRatedRequest', prrId, scope: snapshot('emergency'), legalBasis: 'IMERA Art 26', operatorBook: { acceptedRequests: [] }, issuedAt: '2026-06-01T08:00:00.000Z', issuedBy: 'crisis-cell-1' },
  ];
  const accept = (prrId: string): PriorityRatedRequestCommand => ({ type: 'AcceptPriorityRatedRequest', prrId, scope: snapshot('emergency'), operatorId: 'DE-magnets-0042', acceptedAt: '2026-06-02T08:00:00.000Z' });

  beforeEach(() => {
    log = new TestLog();
    scopeModes(activation(SCOPE_ID, 'emergency', [GOODS], '2026-05-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z'));
  });

  describe('information requests (IMERA Art 27)', () => {
    beforeEach(() => decideInto(log, informationRequestStream('ir-1'), informationRequests, [issueInformationRequest('ir-1')]));

    it('marks a request overdue once its deadline has passed, dated at the deadline', () => {
      expect(due('2026-06-10T15:59:59.000Z')).toEqual([]);
      expect(nextDueAt(view.timetable(), '2026-06-05T00:00:00.000Z')).toBe('2026-06-10T16:00:00.000Z');
      expect(due('2026-06-12T00:00:00.000Z')).toEqual([{ kind: 'MarkOverdue', requestId: 'ir-1', dueAt: '2026-06-10T16:00:00.000Z' }]);
    });

    it('finds nothing due once every addressee has responded', () => {
      decideInto(log, informationRequestStream('ir-1'), informationRequests, [
        { type: 'AnswerInformationRequest', requestId: 'ir-1', operatorId: 'DE-magnets-0042', figures: [], text: 'Four tonnes a day', answeredAt: '2026-06-02T08:00:00.000Z' },
        { type: 'DeclineInformationRequest', requestId: 'ir-1', operatorId: 'FR-magnets-0007', reasons: 'Trade secret', declinedAt: '2026-06-02T09:00:00.000Z' },
      ]);
      expect(due('2026-06-12T00:00:00.000Z')).toEqual([]);
      expect(nextDueAt(view.timetable(), '2026-06-05T00:00:00.000Z')).toBeUndefined();
    });

    it('ends a request with the emergency mode it was issued under (IMERA Art 26), with the scope as the end left it', () => {
      const [, deactivated] = scopeModes(deactivation(SCOPE_ID, 'emergency', '2026-06-05T12:00:00.000Z'));
      expect(due('2026-06-05T12:00:00.000Z')).toEqual([
        {
          kind: 'EndInformationRequestWithMode',
          requestId: 'ir-1',
          dueAt: '2026-06-05T12:00:00.000Z',
          scope: expect.objectContaining({ scopeId: SCOPE_ID, mode: 'normal' }),
          scopeEventId: deactivated.id,
        },
      ]);
    });

    it('marks the request overdue when its deadline came before the end of the mode', () => {
      scopeModes(deactivation(SCOPE_ID, 'emergency', '2026-06-20T12:00:00.000Z'));
      expect(due('2026-06-20T12:00:00.000Z')).toEqual([{ kind: 'MarkOverdue', requestId: 'ir-1', dueAt: '2026-06-10T16:00:00.000Z' }]);
    });

    it('keeps a vigilance request when only emergency mode ends, and ends it with vigilance', () => {
      log = new TestLog();
      scopeModes(activation(SCOPE_ID, 'vigilance', [GOODS], '2026-05-20T10:00:00.000Z', '2026-11-20T10:00:00.000Z'));
      decideInto(log, informationRequestStream('ir-2'), informationRequests, [issueInformationRequest('ir-2', { scope: snapshot('vigilance') })]);
      scopeModes(activation(SCOPE_ID, 'emergency', [GOODS], '2026-05-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z'));
      decideInto(log, informationRequestStream('ir-1'), informationRequests, [issueInformationRequest('ir-1')]);
      scopeModes(deactivation(SCOPE_ID, 'emergency', '2026-06-03T12:00:00.000Z'));
      expect(due('2026-06-04T00:00:00.000Z').map((step) => [step.kind, 'requestId' in step && step.requestId])).toEqual([['EndInformationRequestWithMode', 'ir-1']]);
      scopeModes(deactivation(SCOPE_ID, 'vigilance', '2026-06-04T12:00:00.000Z'));
      expect(due('2026-06-05T00:00:00.000Z').map((step) => [step.kind, 'requestId' in step && step.requestId])).toEqual([
        ['EndInformationRequestWithMode', 'ir-1'],
        ['EndInformationRequestWithMode', 'ir-2'],
      ]);
    });
  });

  describe('priority-rated requests', () => {
    it('lets an issued request lapse at the end of its last response day in Brussels', () => {
      prr('prr-1', issuePrr('prr-1'));
      expect(due('2026-06-22T21:59:59.000Z')).toEqual([]);
      // 15 working days after Monday 1 June 2026 is Monday 22 June; the day ends at midnight CEST.
      expect(due('2026-06-22T22:00:00.000Z')).toEqual([{ kind: 'MarkLapsed', prrId: 'prr-1', dueAt: '2026-06-22T22:00:00.000Z' }]);
    });

    it('assesses an accepted request after its delivery date, and nothing once it is fulfilled', () => {
      prr('prr-1', [...issuePrr('prr-1'), accept('prr-1')]);
      expect(due('2026-07-31T21:00:00.000Z')).toEqual([]);
      expect(due('2026-08-01T00:00:00.000Z')).toEqual([{ kind: 'AssessDelivery', prrId: 'prr-1', dueAt: '2026-07-31T22:00:00.000Z' }]);
      prr('prr-1', [{ type: 'RecordDelivery', prrId: 'prr-1', operatorId: 'DE-magnets-0042', amount: 12, deliveredOn: '2026-07-20', recordedAt: '2026-07-20T12:00:00.000Z' }]);
      expect(due('2026-08-01T00:00:00.000Z')).toEqual([]);
    });

    it('ends every open request when emergency mode ends, and leaves closed ones alone', () => {
      prr('prr-open', issuePrr('prr-open'));
      prr('prr-proposed', [proposePriorityRatedRequest('prr-proposed', { requestingMemberState: 'FR' })]);
      prr('prr-refused', [
        ...issuePrr('prr-refused'),
        { type: 'RefusePriorityRatedRequest', prrId: 'prr-refused', operatorId: 'DE-magnets-0042', ground: 'insufficient-capacity', reasons: 'Full', refusedAt: '2026-06-02T08:00:00.000Z' },
      ]);
      scopeModes(deactivation(SCOPE_ID, 'emergency', '2026-06-05T12:00:00.000Z'));
      const steps = due('2026-06-05T12:00:00.000Z');
      expect(steps.map((step) => [step.kind, 'prrId' in step && step.prrId])).toEqual([
        ['EndPriorityRatedRequestWithMode', 'prr-open'],
        ['EndPriorityRatedRequestWithMode', 'prr-proposed'],
      ]);
    });

    it('does not end a request of a later emergency because an earlier one ended', () => {
      scopeModes(deactivation(SCOPE_ID, 'emergency', '2026-05-31T12:00:00.000Z'));
      scopeModes(activation(SCOPE_ID, 'emergency', [GOODS], '2026-05-31T13:00:00.000Z', '2026-11-30T10:00:00.000Z'));
      prr('prr-1', issuePrr('prr-1'));
      expect(due('2026-06-02T00:00:00.000Z')).toEqual([]);
    });

    it('lets a request lapse whose deadline passed before the mode ended, while the system was down', () => {
      prr('prr-1', issuePrr('prr-1'));
      scopeModes(deactivation(SCOPE_ID, 'emergency', '2026-06-25T12:00:00.000Z'));
      expect(due('2026-06-26T00:00:00.000Z')).toEqual([{ kind: 'MarkLapsed', prrId: 'prr-1', dueAt: '2026-06-22T22:00:00.000Z' }]);
    });
  });

  it('lists steps oldest first, one per instrument', () => {
    decideInto(log, informationRequestStream('ir-1'), informationRequests, [issueInformationRequest('ir-1', { deadline: '2026-06-30T16:00:00.000Z' })]);
    prr('prr-1', issuePrr('prr-1'));
    expect(due('2026-07-01T00:00:00.000Z').map((step) => step.dueAt)).toEqual(['2026-06-22T22:00:00.000Z', '2026-06-30T16:00:00.000Z']);
  });
});
