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
  const memo = selectionMemo(context, entries);
  const counts = (code: string) => context.countsTowards(code).some((entry) => entries.has(entry));
  const notifications = memo.notifications(state.openNotifications, () =>
    byFirstEvidence(
      Object.entries(state.openNotifications)
        .filter(([material]) => counts(material))
        .flatMap(([, bucket]) => Object.values(bucket)),
    ),
  );
  const matched = memo.controls(state.measures, () =>
    Object.values(state.measures)
      .flatMap((measure) => {
        const matchedCodes = measure.materials.filter(counts);
        return matchedCodes.length > 0 ? [{ measure, matchedCodes }] : [];
      })
      .sort((a, b) => firstPosition(a.measure) - firstPosition(b.measure)),
  );
  const stocks = memo.stocks(state.stocks, () => byFirstEvidence(Object.values(state.stocks).filter((stock) => counts(stock.material))));
  return { notifications, controls: matched.filter(({ measure }) => appliesAt(measure, context)), stocks };
}

/**
 * What counts towards a set of entries, remembered per part of the state. The parts are replaced, never
 * changed, when an event changes them, so a remembered selection is the one a fresh pass would make; the
 * crisis monitor reassesses several scopes per event and most events change one part only. Remembered per
 * `countsTowards` function too, so a context with other rules never sees another's selections.
 */
interface SelectionMemo {
  notifications(part: object, select: () => TrackedNotification[]): readonly TrackedNotification[];
  controls(part: object, select: () => ActiveControl[]): readonly ActiveControl[];
  stocks(part: object, select: () => TrackedStock[]): readonly TrackedStock[];
}

type PartMemo<T> = WeakMap<object, Map<string, T>>;
const memos = new WeakMap<IndicatorContext['countsTowards'], { notifications: PartMemo<TrackedNotification[]>; controls: PartMemo<ActiveControl[]>; stocks: PartMemo<TrackedStock[]> }>();

function selectionMemo(context: IndicatorContext, entries: ReadonlySet<string>): SelectionMemo {
  let memo = memos.get(context.countsTowards);
  if (!memo) memos.set(context.countsTowards, (memo = { notifications: new WeakMap(), controls: new WeakMap(), stocks: new WeakMap() }));
  const key = [...entries].sort().join('\n');
  const remembered = <T>(cache: PartMemo<T>) => (part: object, select: () => T): T => {
    let byEntries = cache.get(part);
    if (!byEntries) cache.set(part, (byEntries = new Map()));
    let selected = byEntries.get(key);
    if (selected === undefined) byEntries.set(key, (selected = select()));
    return selected;
  };
  return { notifications: remembered(memo.notifications), controls: remembered(memo.controls), stocks: remembered(memo.stocks) };
}

/**
 * A measure restricts EU supply once it has entered into force, while it is not suspended and when its
 * destinations include the EU (a measure against the United States alone does not count).
 */
export function appliesAt(measure: TrackedMeasure, context: IndicatorContext): boolean {
  if (!measure.inForce || !context.reachesEu(measure.destinations)) return false;
  if (measure.liftedFrom && Date.parse(measure.liftedFrom) <= Date.parse(context.asOf)) return false;
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
