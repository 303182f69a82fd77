import { Role } from '@imera/auth';

/**
 * Who may call what: the access policy as a reviewer reads it, one row per endpoint. The matrix suite checks
 * the running system against it, cell by cell, and fails for an endpoint that has no row here: a new
 * endpoint gets its row when it is added.
 *
 * MS member-state-authority, AN commission-analyst, CC crisis-cell, CS council-secretariat,
 * OP economic-operator, EX exercise-runner. The exercise-runner role has the exercises API (and the dashboard
 * sign-in) only: an exercise token never reaches live data.
 */
const MS = 'member-state-authority';
const AN = 'commission-analyst';
const CC = 'crisis-cell';
const CS = 'council-secretariat';
const OP = 'economic-operator';
const EX = 'exercise-runner';

export type Access = 'public' | readonly Role[];

export const ACCESS_POLICY: Readonly<Record<string, Access>> = {
  'GET /health': 'public',
  'GET /metrics': 'public',

  // Audit: the Commission's analysts and crisis cell read the full trail.
  'GET /api/v1/audit/correlations/:correlationId': [AN, CC],
  'GET /api/v1/audit/notifications/:notificationId': [AN, CC],
  'GET /api/v1/audit/notifications/:notificationId/export': [AN, CC],
  'GET /api/v1/audit/scopes/:scopeId': [AN, CC],
  'GET /api/v1/audit/scopes/:scopeId/export': [AN, CC],

  // Operator notifications (CRMA Art 21(2)): filed by Member States, read by them and the Commission.
  'POST /api/v1/notifications': [MS],
  'POST /api/v1/notifications/:notificationId/updates': [MS],
  'POST /api/v1/notifications/:notificationId/resolution': [MS],
  'GET /api/v1/notifications': [MS, AN, CC],
  'GET /api/v1/notifications/:notificationId': [MS, AN, CC],

  // Third-country export controls: recorded by analysts, public measures readable by every live role (not by
  // exercise runners: an exercise token never reaches live data).
  'POST /api/v1/export-controls': [AN],
  'POST /api/v1/export-controls/:measureId/suspensions': [AN],
  'POST /api/v1/export-controls/:measureId/lifting': [AN],
  'POST /api/v1/export-controls/:measureId/amendments': [AN],
  'GET /api/v1/export-controls': [MS, AN, CC, CS, OP],
  'GET /api/v1/export-controls/:measureId': [MS, AN, CC, CS, OP],

  // Information requests: the Commission asks, addressed operators answer.
  'POST /api/v1/information-requests': [CC, AN],
  'POST /api/v1/information-requests/:requestId/answers': [OP],
  'POST /api/v1/information-requests/:requestId/refusals': [OP],
  'GET /api/v1/information-requests': [CC, AN, MS, OP],
  'GET /api/v1/information-requests/:requestId': [CC, AN, MS, OP],

  // Priority-rated requests: a Member State proposes, the host consents, the Commission issues, the operator answers.
  'POST /api/v1/priority-rated-requests': [MS],
  'POST /api/v1/priority-rated-requests/:prrId/host-consent': [MS],
  'POST /api/v1/priority-rated-requests/:prrId/issue': [CC, AN],
  'POST /api/v1/priority-rated-requests/:prrId/acceptance': [OP],
  'POST /api/v1/priority-rated-requests/:prrId/refusal': [OP],
  'POST /api/v1/priority-rated-requests/:prrId/deliveries': [OP, MS],
  'GET /api/v1/priority-rated-requests': [CC, AN, MS, OP],
  'GET /api/v1/priority-rated-requests/:prrId': [CC, AN, MS, OP],
  'GET /api/v1/priority-rated-requests/operator-queues/:operatorId': [CC, AN, OP],

  // Stock distribution: the Commission opens, plans and orders; Member States report, dispatch and receive.
  'POST /api/v1/stock-distributions': [CC, AN],
  'POST /api/v1/stock-distributions/:roundId/stock-reports': [MS],
  'POST /api/v1/stock-distributions/:roundId/need-reports': [MS],
  'POST /api/v1/stock-distributions/:roundId/plans': [CC, AN],
  'POST /api/v1/stock-distributions/:roundId/orders': [CC, AN],
  'POST /api/v1/stock-distributions/:roundId/orders/:orderId/dispatch': [MS],
  'POST /api/v1/stock-distributions/:roundId/orders/:orderId/delivery': [MS],
  'GET /api/v1/stock-distributions': [CC, AN, MS],
  'GET /api/v1/stock-distributions/:roundId': [CC, AN, MS],
  'GET /api/v1/stock-distributions/remaining-stock': [CC, AN, MS],

  // Joint procurement: Member States request and state demand, the Commission runs it.
  'POST /api/v1/joint-procurements': [MS],
  'POST /api/v1/joint-procurements/:procurementId/acceptance': [CC, AN],
  'POST /api/v1/joint-procurements/:procurementId/refusal': [CC, AN],
  'POST /api/v1/joint-procurements/:procurementId/demands': [MS],
  'POST /api/v1/joint-procurements/:procurementId/aggregation': [CC, AN],
  'POST /api/v1/joint-procurements/:procurementId/offers': [CC, AN],
  'POST /api/v1/joint-procurements/:procurementId/matching': [CC, AN],
  'POST /api/v1/joint-procurements/:procurementId/publication': [CC, AN],
  'GET /api/v1/joint-procurements': [CC, AN, MS],
  'GET /api/v1/joint-procurements/:procurementId': [CC, AN, MS],

  // Crisis scopes: aggregates for Member States, the Commission and the Council secretariat; acts by the Council secretariat.
  'GET /api/v1/scopes': [MS, AN, CC, CS],
  'GET /api/v1/scopes/:scopeId': [MS, AN, CC, CS],
  'POST /api/v1/scopes/:scopeId/council-acts': [CS],
  'GET /api/v1/stream': [MS, AN, CC, CS],

  // National strategic stocks (CRMA Art 22): reported by each Member State for itself, read by it and the Commission.
  'POST /api/v1/stock-reports': [MS],
  'GET /api/v1/stock-reports': [MS, AN, CC],

  // Dashboard read models.
  'GET /api/v1/scopes/:scopeId/open-instruments': [CC, AN],

  // The crisis cell dashboard: the page and its files hold no data (it comes from the API with the user's
  // token); the indicator trends follow the scope readers. The session holds only the token's own claims, so
  // exercise runners sign in too (their data is under the exercise's paths below).
  'GET /': 'public',
  'GET /dashboard/*': 'public',
  'GET /api/v1/dashboard/session': [MS, AN, CC, CS, EX],
  'GET /api/v1/dashboard/scopes/:scopeId/trends': [MS, AN, CC, CS],

  // Stress-test exercises: run in their own namespaces, by exercise runners only (a token bound to an exercise
  // sees that exercise only).
  'POST /api/v1/exercises': [EX],
  'GET /api/v1/exercises': [EX],
  'GET /api/v1/exercises/:exerciseId/report': [EX],
  'DELETE /api/v1/exercises/:exerciseId': [EX],

  // A finished exercise's views for the dashboard, read-only, from its own namespace (never live data).
  'GET /api/v1/exercises/:exerciseId/scopes': [EX],
  'GET /api/v1/exercises/:exerciseId/scopes/:scopeId': [EX],
  'GET /api/v1/exercises/:exerciseId/scopes/:scopeId/open-instruments': [EX],
  'GET /api/v1/exercises/:exerciseId/dashboard/scopes/:scopeId/trends': [EX],
  'GET /api/v1/exercises/:exerciseId/notifications': [EX],
  'GET /api/v1/exercises/:exerciseId/export-controls': [EX],
  'GET /api/v1/exercises/:exerciseId/stream': [EX],
  // The records behind the dashboard's evidence links, read in the exercise's namespace.
  'GET /api/v1/exercises/:exerciseId/:records/:recordId': [EX],
  'GET /api/v1/exercises/:exerciseId/audit/scopes/:scopeId': [EX],
};

/**
 * Cells where the running system is known to admit a role the policy above refuses. Each stays listed only
 * while it is still open: the suite fails when one is closed, so the entry is removed with the fix.
 */
export const KNOWN_GAPS: ReadonlyArray<{ readonly route: string; readonly role: Role; readonly why: string }> = [];
