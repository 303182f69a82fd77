import { Event } from '@imera/event-sourcing';

export interface RatedOperator {
  readonly operatorId: string;
  readonly operatorName: string;
  /** The production site; its country is the host Member State whose consent is needed. */
  readonly site: { readonly name: string; readonly country: string };
}

export interface Quantity {
  readonly amount: number;
  readonly unit: string;
}

export interface ResponseDeadline {
  readonly workingDays: number;
  /** Last local day on which the operator may still answer. */
  readonly lastDay: string;
  readonly timeZone: string;
  /** The instant the deadline has passed. */
  readonly expiresAt: string;
}

export const REFUSAL_GROUNDS = [
  'conflicts-with-accepted-requests',
  'insufficient-capacity',
  'technical-infeasibility',
  'other',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/**
 * Result of checking a new request against the operator's accepted ones and stated capacity:
 * `exceeds-stated-capacity` means it cannot be met on time even with no other request queued ahead.
 */
export type ConflictCheck = 'no-conflict' | 'conflicts' | 'exceeds-stated-capacity' | 'capacity-not-stated';

/** A Member State asks the Commission to issue a priority-rated request. */
export type PriorityRatedRequestProposed = Event<
  'PriorityRatedRequestProposed',
  {
    readonly prrId: string;
    readonly scopeId: string;
    readonly requestingMemberState: string;
    readonly operator: RatedOperator;
    readonly goods: string;
    readonly specification: string;
    readonly quantity: Quantity;
    readonly deliveryDate: string;
    readonly justification: string;
    readonly proposedAt: string;
    readonly proposedBy: string;
  }
>;

export type HostMemberStateConsented = Event<
  'HostMemberStateConsented',
  {
    readonly prrId: string;
    readonly hostMemberState: string;
    readonly consentedAt: string;
    readonly consentedBy: string;
  }
>;

export type HostMemberStateRefusedConsent = Event<
  'HostMemberStateRefusedConsent',
  {
    readonly prrId: string;
    readonly hostMemberState: string;
    readonly reasons: string;
    readonly refusedAt: string;
    readonly refusedBy: string;
  }
>;

export type PriorityRatedRequestIssued = Event<
  'PriorityRatedRequestIssued',
  {
    readonly prrId: string;
    readonly scopeId: string;
    readonly requestingMemberState: string;
    readonly hostMemberState: string;
    readonly operator: RatedOperator;
    readonly goods: string;
    readonly specification: string;
    readonly quantity: Quantity;
    readonly deliveryDate: string;
    readonly legalBasis: string;
    readonly responseDeadline: ResponseDeadline;
    /** The request tells the operator explicitly that it may refuse, giving reasons. */
    readonly operatorMayRefuseWithReasons: true;
    readonly rightToRefuseStatement: string;
    readonly conflictCheck: ConflictCheck;
    /** Accepted requests of this operator that this one could not be met without displacing. */
    readonly conflictsWithAcceptedRequests: readonly string[];
    readonly issuedAt: string;
    readonly issuedBy: string;
  }
>;

/** Carries what an operator's queue needs (quantity, delivery date, receipt) so it can be built from events alone. */
export type PriorityRatedRequestAccepted = Event<
  'PriorityRatedRequestAccepted',
  {
    readonly prrId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly goods: string;
    readonly quantity: Quantity;
    readonly deliveryDate: string;
    readonly receivedAt: string;
    /** IMERA (as reported of the adopted text): complying does not make the operator liable for contracts set aside. */
    readonly operatorNotLiableForSetAsideContracts: true;
    readonly acceptedAt: string;
  }
>;

export type PriorityRatedRequestRefused = Event<
  'PriorityRatedRequestRefused',
  {
    readonly prrId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly ground: RefusalGround;
    readonly reasons: string;
    readonly refusedAt: string;
  }
>;

export type PriorityRatedRequestLapsed = Event<
  'PriorityRatedRequestLapsed',
  {
    readonly prrId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly expiredAt: string;
    readonly recordedAt: string;
  }
>;

export type PriorityRatedDeliveryRecorded = Event<
  'PriorityRatedDeliveryRecorded',
  {
    readonly prrId: string;
    readonly operatorId: string;
    readonly quantity: Quantity;
    readonly deliveredOn: string;
    readonly onTime: boolean;
    readonly recordedAt: string;
  }
>;

export type PriorityRatedRequestFulfilled = Event<
  'PriorityRatedRequestFulfilled',
  {
    readonly prrId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly delivered: Quantity;
    readonly fulfilledOn: string;
  }
>;

export type PriorityRatedRequestBreached = Event<
  'PriorityRatedRequestBreached',
  {
    readonly prrId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly deliveryDate: string;
    readonly deliveredOnTime: Quantity;
    readonly shortfall: Quantity;
    readonly recordedAt: string;
  }
>;

/** IMERA Art 26: priority-rated requests end with emergency mode. */
export type PriorityRatedRequestEndedWithMode = Event<
  'PriorityRatedRequestEndedWithMode',
  { readonly prrId: string; readonly scopeId: string; readonly statusAtEnd: string; readonly endedAt: string }
>;

export type PriorityRatedRequestEvent =
  | PriorityRatedRequestProposed
  | HostMemberStateConsented
  | HostMemberStateRefusedConsent
  | PriorityRatedRequestIssued
  | PriorityRatedRequestAccepted
  | PriorityRatedRequestRefused
  | PriorityRatedRequestLapsed
  | PriorityRatedDeliveryRecorded
  | PriorityRatedRequestFulfilled
  | PriorityRatedRequestBreached
  | PriorityRatedRequestEndedWithMode;

export const PRIORITY_RATED_REQUEST_SCHEMA_VERSION = 1;
