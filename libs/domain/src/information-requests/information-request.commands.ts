import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { AddressedOperator, InformationTopic, ReportedFigure } from './information-request.events';

export interface IssueInformationRequest {
  readonly type: 'IssueInformationRequest';
  readonly requestId: string;
  /** The scope's mode as read when the Commission decided. */
  readonly scope: ScopeModeSnapshot;
  readonly mandatory: boolean;
  readonly topics: readonly InformationTopic[];
  readonly goods: readonly string[];
  readonly questions: string;
  readonly addressees: readonly AddressedOperator[];
  readonly deadline: string;
  readonly issuedAt: string;
  readonly issuedBy: string;
}

export interface AnswerInformationRequest {
  readonly type: 'AnswerInformationRequest';
  readonly requestId: string;
  readonly operatorId: string;
  readonly figures: readonly ReportedFigure[];
  readonly text: string;
  readonly answeredAt: string;
}

export interface DeclineInformationRequest {
  readonly type: 'DeclineInformationRequest';
  readonly requestId: string;
  readonly operatorId: string;
  readonly reasons: string;
  readonly declinedAt: string;
}

/** Sent by the scheduler once the deadline has passed; records every operator still silent. */
export interface MarkOverdue {
  readonly type: 'MarkOverdue';
  readonly requestId: string;
  readonly at: string;
}

/** Sent when the scope left the mode the request was issued under. */
export interface EndWithMode {
  readonly type: 'EndWithMode';
  readonly requestId: string;
  readonly scope: ScopeModeSnapshot;
  readonly endedAt: string;
}

export type InformationRequestCommand =
  IssueInformationRequest | AnswerInformationRequest | DeclineInformationRequest | MarkOverdue | EndWithMode;
