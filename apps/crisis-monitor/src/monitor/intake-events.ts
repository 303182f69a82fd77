import { RecordedEvent } from '@imera/event-sourcing';
import { assessScope } from '@imera/domain/imera-modes';
import { OperatorNotificationEvent } from '@imera/domain/operator-notifications';
import {
  defaultIndicatorContext,
  IndicatorContext,
  notificationSeverity,
  SCOPE_INDICATOR_NAMES,
  scopeIndicator,
  ScopeIndicators,
  scopeIndicators,
  SupplyIndicatorsState,
} from '@imera/domain/supply-indicators';
import { CrisisScope } from '@imera/reference-data';
import { DEFAULT_TREND_POINTS_KEPT, MonitorRules, ScopeMonitorRecord, TrendPoint } from './crisis-monitor.state';
import { HeadlineValues, MonitorChange } from './monitor-change';

const NOTIFICATION_TYPES = new Set(['OperatorNotificationFiled', 'OperatorNotificationUpdated', 'OperatorNotificationResolved']);
const STATUS_OF: Record<string, 'filed' | 'updated' | 'resolved'> = {
  OperatorNotificationFiled: 'filed',
  OperatorNotificationUpdated: 'updated',
  OperatorNotificationResolved: 'resolved',
};

export function isNotificationEvent(event: RecordedEvent): boolean {
  return NOTIFICATION_TYPES.has(event.type);
}

export function isExportControlEvent(event: RecordedEvent): boolean {
  return event.type.startsWith('ExportControl');
}

export function headlineOf(indicators: ScopeIndicators): HeadlineValues {
  return Object.fromEntries(SCOPE_INDICATOR_NAMES.map((name) => [name, scopeIndicator(indicators, name).value])) as HeadlineValues;
}

/**
 * Recomputes a scope's indicators as of the event's recording and lets the escalation policy update what it
 * remembers. The policy's commands are not sent from here: the process manager decides live, with the clock.
 */
export function reassessScope(
  record: ScopeMonitorRecord,
  scope: CrisisScope,
  supply: SupplyIndicatorsState,
  event: RecordedEvent,
  rules: MonitorRules,
  context: IndicatorContext = defaultIndicatorContext(rules.policy.indicators, event.recordedAt),
): { record: ScopeMonitorRecord; change?: MonitorChange } {
  const asOf = event.recordedAt;
  const indicators = scopeIndicators(supply, scope, { ...context, asOf });
  const { memory, assessment } = assessScope({ now: asOf, indicators }, record.memory, rules.policy);
  const headline = headlineOf(indicators);
  const valuesMoved = record.headline === null || SCOPE_INDICATOR_NAMES.some((name) => record.headline![name] !== headline[name]);
  const trend = valuesMoved ? withPoint(record.trend, { at: asOf, position: event.globalPosition, values: headline }, rules) : record.trend;
  const next = { ...record, memory, headline, reached: assessment.reached, holding: assessment.holding, indicatorsAsOf: asOf, trend };
  const moved = valuesMoved || record.reached !== assessment.reached || record.holding !== assessment.holding;
  if (!moved) return { record: next };
  const change: MonitorChange = {
    kind: 'indicators-changed',
    position: event.globalPosition,
    eventId: event.id,
    eventType: event.type,
    at: event.recordedAt,
    scopeId: scope.id,
    asOf,
    values: headline,
    previous: record.headline,
    reached: assessment.reached,
    holding: assessment.holding,
  };
  return { record: next, change };
}

function withPoint(trend: readonly TrendPoint[], point: TrendPoint, rules: MonitorRules): readonly TrendPoint[] {
  const kept = rules.trendPointsKept ?? DEFAULT_TREND_POINTS_KEPT;
  return [...trend.slice(Math.max(0, trend.length + 1 - kept)), point];
}

/** The live change an intake event makes visible, without operator details. */
export function intakeChange(event: RecordedEvent, confidential: boolean, scopeIds: readonly string[], rules: MonitorRules): MonitorChange | undefined {
  const base = { position: event.globalPosition, eventId: event.id, eventType: event.type, at: event.recordedAt, scopeIds };
  if (isNotificationEvent(event)) {
    const notification = event as unknown as OperatorNotificationEvent;
    const { notificationId, memberState, material } = notification.data;
    const details =
      notification.type === 'OperatorNotificationResolved'
        ? {}
        : {
            severity: notificationSeverity(notification.data.impact, rules.policy.indicators.notificationSeverity),
            ...(notification.type === 'OperatorNotificationFiled' ? { disruptionType: notification.data.disruptionType } : {}),
          };
    return { ...base, kind: 'notification', notificationId, memberState, confidential, material, status: STATUS_OF[event.type], ...details };
  }
  if (isExportControlEvent(event)) {
    return { ...base, kind: 'export-control', measureId: String((event.data as { measureId?: unknown }).measureId) };
  }
  return undefined;
}
