import { DomainRuleViolation } from '@imera/event-sourcing';
import { AcceptPriorityRatedRequest, MarkLapsed, RefusePriorityRatedRequest } from './priority-rated-request.commands';
import { PriorityRatedRequestEvent, REFUSAL_GROUNDS } from './priority-rated-request.events';
import {
  requireAddressedOperator,
  requireAwaitingResponse,
  requireEmergencyFor,
  requireInstant,
  requireKnown,
  requireSameScope,
  requireText,
} from './priority-rated-request.rules';
import { PriorityRatedRequestState } from './priority-rated-request.state';

export function accept(
  command: AcceptPriorityRatedRequest,
  state: PriorityRatedRequestState,
): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireSameScope(known, command.scope);
  requireInstant(command.acceptedAt, 'acceptedAt');
  requireAddressedOperator(known, command.operatorId);
  requireAwaitingResponse(known, command.acceptedAt);
  requireEmergencyFor(command.scope, known.proposal.goods, command.acceptedAt);
  const { proposal } = known;
  return [
    {
      type: 'PriorityRatedRequestAccepted',
      data: {
        prrId: proposal.prrId,
        scopeId: proposal.scopeId,
        operatorId: command.operatorId,
        goods: proposal.goods,
        quantity: proposal.quantity,
        deliveryDate: proposal.deliveryDate,
        receivedAt: known.issuedAt!,
        // As reported of the adopted IMERA text: complying does not make the operator liable for contracts set aside.
        operatorNotLiableForSetAsideContracts: true,
        acceptedAt: command.acceptedAt,
      },
    },
  ];
}

export function refuse(
  command: RefusePriorityRatedRequest,
  state: PriorityRatedRequestState,
): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireInstant(command.refusedAt, 'refusedAt');
  requireAddressedOperator(known, command.operatorId);
  requireAwaitingResponse(known, command.refusedAt);
  if (!REFUSAL_GROUNDS.includes(command.ground))
    throw new DomainRuleViolation('unknown-ground', `Unknown ground "${command.ground}"`);
  // The request must tell the operator it may refuse; a refusal must give its reasons.
  requireText(command.reasons, 'grounds-required', 'The grounds for refusing');
  return [
    {
      type: 'PriorityRatedRequestRefused',
      data: {
        prrId: command.prrId,
        scopeId: known.proposal.scopeId,
        operatorId: command.operatorId,
        ground: command.ground,
        reasons: command.reasons,
        refusedAt: command.refusedAt,
      },
    },
  ];
}

/** Idempotent for the scheduler: a request answered (or closed) meanwhile yields nothing. */
export function markLapsed(command: MarkLapsed, state: PriorityRatedRequestState): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireInstant(command.at, 'at');
  if (known.status !== 'issued') return [];
  const deadline = known.responseDeadline!;
  if (Date.parse(command.at) < Date.parse(deadline.expiresAt)) {
    throw new DomainRuleViolation('deadline-not-passed', `The response deadline ${deadline.lastDay} has not passed`);
  }
  return [
    {
      type: 'PriorityRatedRequestLapsed',
      data: {
        prrId: command.prrId,
        scopeId: known.proposal.scopeId,
        operatorId: known.proposal.operator.operatorId,
        expiredAt: deadline.expiresAt,
        recordedAt: command.at,
      },
    },
  ];
}
