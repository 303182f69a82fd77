import { DomainRuleViolation } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { isCalendarDate } from '@imera/domain/working-days';
import {
  CLOSED_STATUSES,
  KnownPriorityRatedRequest,
  PriorityRatedRequestState,
  PriorityRatedRequestStatus,
} from './priority-rated-request.state';

/** IMERA Art 26: only while emergency mode is active and the goods are on its crisis-relevant list. */
export function requireEmergencyFor(scope: ScopeModeSnapshot, goods: string, at: string): void {
  if (scope.mode !== 'emergency') {
    throw new DomainRuleViolation(
      'not-in-emergency-mode',
      `Scope ${scope.scopeId} is in ${scope.mode} mode, not emergency`,
    );
  }
  requirePeriodRunning(scope, at);
  if (!scope.crisisRelevantGoods.includes(goods)) {
    throw new DomainRuleViolation(
      'goods-not-crisis-relevant',
      `${goods} is not on the crisis-relevant list of ${scope.scopeId}`,
    );
  }
}

export function requireKnown(state: PriorityRatedRequestState, prrId: string): KnownPriorityRatedRequest {
  if (state.status === 'none')
    throw new DomainRuleViolation('request-not-found', `Priority-rated request ${prrId} does not exist`);
  return state;
}

export function requireSameScope(state: KnownPriorityRatedRequest, scope: ScopeModeSnapshot): void {
  if (scope.scopeId !== state.proposal.scopeId) {
    throw new DomainRuleViolation(
      'wrong-scope',
      `Request ${state.proposal.prrId} belongs to scope ${state.proposal.scopeId}`,
    );
  }
}

export function requireOpen(state: KnownPriorityRatedRequest): void {
  if (CLOSED_STATUSES.includes(state.status)) {
    throw new DomainRuleViolation('request-closed', `Request ${state.proposal.prrId} is closed (${state.status})`);
  }
}

export function requireAddressedOperator(state: KnownPriorityRatedRequest, operatorId: string): void {
  if (operatorId !== state.proposal.operator.operatorId) {
    throw new DomainRuleViolation(
      'not-the-addressed-operator',
      `Request ${state.proposal.prrId} is not addressed to ${operatorId}`,
    );
  }
}

const DECIDED_BY_OPERATOR: readonly PriorityRatedRequestStatus[] = [
  'accepted',
  'refused',
  'lapsed',
  'fulfilled',
  'breached',
];

/** Accept or refuse only once, only after issue and only before the response deadline. */
export function requireAwaitingResponse(state: KnownPriorityRatedRequest, at: string): void {
  if (DECIDED_BY_OPERATOR.includes(state.status)) {
    throw new DomainRuleViolation('already-decided', `Request ${state.proposal.prrId} is already ${state.status}`);
  }
  requireOpen(state);
  if (state.status !== 'issued')
    throw new DomainRuleViolation('not-issued', `Request ${state.proposal.prrId} is ${state.status}`);
  if (Date.parse(at) >= Date.parse(state.responseDeadline!.expiresAt)) {
    throw new DomainRuleViolation(
      'deadline-passed',
      `The response deadline ${state.responseDeadline!.lastDay} has passed`,
    );
  }
}

export function requireInstant(value: string, field: string): void {
  if (typeof value !== 'string' || !Number.isFinite(Date.parse(value))) {
    throw new DomainRuleViolation('invalid-time', `${field} must be an ISO-8601 instant, got "${value}"`);
  }
}

export function requireDate(value: string, field: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new DomainRuleViolation('invalid-date', `${field} must be a calendar date (YYYY-MM-DD), got "${value}"`);
  }
}

export function requireText(value: string | undefined, code: string, what: string): void {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new DomainRuleViolation(code, `${what} must not be empty`);
}

export function requirePositive(amount: number, what: string): void {
  if (!Number.isFinite(amount) || amount <= 0)
    throw new DomainRuleViolation('invalid-quantity', `${what} must be a number > 0`);
}

/** A snapshot whose mode period ended before `at` (expiry not yet processed) does not count as active. */
function requirePeriodRunning(scope: ScopeModeSnapshot, at: string): void {
  if (scope.activeUntil !== undefined && Date.parse(at) >= Date.parse(scope.activeUntil)) {
    throw new DomainRuleViolation(
      'mode-period-ended',
      `The ${scope.mode} mode of ${scope.scopeId} ended at ${scope.activeUntil}`,
    );
  }
}
