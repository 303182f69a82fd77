import { createInformationRequestDecider, informationRequestStream } from '@imera/domain/information-requests';
import { jointProcurementDecider, jointProcurementStream } from '@imera/domain/joint-procurement';
import { createPriorityRatedRequestDecider, priorityRatedRequestStream } from '@imera/domain/priority-rated-requests';
import { stockDistributionDecider, stockDistributionStream } from '@imera/domain/stock-distribution';
import { issueInformationRequest, proposePriorityRatedRequest, SCOPE_ID, snapshot } from '../../test/support/instrument-commands';
import { decideInto, TestLog } from '../../test/support/test-log';
import { OpenInstrumentsView } from './open-instruments.view';

const at = '2026-06-01T08:00:00.000Z';

describe("the dashboard's open instruments of a scope", () => {
  it('lists what still awaits a step, with its next deadline, oldest first, and nothing closed or of another scope', () => {
    const log = new TestLog();
    decideInto(log, informationRequestStream('ir-1'), createInformationRequestDecider(), [issueInformationRequest('ir-1')]);
    decideInto(log, informationRequestStream('ir-other'), createInformationRequestDecider(), [
      issueInformationRequest('ir-other', { scope: snapshot('emergency', { scopeId: 'defence-raw-materials' }) }),
    ]);
    decideInto(log, priorityRatedRequestStream('prr-1'), createPriorityRatedRequestDecider(), [
      proposePriorityRatedRequest('prr-1'),
      { type: 'IssuePriorityRatedRequest', prrId: 'prr-1', scope: snapshot('emergency'), legalBasis: 'IMERA Art 26', operatorBook: { acceptedRequests: [] }, issuedAt: at, issuedBy: 'crisis-cell-1' },
    ]);
    decideInto(log, priorityRatedRequestStream('prr-refused'), createPriorityRatedRequestDecider(), [
      proposePriorityRatedRequest('prr-refused', { requestingMemberState: 'FR' }),
      { type: 'DecideHostConsent', prrId: 'prr-refused', scope: snapshot('emergency'), hostMemberState: 'DE', consent: false, reasons: 'Needed at home', decidedAt: at, decidedBy: 'authority-de' },
    ]);
    decideInto(log, stockDistributionStream('round-1'), stockDistributionDecider, [
      { type: 'OpenDistributionRound', roundId: 'round-1', scope: snapshot('emergency'), material: 'dysprosium', unit: 'kg', basis: 'need', openedAt: at, openedBy: 'crisis-cell-1' },
    ]);
    decideInto(log, jointProcurementStream('jp-1'), jointProcurementDecider, [
      { type: 'RequestJointProcurement', procurementId: 'jp-1', scope: snapshot('emergency'), requestingMemberStates: ['DE', 'FR'], materials: [{ material: 'dysprosium', unit: 'kg' }], rationale: 'Pooling', requestedAt: at, requestedBy: 'authority-de' },
      { type: 'AcceptJointProcurement', procurementId: 'jp-1', scope: snapshot('emergency'), reasons: 'Agreed', memberStates: ['DE', 'FR'], demandDeadline: '2026-06-08T16:00:00.000Z', decidedAt: at, decidedBy: 'crisis-cell-1' },
    ]);
    const view = new OpenInstrumentsView();
    for (const event of log.events) view.apply(event);

    expect(view.openIn(SCOPE_ID).map(({ kind, id, status, nextDeadline, href }) => ({ kind, id, status, nextDeadline, href }))).toEqual([
      { kind: 'information-request', id: 'ir-1', status: 'open', nextDeadline: { what: 'answers due', due: '2026-06-10T16:00:00.000Z' }, href: '/api/v1/information-requests/ir-1' },
      { kind: 'priority-rated-request', id: 'prr-1', status: 'issued', nextDeadline: { what: 'response due', due: '2026-06-22T22:00:00.000Z' }, href: '/api/v1/priority-rated-requests/prr-1' },
      { kind: 'stock-distribution', id: 'round-1', status: 'collecting', nextDeadline: undefined, href: '/api/v1/stock-distributions/round-1' },
      { kind: 'joint-procurement', id: 'jp-1', status: 'collecting-demand', nextDeadline: { what: 'demand due', due: '2026-06-08T16:00:00.000Z' }, href: '/api/v1/joint-procurements/jp-1' },
    ]);
  });
});
