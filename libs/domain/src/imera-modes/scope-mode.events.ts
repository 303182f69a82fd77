import { Event } from '@imera/event-sourcing';
import { EvidenceRef } from '@imera/domain/supply-indicators';

export type EscalatedMode = 'vigilance' | 'emergency';

/** What a proposal or a lapse rests on: the indicator values that crossed (or recovered) and their events. */
export interface ProposalGrounds {
  /** `default-policy@1` when the escalation policy proposed; absent for a proposal made by hand. */
  readonly policyRef?: string;
  readonly rationale: string;
  readonly indicatorsAsOf: string;
  readonly indicators: readonly IndicatorReading[];
  readonly evidence: readonly EvidenceRef[];
}

export interface IndicatorReading {
  readonly indicator: string;
  readonly value: number | null;
  readonly direction: 'above' | 'below';
  /** The threshold it was compared with (enter value on the way up, exit value on the way down). */
  readonly threshold: number;
  readonly met: boolean;
  /** The material the value was taken from, for worst-of indicators. */
  readonly material?: string | null;
}

/** A Council implementing act as recorded by the Council secretariat. */
export interface CouncilAct {
  /** The act's official reference, e.g. "Council Implementing Decision (EU) 2026/1234". */
  readonly reference: string;
  readonly adoptedOn: string;
  /** True when no Council adopted it: the auto-decision setting simulated it for a demonstration or exercise. */
  readonly simulated: boolean;
}

export interface ModePeriod {
  readonly from: string;
  readonly until: string;
}

type Proposed<Extra = object> = {
  readonly scopeId: string;
  readonly proposalId: string;
  readonly proposedAt: string;
  readonly grounds: ProposalGrounds;
} & Extra;

export type VigilanceModeProposed = Event<'VigilanceModeProposed', Proposed>;
/** May come straight from normal mode; replaces any other open proposal of the scope. */
export type EmergencyModeProposed = Event<
  'EmergencyModeProposed',
  Proposed<{ readonly supersedesProposalId?: string }>
>;
export type ModeExtensionProposed = Event<
  'ModeExtensionProposed',
  Proposed<{ readonly mode: EscalatedMode; readonly currentUntil: string }>
>;
export type ModeDeactivationProposed = Event<'ModeDeactivationProposed', Proposed<{ readonly mode: EscalatedMode }>>;

export type ProposalKind = 'activation' | 'extension' | 'deactivation';

export type ModeProposalLapsed = Event<
  'ModeProposalLapsed',
  {
    readonly scopeId: string;
    readonly proposalId: string;
    readonly kind: ProposalKind;
    readonly mode: EscalatedMode;
    /** Recovered before a decision (activation, extension), worsened again (deactivation), or the mode ended. */
    readonly reason: 'indicators-recovered' | 'indicators-deteriorated' | 'mode-ended';
    readonly lapsedAt: string;
    readonly grounds?: ProposalGrounds;
  }
>;

type Activated<Goods> = {
  readonly scopeId: string;
  readonly proposalId: string;
  readonly act: CouncilAct;
  readonly period: ModePeriod;
  readonly recordedAt: string;
} & Goods;
type Extended<Goods> = {
  readonly scopeId: string;
  readonly proposalId: string;
  readonly act: CouncilAct;
  readonly previousUntil: string;
  readonly until: string;
  readonly recordedAt: string;
} & Goods;
type Deactivated = {
  readonly scopeId: string;
  readonly proposalId: string;
  readonly act: CouncilAct;
  readonly deactivatedAt: string;
};
type Expired = { readonly scopeId: string; readonly expiredAt: string };

type CriticalGoods = { readonly goodsOfCriticalImportance: readonly string[] };
type CrisisGoods = { readonly crisisRelevantGoods: readonly string[] };

/** IMERA Art 14-15: activated by Council implementing act listing goods and services of critical importance. */
export type VigilanceModeActivated = Event<'VigilanceModeActivated', Activated<CriticalGoods>>;
export type VigilanceModeExtended = Event<'VigilanceModeExtended', Extended<CriticalGoods>>;
export type VigilanceModeDeactivated = Event<'VigilanceModeDeactivated', Deactivated>;
/** The period ended without extension: sent by the schedule at the end of the period. */
export type VigilanceModeExpired = Event<'VigilanceModeExpired', Expired>;
/** IMERA Art 17-18: activated by Council implementing act listing crisis-relevant goods and services (Art 18(4)). */
export type EmergencyModeActivated = Event<'EmergencyModeActivated', Activated<CrisisGoods>>;
export type EmergencyModeExtended = Event<'EmergencyModeExtended', Extended<CrisisGoods>>;
export type EmergencyModeDeactivated = Event<'EmergencyModeDeactivated', Deactivated>;
export type EmergencyModeExpired = Event<'EmergencyModeExpired', Expired>;

export type ScopeModeEvent =
  | VigilanceModeProposed
  | EmergencyModeProposed
  | ModeExtensionProposed
  | ModeDeactivationProposed
  | ModeProposalLapsed
  | VigilanceModeActivated
  | VigilanceModeExtended
  | VigilanceModeDeactivated
  | VigilanceModeExpired
  | EmergencyModeActivated
  | EmergencyModeExtended
  | EmergencyModeDeactivated
  | EmergencyModeExpired;

/**
 * Every scope-mode event type, listed once (a record keyed by the union, so a new type cannot be left out),
 * with the mode it concerns when its type alone says so ('in-data': the event names it).
 */
const SCOPE_MODE_TYPES: Readonly<Record<ScopeModeEvent['type'], EscalatedMode | 'in-data'>> = {
  VigilanceModeProposed: 'vigilance',
  EmergencyModeProposed: 'emergency',
  ModeExtensionProposed: 'in-data',
  ModeDeactivationProposed: 'in-data',
  ModeProposalLapsed: 'in-data',
  VigilanceModeActivated: 'vigilance',
  VigilanceModeExtended: 'vigilance',
  VigilanceModeDeactivated: 'vigilance',
  VigilanceModeExpired: 'vigilance',
  EmergencyModeActivated: 'emergency',
  EmergencyModeExtended: 'emergency',
  EmergencyModeDeactivated: 'emergency',
  EmergencyModeExpired: 'emergency',
};
export const SCOPE_MODE_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(SCOPE_MODE_TYPES));

export function isScopeModeEventType(type: string): type is ScopeModeEvent['type'] {
  return SCOPE_MODE_EVENT_TYPES.has(type);
}

/** The mode a scope-mode event concerns: vigilance or emergency. */
export function modeConcerned(event: ScopeModeEvent): EscalatedMode {
  const byType = SCOPE_MODE_TYPES[event.type];
  return byType === 'in-data' ? (event.data as { readonly mode: EscalatedMode }).mode : byType;
}

export const SCOPE_MODE_SCHEMA_VERSION = 1;

/** `scope-rare-earth-magnets`. */
export function scopeStream(scopeId: string): string {
  return `scope-${scopeId}`;
}
