import { IndicatorContext } from './indicator-context';
import {
  SupplyIndicatorsState,
  TrackedMeasure,
  TrackedNotification,
  TrackedStock,
} from './supply-indicators.projection';

export interface ActiveControl {
  readonly measure: TrackedMeasure;
  /** The announced codes that made the measure count here ("dysprosium", "terbium"...). */
  readonly matchedCodes: readonly string[];
}

/** The inputs that count towards any of some list entries, in log order. */
export interface Selection {
  readonly notifications: readonly TrackedNotification[];
  readonly controls: readonly ActiveControl[];
  readonly stocks: readonly TrackedStock[];
}

export function selectInputs(
  state: SupplyIndicatorsState,
  entries: ReadonlySet<string>,
  context: IndicatorContext,
): Selection {
  const counts = (code: string) => context.countsTowards(code).some((entry) => entries.has(entry));
  const notifications = Object.entries(state.openNotifications)
    .filter(([material]) => counts(material))
    .flatMap(([, bucket]) => Object.values(bucket));
  const controls = Object.values(state.measures).flatMap((measure) => {
    const matchedCodes = measure.materials.filter(counts);
    return matchedCodes.length > 0 && appliesAt(measure, context) ? [{ measure, matchedCodes }] : [];
  });
  const stocks = Object.values(state.stocks).filter((stock) => counts(stock.material));
  return {
    notifications: byFirstEvidence(notifications),
    controls: [...controls].sort((a, b) => firstPosition(a.measure) - firstPosition(b.measure)),
    stocks: byFirstEvidence(stocks),
  };
}

/**
 * A measure restricts EU supply once it has entered into force, while it is not suspended and when its
 * destinations include the EU (a measure against the United States alone does not count).
 */
export function appliesAt(measure: TrackedMeasure, context: IndicatorContext): boolean {
  if (!measure.inForce || !context.reachesEu(measure.destinations)) return false;
  const suspension = measure.suspension;
  if (!suspension || Date.parse(suspension.from) > Date.parse(context.asOf)) return true;
  // The schedule emits ExportControlSuspensionTookEffect on a later start date and ExportControlSuspensionExpired
  // on the end date, so a fold sees both on the day.
  return false;
}

function byFirstEvidence<T extends { readonly evidence: readonly { readonly globalPosition: number }[] }>(
  items: readonly T[],
): T[] {
  return [...items].sort((a, b) => firstPosition(a) - firstPosition(b));
}

function firstPosition(item: { readonly evidence: readonly { readonly globalPosition: number }[] }): number {
  return item.evidence[0]?.globalPosition ?? 0;
}
