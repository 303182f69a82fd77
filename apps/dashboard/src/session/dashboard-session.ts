import { Principal } from '@imera/auth';

/** Who is signed in and which parts of the dashboard their role may see. */
export interface DashboardSession {
  readonly subject: string;
  readonly name?: string;
  readonly role: Principal['role'];
  readonly memberState?: string;
  readonly exerciseId?: string;
  readonly shows: {
    /** Information requests, priority-rated requests, stock distribution and joint procurement by scope. */
    readonly openInstruments: boolean;
    /** Notifications: a Member State authority its own filings, the Commission all of them. */
    readonly filings: 'own' | 'all' | 'none';
    readonly auditTrail: boolean;
  };
}

/** Mirrors the roles the underlying endpoints admit, so the page does not offer what would be refused. */
export function dashboardSession(principal: Principal): DashboardSession {
  const commission = principal.role === 'crisis-cell' || principal.role === 'commission-analyst';
  return {
    subject: principal.subject,
    ...(principal.name ? { name: principal.name } : {}),
    role: principal.role,
    ...(principal.role === 'member-state-authority' ? { memberState: principal.memberState } : {}),
    ...(principal.role === 'exercise-runner' && principal.exerciseId ? { exerciseId: principal.exerciseId } : {}),
    shows: {
      openInstruments: commission,
      filings: commission ? 'all' : principal.role === 'member-state-authority' ? 'own' : 'none',
      auditTrail: commission,
    },
  };
}
