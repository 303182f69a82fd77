import { EvidenceRef, evidenceOfAll } from './evidence';
import { IndicatorSettings, NOTIFICATION_SEVERITIES, notificationSeverity, NotificationSeverity } from './indicator-settings';
import type { TrackedNotification } from './supply-indicators.projection';

type Bucket = readonly TrackedNotification[];
type SeveritySettings = IndicatorSettings['notificationSeverity'];

/**
 * What the counts need from one material's open notifications. The projection replaces a bucket, never
 * changes it, when an event touches it, so a summary is remembered per bucket and an event costs the
 * summary of the one bucket it touched, not a pass over every open notification.
 */
export interface BucketSummary {
  /** Oldest filing first. */
  readonly notifications: readonly TrackedNotification[];
  readonly tonnesPerYearAffected: number;
  /** Every tonnage a whole number: with a safe total magnitude, any order of addition gives the same sum. */
  readonly wholeTonnes: boolean;
  /** The sum of the tonnages' magnitudes. */
  readonly tonnesMagnitude: number;
  readonly bySeverity: Readonly<Record<NotificationSeverity, number>>;
  readonly memberStates: ReadonlySet<string>;
  readonly operators: ReadonlySet<string>;
  readonly shortestStockCoverDays: number | undefined;
}

const summaries = new WeakMap<Bucket, WeakMap<SeveritySettings, BucketSummary>>();

/**
 * Buckets made by one filing added to a bucket whose summaries were known: the new bucket's summary extends
 * the old one by that filing instead of a pass over every notification, so a surge of filings about one
 * material costs each filing the same. Only the last step is kept (the old bucket's own entry goes), so a
 * bucket never holds on to the buckets before it.
 */
const filedInto = new WeakMap<Bucket, { readonly before: WeakMap<SeveritySettings, BucketSummary>; readonly filed: TrackedNotification }>();

/** The bucket with one more filing at its end, as the projection adds a new notification. */
export function withFiling(bucket: Bucket, filed: TrackedNotification): Bucket {
  const next = [...bucket, filed];
  const before = summaries.get(bucket);
  filedInto.delete(bucket);
  if (before) filedInto.set(next, { before, filed });
  return next;
}

export function bucketSummary(bucket: Bucket, settings: SeveritySettings): BucketSummary {
  let bySettings = summaries.get(bucket);
  if (!bySettings) summaries.set(bucket, (bySettings = new WeakMap()));
  let summary = bySettings.get(settings);
  if (!summary) {
    const step = filedInto.get(bucket);
    const before = step?.before.get(settings);
    summary = before ? extended(before, bucket, step!.filed, settings) : summarise(bucket, settings);
    bySettings.set(settings, summary);
  }
  return summary;
}

function summarise(bucket: Bucket, settings: SeveritySettings): BucketSummary {
  // The projection keeps each bucket oldest filing first.
  const notifications = bucket;
  const bySeverity = Object.fromEntries(NOTIFICATION_SEVERITIES.map((severity) => [severity, 0])) as Record<NotificationSeverity, number>;
  const memberStates = new Set<string>();
  const operators = new Set<string>();
  let tonnes = 0;
  let magnitude = 0;
  let whole = true;
  let shortest: number | undefined;
  for (const notification of notifications) {
    const { impact } = notification;
    tonnes += impact.tonnesPerYearAffected;
    magnitude += Math.abs(impact.tonnesPerYearAffected);
    whole &&= Number.isInteger(impact.tonnesPerYearAffected);
    bySeverity[notificationSeverity(impact, settings)] += 1;
    memberStates.add(notification.memberState);
    operators.add(notification.operatorId);
    if (impact.stockCoverDays !== undefined) shortest = shortest === undefined ? impact.stockCoverDays : Math.min(shortest, impact.stockCoverDays);
  }
  return {
    notifications,
    tonnesPerYearAffected: tonnes,
    wholeTonnes: whole,
    tonnesMagnitude: magnitude,
    bySeverity,
    memberStates,
    operators,
    shortestStockCoverDays: shortest,
  };
}

/** A summary with one filing added at the end: the same sums, in the same order, as a pass would make. */
function extended(before: BucketSummary, notifications: Bucket, filed: TrackedNotification, settings: SeveritySettings): BucketSummary {
  const { tonnesPerYearAffected: tonnes, stockCoverDays } = filed.impact;
  const severity = notificationSeverity(filed.impact, settings);
  const shortest = before.shortestStockCoverDays;
  return {
    notifications,
    tonnesPerYearAffected: before.tonnesPerYearAffected + tonnes,
    wholeTonnes: before.wholeTonnes && Number.isInteger(tonnes),
    tonnesMagnitude: before.tonnesMagnitude + Math.abs(tonnes),
    bySeverity: { ...before.bySeverity, [severity]: before.bySeverity[severity] + 1 },
    memberStates: withMember(before.memberStates, filed.memberState),
    operators: withMember(before.operators, filed.operatorId),
    shortestStockCoverDays: stockCoverDays === undefined ? shortest : shortest === undefined ? stockCoverDays : Math.min(shortest, stockCoverDays),
  };
}

/** The set itself when it has the member already (summaries share it), else a copy with it. */
function withMember(members: ReadonlySet<string>, member: string): ReadonlySet<string> {
  return members.has(member) ? members : new Set(members).add(member);
}

/** The open notifications of several buckets, oldest filing first (each notification sits in one bucket). */
export function mergedNotifications(summaries: readonly BucketSummary[]): TrackedNotification[] {
  if (summaries.length === 1) return [...summaries[0].notifications];
  return summaries.flatMap((summary) => summary.notifications).sort((a, b) => firstPosition(a) - firstPosition(b));
}

/** Evidence of the notifications of several buckets that pass a test, each event once, in log order. */
export function evidenceOfBuckets(summaries: readonly BucketSummary[], keep: (notification: TrackedNotification) => boolean = () => true): EvidenceRef[] {
  return evidenceOfAll(summaries.flatMap((summary) => summary.notifications.filter(keep)));
}

function firstPosition(notification: TrackedNotification): number {
  return notification.evidence[0]?.globalPosition ?? 0;
}
