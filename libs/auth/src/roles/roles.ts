/** The roles people and systems act in. A principal acts in exactly one role per token. */
export const ROLES = [
  /** A national authority that monitors key market operators and files their notifications (CRMA Art 21(2)). */
  'member-state-authority',
  /** Commission staff who analyse supply indicators and prepare proposals. */
  'commission-analyst',
  /** The Commission's crisis cell: proposes modes and issues the IMERA instruments. */
  'crisis-cell',
  /** Council General Secretariat: follows proposals the Council must adopt, without operator detail. */
  'council-secretariat',
  /** A company that answers information requests and priority-rated requests addressed to it. */
  'economic-operator',
  /** Runs stress-test exercises; everything it does belongs to an exercise, never to live data. */
  'exercise-runner',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles held by Commission staff. */
export const COMMISSION_ROLES: readonly Role[] = ['commission-analyst', 'crisis-cell'];

export function isCommissionRole(role: Role): boolean {
  return COMMISSION_ROLES.includes(role);
}
