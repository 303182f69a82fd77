import { IndicatorContext } from './indicator-context';
import { BucketSummary, bucketSummary } from './notification-summary';
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
  /** The open notifications, per filed material (each summarised once per bucket, see notification-summary.ts). */
  readonly notificationBuckets: readonly BucketSummary[];
  readonly controls: readonly ActiveControl[];
  readonly stocks: readonly TrackedStock[];
}

type NotificationBucket = readonly TrackedNotification[];

export function selectInputs(
  state: SupplyIndicatorsState,
  entries: ReadonlySet<string>,
  context: IndicatorContext,
): Selection {
  const memo = selectionMemo(context, entries);
  const counts = memo.counts;
  const buckets = memo.notifications(state.openNotifications, () => valuesCounting(state.openNotifications, entries, context.countsTowards));
  const severity = context.settings.notificationSeverity;
  const matched = memo.controls(state.measures, () =>
    Object.values(state.measures)
      .flatMap((measure) => {
        const matchedCodes = measure.materials.filter(counts);
        return matchedCodes.length > 0 ? [{ measure, matchedCodes }] : [];
      })
      .sort((a, b) => firstPosition(a.measure) - firstPosition(b.measure)),
  );
  const stocks = memo.stocks(state.stocks, () => memo.mergedStocks(valuesCounting(state.stocks, entries, context.countsTowards)));
  return { notificationBuckets: buckets.map((bucket) => bucketSummary(bucket, severity)), controls: matched.filter(({ measure }) => appliesAt(measure, context)), stocks };
}

/**
 * What counts towards a set of entries, remembered per part of the state. The parts are replaced, never
 * changed, when an event changes them, so a remembered selection is the one a fresh pass would make; the
 * crisis monitor reassesses several scopes per event and most events change one part only. Remembered per
 * `countsTowards` function too, so a context with other rules never sees another's selections.
 */
interface SelectionMemo {
  notifications(part: object, select: () => NotificationBucket[]): readonly NotificationBucket[];
  controls(part: object, select: () => ActiveControl[]): readonly ActiveControl[];
  stocks(part: object, select: () => readonly TrackedStock[]): readonly TrackedStock[];
  /**
   * The reports of several materials in log order. A report replaces its material's list only, so when the
   * lists are the ones merged last time the merge is the same: returning it keeps the indicators of the
   * materials it did not touch remembered (material-indicators.ts compares their inputs by identity).
   */
  mergedStocks(lists: readonly (readonly TrackedStock[])[]): readonly TrackedStock[];
  /** Whether a filed or announced code counts towards any of the entries. */
  counts(code: string): boolean;
}

type PartMemo<T> = WeakMap<object, Map<string, T>>;
interface Memo {
  readonly notifications: PartMemo<NotificationBucket[]>;
  readonly controls: PartMemo<ActiveControl[]>;
  readonly stocks: PartMemo<readonly TrackedStock[]>;
  /** Per set of entries, per code: whether the code counts towards them. */
  readonly counts: Map<string, Map<string, boolean>>;
  /** Per set of entries, the stock lists merged last and their merge. */
  readonly merged: Map<string, { readonly lists: readonly (readonly TrackedStock[])[]; readonly stocks: readonly TrackedStock[] }>;
}
const memos = new WeakMap<IndicatorContext['countsTowards'], Memo>();

function selectionMemo(context: IndicatorContext, entries: ReadonlySet<string>): SelectionMemo {
  let memo = memos.get(context.countsTowards);
  const { countsTowards } = context;
  if (!memo) memos.set(countsTowards, (memo = { notifications: new WeakMap(), controls: new WeakMap(), stocks: new WeakMap(), counts: new Map(), merged: new Map() }));
  const key = [...entries].sort().join('\n');
  let countsHere = memo.counts.get(key);
  if (!countsHere) memo.counts.set(key, (countsHere = new Map()));
  const known = countsHere;
  const counts = (code: string): boolean => {
    let answer = known.get(code);
    if (answer === undefined) known.set(code, (answer = countsTowards(code).some((entry) => entries.has(entry))));
    return answer;
  };
  const remembered = <T>(cache: PartMemo<T>) => (part: object, select: () => T): T => {
    let byEntries = cache.get(part);
    if (!byEntries) cache.set(part, (byEntries = new Map()));
    let selected = byEntries.get(key);
    if (selected === undefined) byEntries.set(key, (selected = select()));
    return selected;
  };
  const { merged } = memo;
  const mergedStocks = (lists: readonly (readonly TrackedStock[])[]): readonly TrackedStock[] => {
    const last = merged.get(key);
    if (last && last.lists.length === lists.length && last.lists.every((list, at) => list === lists[at])) return last.stocks;
    // Each material's reports are in log order already (see evolveStocks); several are merged by position.
    const stocks = lists.length === 1 ? lists[0] : byFirstEvidence(lists.flat());
    merged.set(key, { lists, stocks });
    return stocks;
  };
  return { notifications: remembered(memo.notifications), controls: remembered(memo.controls), stocks: remembered(memo.stocks), mergedStocks, counts };
}

type Part<T> = Readonly<Record<string, T>> | readonly (readonly [string, T])[];

/**
 * The entries of a part of the state (a record, or a list of code and value), listed once per part: every
 * scope and material selects from the same part after an event.
 */
const entryLists = new WeakMap<object, readonly (readonly [string, unknown])[]>();
function entriesOf<T>(part: Part<T>): readonly (readonly [string, T])[] {
  if (Array.isArray(part)) return part as readonly (readonly [string, T])[];
  let entries = entryLists.get(part);
  if (!entries) entryLists.set(part, (entries = Object.entries(part)));
  return entries as readonly (readonly [string, T])[];
}

/**
 * The values of a part (notification buckets, stock reports) filed under codes that count towards any of the
 * entries, in the part's order. Each part is indexed once (list entry to the places of its codes), so the
 * many selections made from one part after an event (every material and scope reassessed) look their values
 * up instead of each testing every code.
 */
function valuesCounting<T>(part: Part<T>, entries: ReadonlySet<string>, countsTowards: IndicatorContext['countsTowards']): T[] {
  const listed = entriesOf(part);
  const index = entryIndex(part, countsTowards);
  if (entries.size === 1) return (index.get(entries.values().next().value!) ?? []).map((at) => listed[at][1]);
  const places = new Set<number>();
  for (const entry of entries) for (const at of index.get(entry) ?? []) places.add(at);
  return [...places].sort((a, b) => a - b).map((at) => listed[at][1]);
}

const entryIndexes = new WeakMap<object, WeakMap<IndicatorContext['countsTowards'], Map<string, number[]>>>();
function entryIndex(part: Part<unknown>, countsTowards: IndicatorContext['countsTowards']): Map<string, number[]> {
  let byRules = entryIndexes.get(part);
  if (!byRules) entryIndexes.set(part, (byRules = new WeakMap()));
  let index = byRules.get(countsTowards);
  if (!index) {
    index = new Map();
    const listed = entriesOf(part);
    for (let at = 0; at < listed.length; at++) {
      for (const entry of countsTowards(listed[at][0])) {
        const places = index.get(entry);
        if (!places) index.set(entry, [at]);
        else if (places[places.length - 1] !== at) places.push(at);
      }
    }
    byRules.set(countsTowards, index);
  }
  return index;
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
