import { Decider } from '@imera/event-sourcing';
import { PriorityRatedRequestCommand } from './priority-rated-request.commands';
import { DEFAULT_PRIORITY_RATED_REQUEST_POLICY, PriorityRatedRequestPolicy } from './priority-rated-request.config';
import { assessDelivery, endWithMode, recordDelivery } from './priority-rated-request.delivery';
import { PriorityRatedRequestEvent } from './priority-rated-request.events';
import { decideHostConsent, issue, propose } from './priority-rated-request.issuing';
import { accept, markLapsed, refuse } from './priority-rated-request.response';
import {
  evolvePriorityRatedRequest,
  initialPriorityRatedRequestState,
  PriorityRatedRequestState,
} from './priority-rated-request.state';

export type PriorityRatedRequestDecider = Decider<
  PriorityRatedRequestCommand,
  PriorityRatedRequestState,
  PriorityRatedRequestEvent
>;

/**
 * A priority-rated request is a request, not a command: nothing proceeds without the operator's acceptance.
 * Lifecycle: proposed by a Member State -> host Member State consents -> issued by the Commission ->
 * accepted / refused / lapsed -> fulfilled / breached; every open request ends with emergency mode.
 */
export function createPriorityRatedRequestDecider(
  policy: PriorityRatedRequestPolicy = DEFAULT_PRIORITY_RATED_REQUEST_POLICY,
): PriorityRatedRequestDecider {
  return {
    decide: (command, state) => decide(command, state, policy),
    evolve: evolvePriorityRatedRequest,
    initialState: initialPriorityRatedRequestState,
  };
}

function decide(
  command: PriorityRatedRequestCommand,
  state: PriorityRatedRequestState,
  policy: PriorityRatedRequestPolicy,
): PriorityRatedRequestEvent[] {
  switch (command.type) {
    case 'ProposePriorityRatedRequest':
      return propose(command, state, policy);
    case 'DecideHostConsent':
      return decideHostConsent(command, state);
    case 'IssuePriorityRatedRequest':
      return issue(command, state, policy);
    case 'AcceptPriorityRatedRequest':
      return accept(command, state);
    case 'RefusePriorityRatedRequest':
      return refuse(command, state);
    case 'MarkLapsed':
      return markLapsed(command, state);
    case 'RecordDelivery':
      return recordDelivery(command, state, policy);
    case 'AssessDelivery':
      return assessDelivery(command, state, policy);
    case 'EndWithMode':
      return endWithMode(command, state);
  }
}
