import { DomainRuleViolation } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { OpenRound, StockDistributionState } from './stock-distribution.state';

export function requireRound(state: StockDistributionState, roundId: string): OpenRound {
  if (state.status === 'none')
    throw new DomainRuleViolation('round-not-found', `Distribution round ${roundId} was never opened`);
  return state;
}

export function requireCollecting(round: OpenRound): void {
  if (round.status !== 'collecting') {
    throw new DomainRuleViolation(
      'orders-already-issued',
      `Round ${round.roundId} has issued its orders; reports are closed`,
    );
  }
}

export function requireSameScope(round: OpenRound, scope: ScopeModeSnapshot): void {
  if (scope.scopeId !== round.scopeId)
    throw new DomainRuleViolation('wrong-scope', `Round ${round.roundId} belongs to scope ${round.scopeId}`);
}

/** Stock coordination is a vigilance and emergency measure; planning is allowed in both. */
export function requireVigilanceOrEmergency(scope: ScopeModeSnapshot, at: string): 'vigilance' | 'emergency' {
  if (scope.mode === 'normal') {
    throw new DomainRuleViolation('not-in-vigilance-or-emergency-mode', `Scope ${scope.scopeId} is in normal mode`);
  }
  requirePeriodRunning(scope, at);
  return scope.mode;
}

/** Orders that move stock are executed only in emergency mode; in vigilance they may only be planned. */
export function requireEmergency(scope: ScopeModeSnapshot, at: string): void {
  if (scope.mode !== 'emergency') {
    throw new DomainRuleViolation(
      'not-in-emergency-mode',
      `Scope ${scope.scopeId} is in ${scope.mode} mode: plan, do not issue`,
    );
  }
  requirePeriodRunning(scope, at);
}

export function requireInstant(value: string, field: string): void {
  if (typeof value !== 'string' || !Number.isFinite(Date.parse(value))) {
    throw new DomainRuleViolation('invalid-time', `${field} must be an ISO-8601 instant, got "${value}"`);
  }
}

export function requireText(value: string | undefined, code: string, what: string): void {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new DomainRuleViolation(code, `${what} must not be empty`);
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
