import { Decider, DomainRuleViolation } from '@imera/event-sourcing';
import { modeRank } from '@imera/domain/imera-modes';
import {
  AnswerInformationRequest,
  DeclineInformationRequest,
  EndWithMode,
  InformationRequestCommand,
  IssueInformationRequest,
  MarkOverdue,
} from './information-request.commands';
import { DEFAULT_INFORMATION_REQUEST_POLICY, InformationRequestPolicy } from './information-request.config';
import { InformationRequestEvent } from './information-request.events';
import {
  requireAddressees,
  requireFigures,
  requireInstant,
  requireListedGoods,
  requireModeFor,
  requirePendingAddressee,
  requireText,
  requireTopics,
} from './information-request.rules';
import {
  awaitingOperatorIds,
  evolveInformationRequest,
  initialInformationRequestState,
  InformationRequestState,
  IssuedInformationRequest,
} from './information-request.state';

export type InformationRequestDecider = Decider<
  InformationRequestCommand,
  InformationRequestState,
  InformationRequestEvent
>;

export function createInformationRequestDecider(
  policy: InformationRequestPolicy = DEFAULT_INFORMATION_REQUEST_POLICY,
): InformationRequestDecider {
  return {
    decide: (command, state) => decide(command, state, policy),
    evolve: evolveInformationRequest,
    initialState: initialInformationRequestState,
  };
}

function decide(command: InformationRequestCommand, state: InformationRequestState, policy: InformationRequestPolicy) {
  if (command.type === 'IssueInformationRequest') return issue(command, state, policy);
  if (state.status === 'not-issued') {
    throw new DomainRuleViolation('request-not-issued', `Information request ${command.requestId} was never issued`);
  }
  switch (command.type) {
    case 'AnswerInformationRequest':
      return answer(command, state);
    case 'DeclineInformationRequest':
      return decline(command, state);
    case 'MarkOverdue':
      return markOverdue(command, state);
    case 'EndWithMode':
      return endWithMode(command, state);
  }
}

function issue(
  command: IssueInformationRequest,
  state: InformationRequestState,
  policy: InformationRequestPolicy,
): InformationRequestEvent[] {
  if (state.status !== 'not-issued')
    throw new DomainRuleViolation('already-issued', `Request ${command.requestId} exists`);
  requireInstant(command.issuedAt, 'issuedAt');
  requireInstant(command.deadline, 'deadline');
  const mode = requireModeFor(command);
  requireListedGoods(command);
  requireTopics(command);
  requireAddressees(command);
  requireText(command.questions, 'questions-required', 'The questions');
  requireText(command.issuedBy, 'issuer-required', 'The issuer');
  if (Date.parse(command.deadline) <= Date.parse(command.issuedAt)) {
    throw new DomainRuleViolation('deadline-not-in-future', 'The deadline must be after the time of issue');
  }
  const penaltyTerms = command.mandatory ? policy.mandatoryRequestPenalties : undefined;
  return [
    {
      type: 'InformationRequestIssued',
      data: {
        requestId: command.requestId,
        scopeId: command.scope.scopeId,
        issuedInMode: mode,
        mandatory: command.mandatory,
        ...(penaltyTerms ? { penaltyTerms } : {}),
        topics: [...command.topics],
        goods: [...command.goods],
        questions: command.questions,
        addressees: command.addressees.map((a) => ({ ...a })),
        deadline: command.deadline,
        issuedAt: command.issuedAt,
        issuedBy: command.issuedBy,
      },
    },
  ];
}

function answer(command: AnswerInformationRequest, state: IssuedInformationRequest): InformationRequestEvent[] {
  requireInstant(command.answeredAt, 'answeredAt');
  const addressee = requirePendingAddressee(state, command.operatorId, command.answeredAt);
  requireFigures(command.figures);
  if (command.figures.length === 0 && command.text.trim().length === 0) {
    throw new DomainRuleViolation('empty-answer', 'An answer needs figures or text');
  }
  return [
    {
      type: 'InformationRequestAnswered',
      data: {
        requestId: state.requestId,
        scopeId: state.scopeId,
        operatorId: command.operatorId,
        memberState: addressee.memberState,
        figures: command.figures.map((f) => ({ ...f })),
        text: command.text,
        answeredAt: command.answeredAt,
      },
    },
  ];
}

function decline(command: DeclineInformationRequest, state: IssuedInformationRequest): InformationRequestEvent[] {
  requireInstant(command.declinedAt, 'declinedAt');
  const addressee = requirePendingAddressee(state, command.operatorId, command.declinedAt);
  // IMERA Art 27: an operator that does not provide the information must explain why.
  requireText(command.reasons, 'reasons-required', 'The reasons for declining');
  return [
    {
      type: 'InformationRequestDeclined',
      data: {
        requestId: state.requestId,
        scopeId: state.scopeId,
        operatorId: command.operatorId,
        memberState: addressee.memberState,
        reasons: command.reasons,
        mandatory: state.mandatory,
        declinedAt: command.declinedAt,
      },
    },
  ];
}

function markOverdue(command: MarkOverdue, state: IssuedInformationRequest): InformationRequestEvent[] {
  requireInstant(command.at, 'at');
  if (Date.parse(command.at) < Date.parse(state.deadline)) {
    throw new DomainRuleViolation(
      'deadline-not-passed',
      `The deadline ${state.deadline} has not passed at ${command.at}`,
    );
  }
  if (state.status === 'ended') return [];
  return awaitingOperatorIds(state).map((operatorId) => ({
    type: 'InformationRequestDeadlineMissed' as const,
    data: {
      requestId: state.requestId,
      scopeId: state.scopeId,
      operatorId,
      memberState: state.addressees[operatorId].memberState,
      mandatory: state.mandatory,
      deadline: state.deadline,
      recordedAt: command.at,
    },
  }));
}

function endWithMode(command: EndWithMode, state: IssuedInformationRequest): InformationRequestEvent[] {
  requireInstant(command.endedAt, 'endedAt');
  if (command.scope.scopeId !== state.scopeId) {
    throw new DomainRuleViolation('wrong-scope', `Request ${state.requestId} belongs to scope ${state.scopeId}`);
  }
  if (state.status === 'ended') return [];
  // IMERA Art 26: the instruments of a mode end with it (a vigilance request survives escalation to emergency).
  if (modeRank(command.scope.mode) >= modeRank(state.issuedInMode)) {
    throw new DomainRuleViolation('mode-still-active', `Scope ${state.scopeId} is still in ${command.scope.mode} mode`);
  }
  return [
    {
      type: 'InformationRequestEndedWithMode',
      data: {
        requestId: state.requestId,
        scopeId: state.scopeId,
        issuedInMode: state.issuedInMode,
        modeNow: command.scope.mode,
        pendingAddressees: awaitingOperatorIds(state).map((operatorId) => ({
          operatorId,
          memberState: state.addressees[operatorId].memberState,
        })),
        endedAt: command.endedAt,
      },
    },
  ];
}
