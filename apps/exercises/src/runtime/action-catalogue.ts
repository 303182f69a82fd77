import { Principal } from '@imera/auth';

/** How a scenario names who acts: a role, and for some roles the Member State or operator played. */
export interface ActorSpec {
  readonly role: Principal['role'];
  readonly memberState?: string;
  readonly operator?: string;
}

export interface ExerciseInput {
  readonly at: string;
  readonly action: string;
  readonly as?: ActorSpec;
  readonly params?: Readonly<Record<string, string>>;
  readonly data?: unknown;
}

interface CatalogueEntry {
  /** Route with `{param}` placeholders. */
  readonly route: string;
  /** Who acts when the input names no one; `data` is the request body. */
  readonly defaultActor: (data: Record<string, any>) => ActorSpec;
}

const analyst = (): ActorSpec => ({ role: 'commission-analyst' });
const crisisCell = (): ActorSpec => ({ role: 'crisis-cell' });
const council = (): ActorSpec => ({ role: 'council-secretariat' });
const authority = (memberState: (data: Record<string, any>) => unknown) => (data: Record<string, any>): ActorSpec => ({
  role: 'member-state-authority',
  memberState: typeof memberState(data) === 'string' ? (memberState(data) as string) : undefined,
});
const operator = (data: Record<string, any>): ActorSpec => ({ role: 'economic-operator', operator: typeof data.operatorId === 'string' ? data.operatorId : undefined });

/**
 * The actions a scenario may take: each is one route of the HTTP API, and its `data` is exactly that route's
 * body. Default actors are the roles the routes admit (a Member State authority where the API asks for one).
 */
export const ACTIONS: Readonly<Record<string, CatalogueEntry>> = {
  'notification.file': { route: '/api/v1/notifications', defaultActor: authority((data) => data.memberState) },
  'notification.update': { route: '/api/v1/notifications/{notificationId}/updates', defaultActor: authority((data) => data.memberState) },
  'notification.resolve': { route: '/api/v1/notifications/{notificationId}/resolution', defaultActor: authority((data) => data.memberState) },
  'export-control.record': { route: '/api/v1/export-controls', defaultActor: analyst },
  'export-control.suspend': { route: '/api/v1/export-controls/{measureId}/suspensions', defaultActor: analyst },
  'export-control.lift': { route: '/api/v1/export-controls/{measureId}/lifting', defaultActor: analyst },
  'export-control.amend': { route: '/api/v1/export-controls/{measureId}/amendments', defaultActor: analyst },
  'stock-report.file': { route: '/api/v1/stock-reports', defaultActor: authority((data) => data.memberState) },
  'council-act.record': { route: '/api/v1/scopes/{scopeId}/council-acts', defaultActor: council },
  'information-request.issue': { route: '/api/v1/information-requests', defaultActor: crisisCell },
  'information-request.answer': { route: '/api/v1/information-requests/{requestId}/answers', defaultActor: operator },
  'information-request.decline': { route: '/api/v1/information-requests/{requestId}/refusals', defaultActor: operator },
  'priority-rated-request.propose': { route: '/api/v1/priority-rated-requests', defaultActor: authority((data) => data.operator?.site?.country) },
  'priority-rated-request.host-consent': { route: '/api/v1/priority-rated-requests/{prrId}/host-consent', defaultActor: authority(() => undefined) },
  'priority-rated-request.issue': { route: '/api/v1/priority-rated-requests/{prrId}/issue', defaultActor: crisisCell },
  'priority-rated-request.accept': { route: '/api/v1/priority-rated-requests/{prrId}/acceptance', defaultActor: operator },
  'priority-rated-request.refuse': { route: '/api/v1/priority-rated-requests/{prrId}/refusal', defaultActor: operator },
  'priority-rated-request.record-delivery': { route: '/api/v1/priority-rated-requests/{prrId}/deliveries', defaultActor: operator },
  'stock-distribution.open': { route: '/api/v1/stock-distributions', defaultActor: crisisCell },
  'stock-distribution.report-stocks': { route: '/api/v1/stock-distributions/{roundId}/stock-reports', defaultActor: authority((data) => data.memberState) },
  'stock-distribution.report-needs': { route: '/api/v1/stock-distributions/{roundId}/need-reports', defaultActor: authority((data) => data.memberState) },
  'stock-distribution.plan': { route: '/api/v1/stock-distributions/{roundId}/plans', defaultActor: crisisCell },
  'stock-distribution.order': { route: '/api/v1/stock-distributions/{roundId}/orders', defaultActor: crisisCell },
  'stock-distribution.dispatch': { route: '/api/v1/stock-distributions/{roundId}/orders/{orderId}/dispatch', defaultActor: authority(() => undefined) },
  'stock-distribution.confirm-delivery': { route: '/api/v1/stock-distributions/{roundId}/orders/{orderId}/delivery', defaultActor: authority(() => undefined) },
  'joint-procurement.open': { route: '/api/v1/joint-procurements', defaultActor: authority((data) => (Array.isArray(data.requestingMemberStates) ? data.requestingMemberStates[0] : undefined)) },
  'joint-procurement.accept': { route: '/api/v1/joint-procurements/{procurementId}/acceptance', defaultActor: crisisCell },
  'joint-procurement.refuse': { route: '/api/v1/joint-procurements/{procurementId}/refusal', defaultActor: crisisCell },
  'joint-procurement.state-demand': { route: '/api/v1/joint-procurements/{procurementId}/demands', defaultActor: authority((data) => data.memberState) },
  'joint-procurement.aggregate': { route: '/api/v1/joint-procurements/{procurementId}/aggregation', defaultActor: crisisCell },
  'joint-procurement.record-offer': { route: '/api/v1/joint-procurements/{procurementId}/offers', defaultActor: crisisCell },
  'joint-procurement.match': { route: '/api/v1/joint-procurements/{procurementId}/matching', defaultActor: crisisCell },
  'joint-procurement.publish': { route: '/api/v1/joint-procurements/{procurementId}/publication', defaultActor: crisisCell },
};

