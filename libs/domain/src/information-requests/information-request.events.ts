import { Event } from '@imera/event-sourcing';
import { PenaltyTerms } from './information-request.config';

/** What an information request may ask about (IMERA Art 27; CRMA Art 21). */
export const INFORMATION_TOPICS = ['production-capacity', 'stocks', 'supply-disruptions', 'shortages'] as const;
export type InformationTopic = (typeof INFORMATION_TOPICS)[number];

export interface AddressedOperator {
  readonly operatorId: string;
  readonly operatorName: string;
  /** Member State of establishment: the only Member State that may read this operator's answer. */
  readonly memberState: string;
}

/** One structured figure in an answer, e.g. production capacity of NdFeB magnets, 1 200 t/year. */
export interface ReportedFigure {
  readonly topic: InformationTopic;
  readonly label: string;
  readonly goods?: string;
  readonly value: number;
  readonly unit: string;
  /** The period or date the figure refers to, free text ("2025", "as of 2026-06-01"). */
  readonly period?: string;
}

export type InformationRequestIssued = Event<
  'InformationRequestIssued',
  {
    readonly requestId: string;
    readonly scopeId: string;
    readonly issuedInMode: 'vigilance' | 'emergency';
    readonly mandatory: boolean;
    /** Stated only for mandatory requests, as configured at the time of issue. */
    readonly penaltyTerms?: PenaltyTerms;
    readonly topics: readonly InformationTopic[];
    readonly goods: readonly string[];
    readonly questions: string;
    readonly addressees: readonly AddressedOperator[];
    readonly deadline: string;
    readonly issuedAt: string;
    readonly issuedBy: string;
  }
>;

/** Confidential: readable by the Commission and `memberState` only. */
export type InformationRequestAnswered = Event<
  'InformationRequestAnswered',
  {
    readonly requestId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly memberState: string;
    readonly figures: readonly ReportedFigure[];
    readonly text: string;
    readonly answeredAt: string;
  }
>;

/** Confidential: readable by the Commission and `memberState` only. */
export type InformationRequestDeclined = Event<
  'InformationRequestDeclined',
  {
    readonly requestId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly memberState: string;
    readonly reasons: string;
    readonly mandatory: boolean;
    readonly declinedAt: string;
  }
>;

/** The deadline passed without an answer or a reasoned refusal from this operator. */
export type InformationRequestDeadlineMissed = Event<
  'InformationRequestDeadlineMissed',
  {
    readonly requestId: string;
    readonly scopeId: string;
    readonly operatorId: string;
    readonly memberState: string;
    readonly mandatory: boolean;
    readonly deadline: string;
    readonly recordedAt: string;
  }
>;

/** The mode the request was issued under ended; operators still pending are no longer asked. */
export type InformationRequestEndedWithMode = Event<
  'InformationRequestEndedWithMode',
  {
    readonly requestId: string;
    readonly scopeId: string;
    readonly issuedInMode: 'vigilance' | 'emergency';
    readonly modeNow: 'normal' | 'vigilance' | 'emergency';
    /** Filter with `addresseesVisibleTo` before showing them to a Member State. */
    readonly pendingAddressees: readonly { readonly operatorId: string; readonly memberState: string }[];
    readonly endedAt: string;
  }
>;

export type InformationRequestEvent =
  | InformationRequestIssued
  | InformationRequestAnswered
  | InformationRequestDeclined
  | InformationRequestDeadlineMissed
  | InformationRequestEndedWithMode;

export const INFORMATION_REQUEST_SCHEMA_VERSION = 1;
