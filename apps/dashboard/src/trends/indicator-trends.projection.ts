import { RecordedEvent } from '@imera/event-sourcing';
import {
  defaultIndicatorContext,
  evolveSupplyIndicators,
  IndicatorSettings,
  initialSupplyIndicatorsState,
  SCOPE_INDICATOR_NAMES,
  scopeIndicator,
  ScopeIndicatorName,
  scopeIndicators,
  ScopesTouched,
  scopesTouchedBy,
  SupplyIndicatorsState,
} from '@imera/domain/supply-indicators';
import { CrisisScope } from '@imera/reference-data';

export type HeadlineValues = Readonly<Record<ScopeIndicatorName, number | null>>;

/** A scope's headline indicators as they stood after one intake event. */
export interface TrendPoint {
  /** When the event was recorded: the moment the values describe. */
  readonly at: string;
  readonly position: number;
  readonly values: HeadlineValues;
}

export interface IndicatorTrendsState {
  /** 2: the supply state keeps stock reports by material and open notifications as lists. */
  readonly schemaVersion: 2;
  readonly checkpoint: number | null;
  readonly supply: SupplyIndicatorsState;
  /** Per scope, oldest first; a point only where a value moved. */
  readonly series: Readonly<Record<string, readonly TrendPoint[]>>;
}

export interface IndicatorTrendRules {
  readonly indicators: IndicatorSettings;
  readonly scopes: readonly CrisisScope[];
  /** Points kept per scope; older ones are dropped. */
  readonly pointsKept: number;
}

export function initialIndicatorTrendsState(scopes: readonly CrisisScope[]): IndicatorTrendsState {
  return { schemaVersion: 2, checkpoint: null, supply: initialSupplyIndicatorsState(), series: Object.fromEntries(scopes.map((scope) => [scope.id, []])) };
}

/**
 * Folds one recorded event: when it changes the supply picture, the headline indicators of each scope covering
 * a material it touches are computed as of the event's recording (as the crisis monitor computes them) and a
 * point is added where one moved. Pure: the same events give the same series.
 */
export function evolveIndicatorTrends(state: IndicatorTrendsState, event: RecordedEvent, rules: IndicatorTrendRules): IndicatorTrendsState {
  if (state.checkpoint !== null && event.globalPosition <= state.checkpoint) return state;
  const supply = evolveSupplyIndicators(state.supply, event);
  const next = { ...state, checkpoint: event.globalPosition, supply };
  if (supply.measures === state.supply.measures && supply.openNotifications === state.supply.openNotifications && supply.stocks === state.supply.stocks) {
    return next;
  }
  const context = defaultIndicatorContext(rules.indicators, event.recordedAt);
  const series = { ...state.series };
  for (const scope of scopesTouched(rules)(event, state.supply, supply)) {
    const indicators = scopeIndicators(supply, scope, context);
    const values = Object.fromEntries(SCOPE_INDICATOR_NAMES.map((name) => [name, scopeIndicator(indicators, name).value])) as HeadlineValues;
    const points = series[scope.id] ?? [];
    const last = points[points.length - 1];
    if (last && SCOPE_INDICATOR_NAMES.every((name) => last.values[name] === values[name])) continue;
    series[scope.id] = [...points, { at: event.recordedAt, position: event.globalPosition, values }].slice(-rules.pointsKept);
  }
  return { ...next, series };
}

/** One lookup of the scopes an event touches per set of rules, so its cache of material codes is built once. */
const touchedByRules = new WeakMap<IndicatorTrendRules, ScopesTouched>();
function scopesTouched(rules: IndicatorTrendRules): ScopesTouched {
  let touched = touchedByRules.get(rules);
  if (!touched) touchedByRules.set(rules, (touched = scopesTouchedBy(rules.scopes)));
  return touched;
}