export const ACTION_NAMES = Object.keys(ACTIONS) as readonly string[];

/** The route's path parameters, in order. */
export function routeParams(action: string): string[] {
  return [...(ACTIONS[action]?.route.matchAll(/\{(\w+)\}/g) ?? [])].map((match) => match[1]);
}

/** The concrete path, or the name of a missing parameter. */
export function routeOf(input: ExerciseInput): { path: string } | { missing: string } {
  const entry = ACTIONS[input.action];
  if (!entry) throw new Error(`unknown action ${input.action}`);
  for (const name of routeParams(input.action)) if (!input.params?.[name]) return { missing: name };
  return { path: entry.route.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(input.params![name])) };
}

/** The principal a namespace token is minted for: the input's `as`, completed with the action's default. */
export function actorOf(input: ExerciseInput): Principal {
  const entry = ACTIONS[input.action];
  const data = (typeof input.data === 'object' && input.data !== null ? input.data : {}) as Record<string, any>;
  const spec = input.as ?? entry.defaultActor(data);
  return principalFor(spec);
}

export function principalFor(spec: ActorSpec): Principal {
  switch (spec.role) {
    case 'member-state-authority':
      if (!spec.memberState) throw new MissingActorDetail('memberState', 'a Member State authority acts for a Member State: name it in as.memberState');
      return { role: spec.role, memberState: spec.memberState, subject: `exercise:authority-${spec.memberState.toLowerCase()}` } as Principal;
    case 'economic-operator':
      if (!spec.operator) throw new MissingActorDetail('operator', 'an economic operator acts for itself: name it in as.operator');
      return { role: spec.role, operatorId: spec.operator, subject: `exercise:operator-${spec.operator}` };
    case 'exercise-runner':
      return { role: spec.role, subject: 'exercise:runner' };
    default:
      return { role: spec.role, subject: `exercise:${spec.role}` };
  }
}

/** The input does not say enough to know who acts. */
export class MissingActorDetail extends Error {
  constructor(
    readonly field: 'memberState' | 'operator',
    message: string,
  ) {
    super(message);
  }
}
