import { Principal } from '../roles/principal';
import { isCommissionRole, Role } from '../roles/roles';

/** Whether an action is live or part of a stress-test exercise. */
export interface ActingContext {
  readonly exerciseId?: string;
}

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return roles.includes(principal.role);
}

/** Commission staff: analysts and the crisis cell. */
export function isCommission(principal: Principal): boolean {
  return isCommissionRole(principal.role);
}

export function isExercisePrincipal(principal: Principal): boolean {
  return principal.role === 'exercise-runner';
}

/** An exercise runner acts in its own exercise, or in any exercise when its token names none. */
export function mayActInExercise(principal: Principal, exerciseId: string): boolean {
  if (principal.role !== 'exercise-runner') return false;
  return principal.exerciseId === undefined || principal.exerciseId === exerciseId;
}

/**
 * CRMA Art 21(2): each Member State notifies the significant events of its own key market operators, so
 * an authority files for its own Member State only. In an exercise, the runner may file for any.
 */
export function mayFileForMemberState(principal: Principal, memberState: string, context: ActingContext = {}): boolean {
  if (principal.role === 'member-state-authority') return principal.memberState === memberState;
  return exerciseRunnerActingIn(principal, context);
}

/** Confidential details of a filing are shown to the filing Member State and to the Commission only. */
export function mayViewConfidentialDetails(
  principal: Principal,
  filing: { readonly memberState: string; readonly exerciseId?: string },
): boolean {
  if (principal.role === 'member-state-authority') return principal.memberState === filing.memberState;
  if (isCommission(principal)) return true;
  return exerciseRunnerActingIn(principal, filing);
}

/** An operator answers requests addressed to it only; an exercise runner may play any operator. */
export function mayActAsOperator(principal: Principal, operatorId: string, context: ActingContext = {}): boolean {
  if (principal.role === 'economic-operator') return principal.operatorId === operatorId;
  return exerciseRunnerActingIn(principal, context);
}

/** The exercise a principal is bound to, if any; its events must carry that exercise id. */
export function boundExercise(principal: Principal): string | undefined {
  return principal.role === 'exercise-runner' ? principal.exerciseId : undefined;
}

function exerciseRunnerActingIn(principal: Principal, context: ActingContext): boolean {
  return context.exerciseId !== undefined && mayActInExercise(principal, context.exerciseId);
}
