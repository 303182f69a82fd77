import { RecordedEvent } from '@imera/event-sourcing';
import { EscalationTrigger, PolicyConfiguration, policyRef } from '@imera/domain/imera-modes';
import { CrisisScope, DEFAULT_CRISIS_SCOPES, datasetRef, supplyBaseline } from '@imera/reference-data';
import { SCOPE_INDICATOR_NAMES, ScopeIndicatorName } from '@imera/domain/supply-indicators';
import { evolveIndicatorTrends, IndicatorTrendRules, IndicatorTrendsState, initialIndicatorTrendsState, TrendPoint } from './indicator-trends.projection';

export interface IndicatorTrendsSettings {
  readonly policy: PolicyConfiguration;
  readonly scopes: readonly CrisisScope[];
  /** Points kept per scope. Default, not law: 180. */
  readonly pointsKept: number;
}

export const INDICATOR_TRENDS_PROJECTION = 'dashboard-indicator-trends';
const STATE_SHAPE = 2;

type Threshold = Pick<EscalationTrigger, 'direction' | 'enter' | 'exit'>;

/** One indicator of a scope over time, with the escalation thresholds of the policy in force. */
export interface IndicatorTrend {
  readonly points: ReadonlyArray<{ readonly at: string; readonly value: number | null }>;
  readonly thresholds: { readonly vigilance?: Threshold; readonly emergency?: Threshold };
}

export interface ScopeTrends {
  readonly scopeId: string;
  readonly policyRef: string;
  /** Position of the last event folded in. */
  readonly position: number | null;
  readonly indicators: Readonly<Record<ScopeIndicatorName, IndicatorTrend>>;
}

/**
 * The dashboard's trend charts: each scope's headline indicators after every intake event that moved them,
 * in memory, saved now and then as plain JSON so a restart resumes after the saved position.
 */
export class IndicatorTrends {
  readonly name = INDICATOR_TRENDS_PROJECTION;
  readonly version: string;
  private current: IndicatorTrendsState;
  private readonly rules: IndicatorTrendRules;
  private readonly policyRef: string;

  constructor(private readonly settings: IndicatorTrendsSettings) {
    this.rules = { indicators: settings.policy.indicators, scopes: settings.scopes, pointsKept: settings.pointsKept };
    this.policyRef = policyRef(settings.policy);
    this.current = initialIndicatorTrendsState(settings.scopes);
    this.version = [`${INDICATOR_TRENDS_PROJECTION}@${STATE_SHAPE}`, this.policyRef, supplyBaseline().ref, datasetRef(DEFAULT_CRISIS_SCOPES), `keep=${settings.pointsKept}`].join(' ');
  }

  apply(event: RecordedEvent): void {
    this.current = evolveIndicatorTrends(this.current, event, this.rules);
  }

  snapshot(): IndicatorTrendsState {
    return this.current;
  }

  restore(state: IndicatorTrendsState): void {
    if (state.schemaVersion !== STATE_SHAPE) throw new Error(`Cannot restore indicator trends of shape ${String(state.schemaVersion)}`);
    this.current = state;
  }

  /** Undefined for a scope the system does not watch. */
  of(scopeId: string): ScopeTrends | undefined {
    const points = this.current.series[scopeId];
    if (!points) return undefined;
    const indicators = Object.fromEntries(SCOPE_INDICATOR_NAMES.map((name) => [name, this.trendOf(name, points)]));
    return { scopeId, policyRef: this.policyRef, position: this.current.checkpoint, indicators: indicators as ScopeTrends['indicators'] };
  }

  private trendOf(name: ScopeIndicatorName, points: readonly TrendPoint[]): IndicatorTrend {
    const { escalation } = this.settings.policy;
    const threshold = (triggers: readonly EscalationTrigger[]): Threshold | undefined => {
      const trigger = triggers.find((candidate) => candidate.indicator === name);
      return trigger && { direction: trigger.direction, enter: trigger.enter, exit: trigger.exit };
    };
    const vigilance = threshold(escalation.vigilance.triggers);
    const emergency = threshold(escalation.emergency.triggers);
    return {
      points: points.map((point) => ({ at: point.at, value: point.values[name] })),
      thresholds: { ...(vigilance ? { vigilance } : {}), ...(emergency ? { emergency } : {}) },
    };
  }
}
