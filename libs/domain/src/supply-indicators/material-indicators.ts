import { MaterialBaseline, shareOfEuSourcing, SupplyStage } from '@imera/reference-data';
import { ExportControlType } from '@imera/domain/export-controls';
import { evidenceOfAll } from './evidence';
import { IndicatorContext } from './indicator-context';
import { NOTIFICATION_SEVERITIES, notificationSeverity, NotificationSeverity } from './indicator-settings';
import { evidenceOfValue, IndicatorValue, known, listOnce, lowerBound, unknownValue } from './indicator-value';
import { BucketSummary, evidenceOfBuckets, mergedNotifications } from './notification-summary';
import { ActiveControl, Selection, selectInputs } from './selection';
import { SupplyIndicatorsState, TrackedNotification } from './supply-indicators.projection';

/** How one active export control weighs on one material. */
export interface ControlExposure {
  readonly measureId: string;
  readonly reference: string;
  readonly country: string;
  readonly type: ExportControlType;
  /** Configured weight of the measure type (a default, not law). */
  readonly weight: number;
  readonly matchedCodes: readonly string[];
  /** The stage whose EU sourcing is most exposed to the country; null when no share is known. */
  readonly stage: SupplyStage | null;
  readonly countryShareOfEuSourcing: number | null;
}

/** Counts over a set of open notifications. */
export interface NotificationCounts {
  readonly tonnesPerYearAffected: IndicatorValue;
  readonly memberStatesAffected: IndicatorValue;
  readonly operatorsAffected: IndicatorValue;
  readonly notificationsBySeverity: Readonly<Record<NotificationSeverity, number>>;
  /** Notifications of high or critical severity. */
  readonly significantNotifications: IndicatorValue;
  readonly criticalNotifications: IndicatorValue;
  /** The shortest stock cover an operator reported, in days. */
  readonly shortestOperatorStockCoverDays: IndicatorValue;
}

export interface MaterialIndicators extends NotificationCounts {
  /** CRMA list entry. */
  readonly material: string;
  /**
   * Share of EU supply under active third-country controls: per controlling country, its share of EU
   * sourcing at the most exposed stage times the heaviest weight of its measures, summed (at most 1).
   */
  readonly shareOfSupplyUnderControls: IndicatorValue;
  readonly controls: readonly ControlExposure[];
  /** Tonnes a year affected by open notifications over EU annual consumption (its lower bound). */
  readonly shareOfConsumptionAffected: IndicatorValue;
  readonly tonnesInStrategicStocks: IndicatorValue;
  /** Reported strategic stocks over daily EU consumption (its upper bound). */
  readonly daysOfStockCover: IndicatorValue;
}

export function materialIndicators(
  state: SupplyIndicatorsState,
  material: string,
  context: IndicatorContext,
): MaterialIndicators {
  const selection = selectInputs(state, new Set([material]), context);
  const inputs = [context.settings, context.baseline, selection.stocks, ...selection.notificationBuckets, ...selection.controls];
  return rememberedIndicators(state, material, inputs, () => computeMaterialIndicators(selection, material, context));
}

/**
 * The indicators of a material change only with its inputs: the buckets, measures and stock reports
 * selected for it (replaced, never changed, by an event), the controls that apply at `asOf`, the settings
 * and the baseline. An event touches one or two materials, so each scope keeps most of its materials'
 * indicators from the previous event. Remembered per record of measures, which a fold keeps from state to
 * state, so two folds side by side (the live monitor and an exercise's, in one process) do not evict each other.
 */
const lastIndicators = new WeakMap<object, Map<string, { readonly inputs: readonly unknown[]; readonly indicators: MaterialIndicators }>>();

function rememberedIndicators(
  state: SupplyIndicatorsState,
  material: string,
  inputs: readonly unknown[],
  compute: () => MaterialIndicators,
): MaterialIndicators {
  let byMaterial = lastIndicators.get(state.measures);
  if (!byMaterial) lastIndicators.set(state.measures, (byMaterial = new Map()));
  const last = byMaterial.get(material);
  if (last && last.inputs.length === inputs.length && last.inputs.every((input, index) => input === inputs[index])) return last.indicators;
  const indicators = compute();
  byMaterial.set(material, { inputs, indicators });
  return indicators;
}

function computeMaterialIndicators(selection: Selection, material: string, context: IndicatorContext): MaterialIndicators {
  const baseline = context.baseline.materials[material];
  const counts = notificationCounts(selection.notificationBuckets, context);
  const controls = selection.controls.map((control) => exposure(control, baseline, context));
  const stocks = stockIndicators(selection, material, baseline);
  return {
    material,
    shareOfSupplyUnderControls: shareUnderControls(controls, selection.controls, material, baseline !== undefined),
    controls,
    ...counts,
    shareOfConsumptionAffected: shareOfConsumption(counts.tonnesPerYearAffected, material, baseline),
    ...stocks,
  };
}

