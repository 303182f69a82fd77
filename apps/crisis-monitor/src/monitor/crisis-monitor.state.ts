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
  /** 2: the supply state keeps stock reports by material and open notifications as lists. */
  readonly schemaVersion: 2;
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
}

export function initialScopeMonitorRecord(): ScopeMonitorRecord {
  return {
    modes: initialScopeModeState(),
    memory: initialEscalationPolicyMemory(),
    headline: null,
    reached: 'normal',
    holding: 'normal',
    indicatorsAsOf: null,
    timeline: [],
  };
}

export function initialCrisisMonitorState(rules: MonitorRules): CrisisMonitorState {
  return {
    schemaVersion: 2,
    checkpoint: null,
    supply: initialSupplyIndicatorsState(),
    scopes: Object.fromEntries(rules.scopes.map((scope) => [scope.id, initialScopeMonitorRecord()])),
    notifications: {},
  };
}
