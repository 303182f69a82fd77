import { evidenceOfAll } from './evidence';
import { IndicatorContext } from './indicator-context';
import { IndicatorValue, known, unknownValue } from './indicator-value';
import { MaterialIndicators, materialIndicators, NotificationCounts, notificationCounts } from './material-indicators';
import { Selection, selectInputs } from './selection';
import { SupplyIndicatorsState } from './supply-indicators.projection';

/** A crisis scope as the indicators need it: its id and its CRMA list entries. */
export interface IndicatorScope {
  readonly id: string;
  readonly materials: readonly { readonly code: string }[];
}

/** A value taken from the material where it is worst. */
export interface WorstValue extends IndicatorValue {
  readonly material: string | null;
}

export interface ScopeIndicators extends NotificationCounts {
  readonly scopeId: string;
  readonly asOf: string;
  /** `eu-supply-baseline@1`: the figures the shares rest on. */
  readonly baselineRef: string;
  readonly materials: readonly MaterialIndicators[];
  readonly worstShareOfSupplyUnderControls: WorstValue;
  readonly worstShareOfConsumptionAffected: WorstValue;
  readonly lowestDaysOfStockCover: WorstValue;
  /** Distinct export controls active on any material of the scope. */
  readonly activeControls: IndicatorValue;
}

/**
 * The scope's indicators: the worst of its materials for shares and stock cover, and counts over the
 * distinct notifications of all its materials (one notification counted once even if it concerns two).
 */
export function scopeIndicators(
  state: SupplyIndicatorsState,
  scope: IndicatorScope,
  context: IndicatorContext,
): ScopeIndicators {
  const codes = scope.materials.map((material) => material.code);
  const materials = codes.map((code) => materialIndicators(state, code, context));
  const selection = selectInputs(state, new Set(codes), context);
  const { settings, baseline, countsTowards, reachesEu } = context;
  const inputs = [settings, baseline, countsTowards, reachesEu, ...materials, ...selection.notificationBuckets, ...selection.controls];
  return rememberedScope(scope, inputs, context.asOf, () => computeScopeIndicators(scope, materials, selection, context));
}

/**
 * A scope's indicators change only with its inputs: its materials' indicators (remembered per material), the
 * notification buckets and controls selected for it, and the context's rules. The scope-modes process
 * manager assesses every scope on each pass, as of its clock, from the picture the monitor has just
 * assessed; it gets the same indicators back, as of its own moment.
 */
const lastScopeIndicators = new WeakMap<IndicatorScope, { readonly inputs: readonly unknown[]; readonly indicators: ScopeIndicators }>();

function rememberedScope(scope: IndicatorScope, inputs: readonly unknown[], asOf: string, compute: () => ScopeIndicators): ScopeIndicators {
  const last = lastScopeIndicators.get(scope);
  if (last && last.inputs.length === inputs.length && last.inputs.every((input, index) => input === inputs[index])) {
    return last.indicators.asOf === asOf ? last.indicators : { ...last.indicators, asOf };
  }
  const indicators = compute();
  lastScopeIndicators.set(scope, { inputs, indicators });
  return indicators;
}

function computeScopeIndicators(scope: IndicatorScope, materials: readonly MaterialIndicators[], selection: Selection, context: IndicatorContext): ScopeIndicators {
  return {
    scopeId: scope.id,
    asOf: context.asOf,
    baselineRef: context.baseline.ref,
    materials,
    worstShareOfSupplyUnderControls: worst(materials, (m) => m.shareOfSupplyUnderControls, 'highest'),
    worstShareOfConsumptionAffected: worst(materials, (m) => m.shareOfConsumptionAffected, 'highest'),
    lowestDaysOfStockCover: worst(materials, (m) => m.daysOfStockCover, 'lowest'),
    activeControls: known(selection.controls.length, () =>
      evidenceOfAll(selection.controls.map((control) => control.measure)),
    ),
    ...notificationCounts(selection.notificationBuckets, context),
  };
}

/** The names of the scope indicators the escalation policy can set thresholds on. */
export const SCOPE_INDICATOR_NAMES = [
  'worstShareOfSupplyUnderControls',
  'worstShareOfConsumptionAffected',
  'lowestDaysOfStockCover',
  'tonnesPerYearAffected',
  'memberStatesAffected',
  'operatorsAffected',
  'significantNotifications',
  'criticalNotifications',
  'activeControls',
] as const satisfies readonly (keyof ScopeIndicators)[];
export type ScopeIndicatorName = (typeof SCOPE_INDICATOR_NAMES)[number];

export function isScopeIndicatorName(name: string): name is ScopeIndicatorName {
  return (SCOPE_INDICATOR_NAMES as readonly string[]).includes(name);
}

export function scopeIndicator(indicators: ScopeIndicators, name: ScopeIndicatorName): IndicatorValue {
  return indicators[name];
}

function worst(
  materials: readonly MaterialIndicators[],
  pick: (m: MaterialIndicators) => IndicatorValue,
  direction: 'highest' | 'lowest',
): WorstValue {
  const sign = direction === 'highest' ? 1 : -1;
  const unknown: string[] = [];
  let chosen: { material: string; indicator: IndicatorValue } | undefined;
  for (const material of materials) {
    const indicator = pick(material);
    if (indicator.unknown) unknown.push(...indicator.unknown);
    if (indicator.value === null) continue;
    // The first material of the worst value wins a tie, in the scope's order.
    if (!chosen || sign * (indicator.value - chosen.indicator.value!) > 0) chosen = { material: material.material, indicator };
  }
  if (!chosen) return { ...unknownValue(unknown), material: null };
  const { indicator } = chosen;
  return {
    value: indicator.value,
    get evidence() {
      return indicator.evidence;
    },
    material: chosen.material,
    ...(unknown.length > 0 ? { unknown } : {}),
  };
}
