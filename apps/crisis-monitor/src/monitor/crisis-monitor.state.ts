import {
  AssessedLevel,
  EscalationPolicyMemory,
  initialEscalationPolicyMemory,
  initialScopeModeState,
  PolicyConfiguration,
  ScopeModeState,
} from '@imera/domain/imera-modes';
import { initialSupplyIndicatorsState, SupplyIndicatorsState } from '@imera/domain/supply-indicators';
import { CrisisScope } from '@imera/reference-data';
import { HeadlineValues } from './monitor-change';

/** One event that names a scope (`data.scopeId`): its modes and every response instrument acting for it. */
export interface TimelineEntry {
  readonly eventId: string;
  readonly globalPosition: number;
  readonly streamName: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
}

/** A scope's headline indicators as they stood after an intake event that moved one of them. */
export interface TrendPoint {
  /** When the event was recorded: the moment the values describe. */
  readonly at: string;
  readonly position: number;
  readonly values: HeadlineValues;
}

export interface ScopeMonitorRecord {
  readonly modes: ScopeModeState;
  /**
   * What the escalation policy remembers (since when each level has stayed recovered), derived from the
   * indicators as each intake event was recorded, so a rebuild from the log gives the same memory.
   */
  readonly memory: EscalationPolicyMemory;
  readonly headline: HeadlineValues | null;
  readonly reached: AssessedLevel;
  readonly holding: AssessedLevel;
  readonly indicatorsAsOf: string | null;
  readonly timeline: readonly TimelineEntry[];
  /** The headline indicators each time one moved, oldest first; only the newest `trendPointsKept`. */
  readonly trend: readonly TrendPoint[];
}

/** Who filed a notification and whether its details are confidential (CRMA Art 21(2) filings). */
export interface NotificationVisibility {
  readonly memberState: string;
  readonly confidential: boolean;
}

/**
 * The crisis monitor's projection state: the supply-indicator inputs, each scope's modes, policy memory and
 * timeline, and the visibility of notifications. Plain JSON and a function of the events alone.
 */
export interface CrisisMonitorState {
  /** 3: the supply state keeps stock reports and open notifications as lists by material; scopes keep their trend. */
  readonly schemaVersion: 3;
  /** Global position of the last event applied; events at or before it are ignored. */
  readonly checkpoint: number | null;
  readonly supply: SupplyIndicatorsState;
  readonly scopes: Readonly<Record<string, ScopeMonitorRecord>>;
  readonly notifications: Readonly<Record<string, NotificationVisibility>>;
}

/** What the projection's rules depend on besides the events: part of its version. */
export interface MonitorRules {
  readonly policy: PolicyConfiguration;
  readonly scopes: readonly CrisisScope[];
  /** Points of each scope's trend kept for the dashboard charts; 180 when not given. */
  readonly trendPointsKept?: number;
}

export const DEFAULT_TREND_POINTS_KEPT = 180;

export function initialScopeMonitorRecord(): ScopeMonitorRecord {
  return {
    modes: initialScopeModeState(),
    memory: initialEscalationPolicyMemory(),
    headline: null,
    reached: 'normal',
    holding: 'normal',
    indicatorsAsOf: null,
    timeline: [],
    trend: [],
  };
}

export function initialCrisisMonitorState(rules: MonitorRules): CrisisMonitorState {
  return {
    schemaVersion: 3,
    checkpoint: null,
    supply: initialSupplyIndicatorsState(),
    scopes: Object.fromEntries(rules.scopes.map((scope) => [scope.id, initialScopeMonitorRecord()])),
    notifications: {},
  };
}
