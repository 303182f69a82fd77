import { DomainRuleViolation } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { IssueInformationRequest } from './information-request.commands';
import { INFORMATION_TOPICS, ReportedFigure } from './information-request.events';
import { IssuedInformationRequest } from './information-request.state';

export function requireInstant(value: string, field: string): void {
  if (typeof value !== 'string' || !Number.isFinite(Date.parse(value))) {
    throw new DomainRuleViolation('invalid-time', `${field} must be an ISO-8601 instant, got "${value}"`);
  }
}

export function requireText(value: string, code: string, what: string): void {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new DomainRuleViolation(code, `${what} must not be empty`);
}

/** Information requests exist only in vigilance and emergency mode; mandatory ones only in emergency. */
export function requireModeFor(command: IssueInformationRequest): 'vigilance' | 'emergency' {
  const { mode } = command.scope;
  if (mode === 'normal') {
    throw new DomainRuleViolation(
      'not-in-vigilance-or-emergency-mode',
      `Scope ${command.scope.scopeId} is in normal mode`,
    );
  }
  if (command.mandatory && mode !== 'emergency') {
    // IMERA Art 26-27: a request operators must answer is an emergency-mode instrument.
    throw new DomainRuleViolation(
      'mandatory-request-requires-emergency-mode',
      'Only emergency mode allows mandatory requests',
    );
  }
  requirePeriodRunning(command.scope, command.issuedAt);
  return mode;
}

export function requireListedGoods(command: IssueInformationRequest): void {
  if (command.goods.length === 0)
    throw new DomainRuleViolation('goods-required', 'Name the goods the request is about');
  const { scope } = command;
  for (const goods of command.goods) {
    // IMERA Art 26: mandatory requests only for goods on the crisis-relevant list of the emergency act.
    if (command.mandatory && !scope.crisisRelevantGoods.includes(goods)) {
      throw new DomainRuleViolation(
        'goods-not-crisis-relevant',
        `${goods} is not on the crisis-relevant list of ${scope.scopeId}`,
      );
    }
    if (!command.mandatory && !isListed(goods, scope)) {
      // IMERA Art 15 and 18(4): voluntary requests concern goods listed by the act that activated the mode.
      throw new DomainRuleViolation(
        'goods-not-of-critical-importance',
        `${goods} is on no goods list of ${scope.scopeId}`,
      );
    }
  }
}

function isListed(goods: string, scope: ScopeModeSnapshot): boolean {
  return scope.goodsOfCriticalImportance.includes(goods) || scope.crisisRelevantGoods.includes(goods);
}

export function requireAddressees(command: IssueInformationRequest): void {
  if (command.addressees.length === 0)
    throw new DomainRuleViolation('addressees-required', 'Address at least one operator');
  const seen = new Set<string>();
  for (const addressee of command.addressees) {
    requireText(addressee.operatorId, 'operator-id-required', 'Operator id');
    requireText(addressee.operatorName, 'operator-name-required', 'Operator name');
    requireText(addressee.memberState, 'member-state-required', `Member State of ${addressee.operatorId}`);
    if (seen.has(addressee.operatorId)) {
      throw new DomainRuleViolation('duplicate-addressee', `${addressee.operatorId} is addressed twice`);
    }
    seen.add(addressee.operatorId);
  }
}

export function requireTopics(command: IssueInformationRequest): void {
  if (command.topics.length === 0) throw new DomainRuleViolation('topics-required', 'Name at least one topic');
  for (const topic of command.topics) {
    if (!INFORMATION_TOPICS.includes(topic)) throw new DomainRuleViolation('unknown-topic', `Unknown topic "${topic}"`);
  }
}

export function requireFigures(figures: readonly ReportedFigure[]): void {
  for (const figure of figures) {
    const valid =
      INFORMATION_TOPICS.includes(figure.topic) &&
      figure.label?.trim().length > 0 &&
      figure.unit?.trim().length > 0 &&
      Number.isFinite(figure.value) &&
      figure.value >= 0;
    if (!valid)
      throw new DomainRuleViolation(
        'invalid-figure',
        `Figure "${figure.label}" needs a topic, a label, a unit and a value >= 0`,
      );
  }
}

/** Finds the addressee and checks it may still respond at `at`. */
export function requirePendingAddressee(state: IssuedInformationRequest, operatorId: string, at: string) {
  if (state.status === 'ended')
    throw new DomainRuleViolation('request-ended', `Request ${state.requestId} ended with its mode`);
  const addressee = state.addressees[operatorId];
  if (!addressee)
    throw new DomainRuleViolation('operator-not-addressed', `${operatorId} is not addressed by ${state.requestId}`);
  if (addressee.status !== 'awaiting') {
    throw new DomainRuleViolation('already-responded', `${operatorId} already has status ${addressee.status}`);
  }
  // IMERA Art 27: the request sets a deadline; a response after it is recorded as missed, not accepted.
  if (Date.parse(at) >= Date.parse(state.deadline)) {
    throw new DomainRuleViolation('deadline-passed', `The deadline ${state.deadline} of ${state.requestId} has passed`);
  }
  return addressee;
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
