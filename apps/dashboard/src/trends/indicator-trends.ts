import { EscalationTrigger, policyRef } from '@imera/domain/imera-modes';
import { SCOPE_INDICATOR_NAMES, ScopeIndicatorName } from '@imera/domain/supply-indicators';
import { CrisisMonitorProjection } from '../../../crisis-monitor/src/monitor/crisis-monitor.projection';
import { TrendPoint } from '../../../crisis-monitor/src/monitor/crisis-monitor.state';

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
 * The dashboard's trend charts: each scope's headline indicators after every intake event that moved them.
 * The crisis monitor keeps the points as it assesses the scopes, so the charts show exactly the values the
 * escalation policy saw, under the same policy, at the monitor's position.
 */
export class IndicatorTrends {
  constructor(private readonly monitor: CrisisMonitorProjection) {}

  /** Undefined for a scope the system does not watch. */
  of(scopeId: string): ScopeTrends | undefined {
    const record = this.monitor.scope(scopeId);
    if (!record) return undefined;
    const indicators = Object.fromEntries(SCOPE_INDICATOR_NAMES.map((name) => [name, this.trendOf(name, record.trend)]));
    return { scopeId, policyRef: policyRef(this.monitor.policy), position: this.monitor.position, indicators: indicators as ScopeTrends['indicators'] };
  }

  private trendOf(name: ScopeIndicatorName, points: readonly TrendPoint[]): IndicatorTrend {
    const { escalation } = this.monitor.policy;
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
