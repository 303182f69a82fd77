import { DomainRuleViolation } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { JointProcurementState, JointProcurementStatus, KnownProcurement } from './joint-procurement.state';

/** IMERA Art 36+: joint procurement is available in vigilance and emergency mode. */
export function requireVigilanceOrEmergency(scope: ScopeModeSnapshot, at: string): 'vigilance' | 'emergency' {
  if (scope.mode === 'normal') {
    throw new DomainRuleViolation('not-in-vigilance-or-emergency-mode', `Scope ${scope.scopeId} is in normal mode`);
  }
  requirePeriodRunning(scope, at);
  return scope.mode;
}

export function requireKnown(state: JointProcurementState, procurementId: string): KnownProcurement {
  if (state.status === 'none')
    throw new DomainRuleViolation('procurement-not-found', `Joint procurement ${procurementId} was never requested`);
  return state;
}

export function requireStatus(state: KnownProcurement, status: JointProcurementStatus, code: string): void {
  if (state.status !== status)
    throw new DomainRuleViolation(code, `Joint procurement ${state.procurementId} is ${state.status}`);
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

export function requireWholeUnits(value: number, what: string, minimum = 0): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new DomainRuleViolation(
      'invalid-quantity',
      `${what} must be a whole number of units >= ${minimum}, got ${value}`,
    );
  }
}

export function unitOf(state: KnownProcurement, material: string): string {
  const listed = state.materials.find((m) => m.material === material);
  if (!listed)
    throw new DomainRuleViolation('material-not-in-procurement', `${material} is not part of ${state.procurementId}`);
  return listed.unit;
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
