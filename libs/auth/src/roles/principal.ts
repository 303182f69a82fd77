import { MemberStateCode } from '@imera/reference-data';

interface PrincipalBase {
  /** Stable id of the person or system (the token subject); events record it as the actor. */
  readonly subject: string;
  /** Display name, when the token carries one. */
  readonly name?: string;
}

export interface MemberStateAuthority extends PrincipalBase {
  readonly role: 'member-state-authority';
  readonly memberState: MemberStateCode;
}

export interface CommissionAnalyst extends PrincipalBase {
  readonly role: 'commission-analyst';
}

export interface CrisisCellOfficer extends PrincipalBase {
  readonly role: 'crisis-cell';
}

export interface CouncilSecretariatOfficer extends PrincipalBase {
  readonly role: 'council-secretariat';
}

export interface EconomicOperatorPrincipal extends PrincipalBase {
  readonly role: 'economic-operator';
  readonly operatorId: string;
}

export interface ExerciseRunner extends PrincipalBase {
  readonly role: 'exercise-runner';
  /** When present, the runner may act in this exercise only. */
  readonly exerciseId?: string;
}

/** Who is calling, in which role, bound to what. */
export type Principal =
  | MemberStateAuthority
  | CommissionAnalyst
  | CrisisCellOfficer
  | CouncilSecretariatOfficer
  | EconomicOperatorPrincipal
  | ExerciseRunner;
