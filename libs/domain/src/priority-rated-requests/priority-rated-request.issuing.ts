import { DomainRuleViolation } from '@imera/event-sourcing';
import { localDateOf, workingDayDeadline } from '@imera/domain/working-days';
import { assessConflicts } from './operator-queue';
import {
  DecideHostConsent,
  IssuePriorityRatedRequest,
  ProposePriorityRatedRequest,
} from './priority-rated-request.commands';
import { PriorityRatedRequestPolicy } from './priority-rated-request.config';
import { PriorityRatedRequestEvent } from './priority-rated-request.events';
import {
  requireDate,
  requireEmergencyFor,
  requireInstant,
  requireKnown,
  requireOpen,
  requirePositive,
  requireSameScope,
  requireText,
} from './priority-rated-request.rules';
import { PriorityRatedRequestState } from './priority-rated-request.state';

export function propose(
  command: ProposePriorityRatedRequest,
  state: PriorityRatedRequestState,
  policy: PriorityRatedRequestPolicy,
): PriorityRatedRequestEvent[] {
  if (state.status !== 'none') throw new DomainRuleViolation('already-proposed', `Request ${command.prrId} exists`);
  requireInstant(command.proposedAt, 'proposedAt');
  requireEmergencyFor(command.scope, command.goods, command.proposedAt);
  requireText(command.requestingMemberState, 'member-state-required', 'The requesting Member State');
  requireText(command.operator?.operatorId, 'operator-required', 'The operator');
  requireText(command.operator?.site?.country, 'host-member-state-required', 'The country of the production site');
  requireText(command.specification, 'specification-required', 'The specification');
  requireText(command.justification, 'justification-required', 'The justification');
  requirePositive(command.quantity?.amount, 'The quantity');
  requireText(command.quantity.unit, 'invalid-quantity', 'The unit');
  requireDate(command.deliveryDate, 'deliveryDate');
  if (command.deliveryDate <= localDateOf(command.proposedAt, policy.calendar.timeZone)) {
    throw new DomainRuleViolation(
      'delivery-date-not-in-future',
      `Delivery date ${command.deliveryDate} has already come`,
    );
  }
  const proposed: PriorityRatedRequestEvent = {
    type: 'PriorityRatedRequestProposed',
    data: {
      prrId: command.prrId,
      scopeId: command.scope.scopeId,
      requestingMemberState: command.requestingMemberState,
      operator: { ...command.operator, site: { ...command.operator.site } },
      goods: command.goods,
      specification: command.specification,
      quantity: { ...command.quantity },
      deliveryDate: command.deliveryDate,
      justification: command.justification,
      proposedAt: command.proposedAt,
      proposedBy: command.proposedBy,
    },
  };
  // A proposal from the Member State where the site is already is that Member State's agreement.
  if (command.requestingMemberState !== command.operator.site.country) return [proposed];
  return [proposed, consented(command.prrId, command.requestingMemberState, command.proposedAt, command.proposedBy)];
}

function consented(prrId: string, hostMemberState: string, at: string, by: string): PriorityRatedRequestEvent {
  return { type: 'HostMemberStateConsented', data: { prrId, hostMemberState, consentedAt: at, consentedBy: by } };
}

export function decideHostConsent(
  command: DecideHostConsent,
  state: PriorityRatedRequestState,
): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireSameScope(known, command.scope);
  requireOpen(known);
  requireInstant(command.decidedAt, 'decidedAt');
  if (known.status !== 'proposed')
    throw new DomainRuleViolation('host-consent-already-decided', `Request ${command.prrId} is ${known.status}`);
  const host = known.proposal.operator.site.country;
  // Procedure modelled on Reg 2025/2643 Art 63/66 until IMERA's text is confirmed: prior agreement of the
  // Member State where the production site is.
  if (command.hostMemberState !== host) {
    throw new DomainRuleViolation(
      'not-the-host-member-state',
      `The production site is in ${host}, not ${command.hostMemberState}`,
    );
  }
  if (command.consent) {
    requireEmergencyFor(command.scope, known.proposal.goods, command.decidedAt);
    return [consented(command.prrId, host, command.decidedAt, command.decidedBy)];
  }
  requireText(command.reasons, 'reasons-required', 'The reasons for refusing consent');
  return [
    {
      type: 'HostMemberStateRefusedConsent',
      data: {
        prrId: command.prrId,
        hostMemberState: host,
        reasons: command.reasons!,
        refusedAt: command.decidedAt,
        refusedBy: command.decidedBy,
      },
    },
  ];
}

export function issue(
  command: IssuePriorityRatedRequest,
  state: PriorityRatedRequestState,
  policy: PriorityRatedRequestPolicy,
): PriorityRatedRequestEvent[] {
  const known = requireKnown(state, command.prrId);
  requireSameScope(known, command.scope);
  requireOpen(known);
  requireInstant(command.issuedAt, 'issuedAt');
  if (known.status === 'proposed')
    throw new DomainRuleViolation('host-consent-missing', `${known.proposal.operator.site.country} has not consented`);
  if (known.status !== 'host-consented')
    throw new DomainRuleViolation('already-issued', `Request ${command.prrId} is ${known.status}`);
  const { proposal } = known;
  requireEmergencyFor(command.scope, proposal.goods, command.issuedAt);
  requireText(command.legalBasis, 'legal-basis-required', 'The legal basis');
  const responseDeadline = deadlineFor(command, policy);
  if (responseDeadline.lastDay >= proposal.deliveryDate) {
    throw new DomainRuleViolation(
      'delivery-date-before-response-deadline',
      `The operator could answer only on ${responseDeadline.lastDay}, after delivery is due`,
    );
  }
  const candidate = {
    prrId: proposal.prrId,
    quantity: proposal.quantity.amount,
    deliveryDate: proposal.deliveryDate,
    receivedAt: command.issuedAt,
  };
  const asOf = localDateOf(command.issuedAt, policy.calendar.timeZone);
  const conflicts = assessConflicts(
    candidate,
    command.operatorBook.acceptedRequests,
    command.operatorBook.unitsPerDay,
    asOf,
  );
  return [
    {
      type: 'PriorityRatedRequestIssued',
      data: {
        prrId: proposal.prrId,
        scopeId: proposal.scopeId,
        requestingMemberState: proposal.requestingMemberState,
        hostMemberState: proposal.operator.site.country,
        operator: proposal.operator,
        goods: proposal.goods,
        specification: proposal.specification,
        quantity: proposal.quantity,
        deliveryDate: proposal.deliveryDate,
        legalBasis: command.legalBasis,
        responseDeadline,
        operatorMayRefuseWithReasons: true,
        rightToRefuseStatement: policy.rightToRefuseStatement,
        conflictCheck: conflicts.check,
        conflictsWithAcceptedRequests: conflicts.conflictsWithAcceptedRequests,
        issuedAt: command.issuedAt,
        issuedBy: command.issuedBy,
      },
    },
  ];
}

function deadlineFor(command: IssuePriorityRatedRequest, policy: PriorityRatedRequestPolicy) {
  const workingDays = command.responseWorkingDays ?? policy.defaultResponseWorkingDays;
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new DomainRuleViolation(
      'invalid-response-period',
      `The response period must be a whole number of working days >= 1, got ${workingDays}`,
    );
  }
  return { workingDays, ...workingDayDeadline(command.issuedAt, workingDays, policy.calendar) };
}
