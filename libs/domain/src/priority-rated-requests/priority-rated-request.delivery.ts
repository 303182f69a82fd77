import { DomainRuleViolation } from '@imera/event-sourcing';
import { endOfLocalDay, localDateOf } from '@imera/domain/working-days';
import { AssessDelivery, EndWithMode, RecordDelivery } from './priority-rated-request.commands';
import { PriorityRatedRequestPolicy } from './priority-rated-request.config';
import { PriorityRatedRequestEvent } from './priority-rated-request.events';
import {
  requireAddressedOperator,
  requireDate,
  requireInstant,
  requireKnown,
  requireOpen,
  requirePositive,
  requireSameScope,
} from './priority-rated-request.rules';
import { CLOSED_STATUSES, PriorityRatedRequestState } from './priority-rated-request.state';

export function recordDelivery(
  command: RecordDelivery,
  state: PriorityRatedRequestState,
  policy: PriorityRatedRequestPolicy,
): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireOpen(known);
  if (known.status !== 'accepted')
    throw new DomainRuleViolation('not-accepted', `Request ${command.prrId} is ${known.status}`);
  requireAddressedOperator(known, command.operatorId);
  requireInstant(command.recordedAt, 'recordedAt');
  requireDate(command.deliveredOn, 'deliveredOn');
  requirePositive(command.amount, 'The delivered amount');
  if (command.deliveredOn > localDateOf(command.recordedAt, policy.calendar.timeZone)) {
    throw new DomainRuleViolation('delivery-in-future', `A delivery on ${command.deliveredOn} cannot be recorded yet`);
  }
  const { proposal } = known;
  const onTime = command.deliveredOn <= proposal.deliveryDate;
  const events: PriorityRatedRequestEvent[] = [
    {
      type: 'PriorityRatedDeliveryRecorded',
      data: {
        prrId: command.prrId,
        operatorId: command.operatorId,
        quantity: { amount: command.amount, unit: proposal.quantity.unit },
        deliveredOn: command.deliveredOn,
        onTime,
        recordedAt: command.recordedAt,
      },
    },
  ];
  const deliveredOnTime = known.deliveredOnTime + (onTime ? command.amount : 0);
  if (onTime && deliveredOnTime >= proposal.quantity.amount) {
    events.push({
      type: 'PriorityRatedRequestFulfilled',
      data: {
        prrId: command.prrId,
        scopeId: proposal.scopeId,
        operatorId: command.operatorId,
        delivered: { amount: deliveredOnTime, unit: proposal.quantity.unit },
        fulfilledOn: command.deliveredOn,
      },
    });
  }
  return events;
}

/** Idempotent for the scheduler: only an accepted, unfulfilled request is breached. */
export function assessDelivery(
  command: AssessDelivery,
  state: PriorityRatedRequestState,
  policy: PriorityRatedRequestPolicy,
): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireInstant(command.at, 'at');
  if (known.status !== 'accepted') return [];
  const { proposal } = known;
  if (Date.parse(command.at) < Date.parse(endOfLocalDay(proposal.deliveryDate, policy.calendar.timeZone))) {
    throw new DomainRuleViolation(
      'delivery-date-not-reached',
      `Delivery is due by the end of ${proposal.deliveryDate}`,
    );
  }
  const { unit } = proposal.quantity;
  return [
    {
      type: 'PriorityRatedRequestBreached',
      data: {
        prrId: command.prrId,
        scopeId: proposal.scopeId,
        operatorId: proposal.operator.operatorId,
        deliveryDate: proposal.deliveryDate,
        deliveredOnTime: { amount: known.deliveredOnTime, unit },
        shortfall: { amount: proposal.quantity.amount - known.deliveredOnTime, unit },
        recordedAt: command.at,
      },
    },
  ];
}

/** IMERA Art 26: priority-rated requests end with emergency mode; closed ones are left as they are. */
export function endWithMode(command: EndWithMode, state: PriorityRatedRequestState): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireSameScope(known, command.scope);
  requireInstant(command.endedAt, 'endedAt');
  if (CLOSED_STATUSES.includes(known.status)) return [];
  if (command.scope.mode === 'emergency') {
    throw new DomainRuleViolation(
      'emergency-mode-still-active',
      `Scope ${command.scope.scopeId} is still in emergency mode`,
    );
  }
  return [
    {
      type: 'PriorityRatedRequestEndedWithMode',
      data: {
        prrId: command.prrId,
        scopeId: known.proposal.scopeId,
        statusAtEnd: known.status,
        endedAt: command.endedAt,
      },
    },
  ];
}
