import { MaterialBaseline, shareOfEuSourcing, SupplyStage } from '@imera/reference-data';
import { ExportControlType } from '@imera/domain/export-controls';
import { evidenceOfAll } from './evidence';
import { IndicatorContext } from './indicator-context';
import { NOTIFICATION_SEVERITIES, notificationSeverity, NotificationSeverity } from './indicator-settings';
import { IndicatorValue, known, unknownValue } from './indicator-value';
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
  const baseline = context.baseline.materials[material];
  const counts = notificationCounts(selection.notifications, context);
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

export function notificationCounts(
  notifications: readonly TrackedNotification[],
  context: IndicatorContext,
): NotificationCounts {
  const evidence = evidenceOfAll(notifications);
  const bySeverity = Object.fromEntries(
    NOTIFICATION_SEVERITIES.map((severity) => [severity, [] as TrackedNotification[]]),
  );
  for (const notification of notifications) {
    bySeverity[notificationSeverity(notification.impact, context.settings.notificationSeverity)].push(notification);
  }
  const significant = [...bySeverity.high, ...bySeverity.critical];
  const covers = notifications.filter((notification) => notification.impact.stockCoverDays !== undefined);
  return {
    tonnesPerYearAffected: known(
      sum(notifications.map((notification) => notification.impact.tonnesPerYearAffected)),
      evidence,
    ),
    memberStatesAffected: known(new Set(notifications.map((notification) => notification.memberState)).size, evidence),
    operatorsAffected: known(new Set(notifications.map((notification) => notification.operatorId)).size, evidence),
    notificationsBySeverity: Object.fromEntries(
      NOTIFICATION_SEVERITIES.map((severity) => [severity, bySeverity[severity].length]),
    ) as Record<NotificationSeverity, number>,
    significantNotifications: known(significant.length, evidenceOfAll(significant)),
    criticalNotifications: known(bySeverity.critical.length, evidenceOfAll(bySeverity.critical)),
    shortestOperatorStockCoverDays:
      covers.length === 0
        ? unknownValue(['no open notification reports the operator stock cover'])
        : known(Math.min(...covers.map((notification) => notification.impact.stockCoverDays!)), evidenceOfAll(covers)),
  };
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
  const evidence = evidenceOfAll(controls.map((control) => control.measure));
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
    : { value: Math.min(1, total), unknown, evidence };
}

function shareOfConsumption(
  tonnes: IndicatorValue,
  material: string,
  baseline: MaterialBaseline | undefined,
): IndicatorValue {
  if (tonnes.value === 0) return known(0, tonnes.evidence);
  const consumption = baseline?.euAnnualConsumption;
  if (consumption?.status !== 'known')
    return unknownValue([`EU annual consumption of ${material} is not known`], tonnes.evidence);
  return known(tonnes.value! / consumption.value.lowTonnes, tonnes.evidence);
}

function stockIndicators(selection: Selection, material: string, baseline: MaterialBaseline | undefined) {
  const evidence = evidenceOfAll(selection.stocks);
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