export function notificationCounts(buckets: readonly BucketSummary[], context: IndicatorContext): NotificationCounts {
  const settings = context.settings.notificationSeverity;
  const severityOf = (notification: TrackedNotification) => notificationSeverity(notification.impact, settings);
  const evidence = listOnce(() => evidenceOfBuckets(buckets));
  const bySeverity = severityCounts(buckets);
  const covers = buckets.flatMap((bucket) => (bucket.shortestStockCoverDays === undefined ? [] : [bucket.shortestStockCoverDays]));
  return {
    tonnesPerYearAffected: known(tonnesAffected(buckets), evidence),
    memberStatesAffected: known(distinct(buckets, (bucket) => bucket.memberStates), evidence),
    operatorsAffected: known(distinct(buckets, (bucket) => bucket.operators), evidence),
    notificationsBySeverity: bySeverity,
    significantNotifications: known(bySeverity.high + bySeverity.critical, () =>
      evidenceOfBuckets(buckets, (notification) => ['high', 'critical'].includes(severityOf(notification))),
    ),
    criticalNotifications: known(bySeverity.critical, () =>
      evidenceOfBuckets(buckets, (notification) => severityOf(notification) === 'critical'),
    ),
    shortestOperatorStockCoverDays:
      covers.length === 0
        ? unknownValue(['no open notification reports the operator stock cover'])
        : known(Math.min(...covers), () =>
            evidenceOfBuckets(buckets, (notification) => notification.impact.stockCoverDays !== undefined),
          ),
  };
}

function severityCounts(buckets: readonly BucketSummary[]): Record<NotificationSeverity, number> {
  const counts = {} as Record<NotificationSeverity, number>;
  for (const severity of NOTIFICATION_SEVERITIES) {
    let count = 0;
    for (const bucket of buckets) count += bucket.bySeverity[severity];
    counts[severity] = count;
  }
  return counts;
}

/**
 * The sum in filing order, as a plain pass over the notifications adds it up. Whole tonnages add up exactly
 * in any order, so then the buckets' sums do; otherwise the pass is made, so the last digit never depends
 * on how the notifications are spread over materials.
 */
function tonnesAffected(buckets: readonly BucketSummary[]): number {
  const whole = buckets.every((bucket) => bucket.wholeTonnes);
  if (whole && Number.isSafeInteger(buckets.reduce((total, bucket) => total + bucket.tonnesMagnitude, 0))) {
    return buckets.reduce((total, bucket) => total + bucket.tonnesPerYearAffected, 0);
  }
  return mergedNotifications(buckets).reduce((total, notification) => total + notification.impact.tonnesPerYearAffected, 0);
}

function distinct(buckets: readonly BucketSummary[], members: (bucket: BucketSummary) => ReadonlySet<string>): number {
  if (buckets.length === 1) return members(buckets[0]).size;
  const union = new Set<string>();
  for (const bucket of buckets) for (const member of members(bucket)) union.add(member);
  return union.size;
}

function exposure(
  { measure, matchedCodes }: ActiveControl,
  baseline: MaterialBaseline | undefined,
  context: IndicatorContext,
): ControlExposure {
  const shares = (baseline?.stages ?? [])
    .map((stage) => ({ stage: stage.stage, share: shareOfEuSourcing(stage, measure.country).value }))
    .filter((candidate): candidate is { stage: SupplyStage; share: number } => candidate.share !== null)
    .sort((a, b) => b.share - a.share);
  return {
    measureId: measure.measureId,
    reference: measure.reference,
    country: measure.country,
    type: measure.type,
    weight: context.settings.measureTypeWeights[measure.type],
    matchedCodes,
    stage: shares[0]?.stage ?? null,
    countryShareOfEuSourcing: shares[0]?.share ?? null,
  };
}

function shareUnderControls(
  exposures: readonly ControlExposure[],
  controls: readonly ActiveControl[],
  material: string,
  hasBaseline: boolean,
): IndicatorValue {
  const evidence = () => evidenceOfAll(controls.map((control) => control.measure));
  const byCountry = new Map<string, ControlExposure[]>();
  for (const item of exposures) byCountry.set(item.country, [...(byCountry.get(item.country) ?? []), item]);
  let total = 0;
  const unknown: string[] = [];
  for (const [country, items] of byCountry) {
    const share = items[0].countryShareOfEuSourcing;
    if (share === null)
      unknown.push(
        hasBaseline
          ? `${country}'s share of EU sourcing of ${material} is not known`
          : `the supply baseline has no row for ${material}`,
      );
    else total += share * Math.max(...items.map((item) => item.weight));
  }
  if (unknown.length === 0) return known(Math.min(1, total), evidence);
  return unknown.length === byCountry.size
    ? unknownValue(unknown, evidence)
    : lowerBound(Math.min(1, total), unknown, evidence);
}

function shareOfConsumption(
  tonnes: IndicatorValue,
  material: string,
  baseline: MaterialBaseline | undefined,
): IndicatorValue {
  const evidence = evidenceOfValue(tonnes);
  if (tonnes.value === 0) return known(0, evidence);
  const consumption = baseline?.euAnnualConsumption;
  if (consumption?.status !== 'known')
    return unknownValue([`EU annual consumption of ${material} is not known`], evidence);
  return known(tonnes.value! / consumption.value.lowTonnes, evidence);
}

function stockIndicators(selection: Selection, material: string, baseline: MaterialBaseline | undefined) {
  const evidence = listOnce(() => evidenceOfAll(selection.stocks));
  if (selection.stocks.length === 0) {
    const none = unknownValue([`no Member State has reported strategic stocks of ${material}`]);
    return { tonnesInStrategicStocks: none, daysOfStockCover: none };
  }
  const tonnes = sum(selection.stocks.map((stock) => stock.tonnesHeld));
  const consumption = baseline?.euAnnualConsumption;
  const days: IndicatorValue =
    consumption?.status === 'known'
      ? known(tonnes / (consumption.value.highTonnes / 365), evidence)
      : unknownValue([`EU annual consumption of ${material} is not known`], evidence);
  return { tonnesInStrategicStocks: known(tonnes, evidence), daysOfStockCover: days };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
