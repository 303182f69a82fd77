import { example } from '../../../apps/intake/test/intake-harness';

/** The documented example body of each write endpoint: the valid body the corpus mutates. */
const EXAMPLE_OF: Readonly<Record<string, string>> = {
  'POST /api/v1/notifications': 'file-notification',
  'POST /api/v1/notifications/:notificationId/updates': 'notification-update',
  'POST /api/v1/notifications/:notificationId/resolution': 'notification-resolution',
  'POST /api/v1/export-controls': 'record-export-control',
  'POST /api/v1/export-controls/:measureId/suspensions': 'suspend-export-control',
  'POST /api/v1/export-controls/:measureId/lifting': 'lift-export-control',
  'POST /api/v1/export-controls/:measureId/amendments': 'amend-export-control',
  'POST /api/v1/information-requests': 'issue-information-request',
  'POST /api/v1/information-requests/:requestId/answers': 'answer-information-request',
  'POST /api/v1/information-requests/:requestId/refusals': 'decline-information-request',
  'POST /api/v1/priority-rated-requests': 'propose-priority-rated-request',
  'POST /api/v1/priority-rated-requests/:prrId/host-consent': 'host-consent',
  'POST /api/v1/priority-rated-requests/:prrId/issue': 'issue-priority-rated-request',
  'POST /api/v1/priority-rated-requests/:prrId/acceptance': 'accept-priority-rated-request',
  'POST /api/v1/priority-rated-requests/:prrId/refusal': 'refuse-priority-rated-request',
  'POST /api/v1/priority-rated-requests/:prrId/deliveries': 'record-priority-rated-delivery',
  'POST /api/v1/stock-distributions': 'open-distribution-round',
  'POST /api/v1/stock-distributions/:roundId/stock-reports': 'report-stocks',
  'POST /api/v1/stock-distributions/:roundId/need-reports': 'report-critical-needs',
  'POST /api/v1/stock-distributions/:roundId/plans': 'commission-step',
  'POST /api/v1/stock-distributions/:roundId/orders': 'commission-step',
  'POST /api/v1/stock-distributions/:roundId/orders/:orderId/dispatch': 'dispatch-distribution-order',
  'POST /api/v1/stock-distributions/:roundId/orders/:orderId/delivery': 'confirm-distribution-delivery',
  'POST /api/v1/joint-procurements': 'request-joint-procurement',
  'POST /api/v1/joint-procurements/:procurementId/acceptance': 'accept-joint-procurement',
  'POST /api/v1/joint-procurements/:procurementId/refusal': 'refuse-joint-procurement',
  'POST /api/v1/joint-procurements/:procurementId/demands': 'state-demand',
  'POST /api/v1/joint-procurements/:procurementId/aggregation': 'commission-step',
  'POST /api/v1/joint-procurements/:procurementId/offers': 'record-supplier-offer',
  'POST /api/v1/joint-procurements/:procurementId/matching': 'commission-step',
  'POST /api/v1/joint-procurements/:procurementId/publication': 'commission-step',
  'POST /api/v1/scopes/:scopeId/council-acts': 'council-act-activation',
};

/** The example for a write endpoint, or an empty object when it has none (then only the generic corpus runs). */
export function exampleBody(routeKey: string): Record<string, unknown> {
  const name = EXAMPLE_OF[routeKey];
  return name ? example<Record<string, unknown>>(name) : {};
}
