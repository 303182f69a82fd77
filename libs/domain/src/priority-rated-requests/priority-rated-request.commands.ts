import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { QueuedRequest } from './operator-queue';
import { Quantity, RatedOperator, RefusalGround } from './priority-rated-request.events';

export interface ProposePriorityRatedRequest {
  readonly type: 'ProposePriorityRatedRequest';
  readonly prrId: string;
  readonly scope: ScopeModeSnapshot;
  readonly requestingMemberState: string;
  readonly operator: RatedOperator;
  readonly goods: string;
  readonly specification: string;
  readonly quantity: Quantity;
  /** Local calendar date (YYYY-MM-DD) by which the goods are needed. */
  readonly deliveryDate: string;
  readonly justification: string;
  readonly proposedAt: string;
  readonly proposedBy: string;
}

export interface DecideHostConsent {
  readonly type: 'DecideHostConsent';
  readonly prrId: string;
  readonly scope: ScopeModeSnapshot;
  readonly hostMemberState: string;
  readonly consent: boolean;
  /** Required when consent is refused. */
  readonly reasons?: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

/** What the issuer knows of the operator's book for these goods, read from accepted requests and answers. */
export interface OperatorBook {
  /** Stated production capacity in the unit of the request; absent when the operator has not stated it. */
  readonly unitsPerDay?: number;
  readonly acceptedRequests: readonly QueuedRequest[];
}

export interface IssuePriorityRatedRequest {
  readonly type: 'IssuePriorityRatedRequest';
  readonly prrId: string;
  readonly scope: ScopeModeSnapshot;
  readonly legalBasis: string;
  /** Overrides the configured response period. */
  readonly responseWorkingDays?: number;
  readonly operatorBook: OperatorBook;
  readonly issuedAt: string;
  readonly issuedBy: string;
}

export interface AcceptPriorityRatedRequest {
  readonly type: 'AcceptPriorityRatedRequest';
  readonly prrId: string;
  readonly scope: ScopeModeSnapshot;
  readonly operatorId: string;
  readonly acceptedAt: string;
}

export interface RefusePriorityRatedRequest {
  readonly type: 'RefusePriorityRatedRequest';
  readonly prrId: string;
  readonly operatorId: string;
  readonly ground: RefusalGround;
  readonly reasons: string;
  readonly refusedAt: string;
}

/** Sent by the scheduler once the response deadline has passed. */
export interface MarkLapsed {
  readonly type: 'MarkLapsed';
  readonly prrId: string;
  readonly at: string;
}

export interface RecordDelivery {
  readonly type: 'RecordDelivery';
  readonly prrId: string;
  readonly operatorId: string;
  readonly amount: number;
  readonly deliveredOn: string;
  readonly recordedAt: string;
}

/** Sent by the scheduler once the delivery date has passed: breached unless fulfilled on time. */
export interface AssessDelivery {
  readonly type: 'AssessDelivery';
  readonly prrId: string;
  readonly at: string;
}

/** Sent for every open request when the scope's emergency mode ends. */
export interface EndWithMode {
  readonly type: 'EndWithMode';
  readonly prrId: string;
  readonly scope: ScopeModeSnapshot;
  readonly endedAt: string;
}

export type PriorityRatedRequestCommand =
  | ProposePriorityRatedRequest
  | DecideHostConsent
  | IssuePriorityRatedRequest
  | AcceptPriorityRatedRequest
  | RefusePriorityRatedRequest
  | MarkLapsed
  | RecordDelivery
  | AssessDelivery
  | EndWithMode;
