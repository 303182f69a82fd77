import { mayViewConfidentialDetails, Principal } from '@imera/auth';
import { streamCategory, streamId } from '@imera/event-sourcing';
import { NotificationVisibility } from '../monitor/crisis-monitor.state';
import { MonitorChange } from '../monitor/monitor-change';

export type NotificationLookup = (notificationId: string) => NotificationVisibility | undefined;

/**
 * Scope views are aggregates every reader may see; what a Member State authority must not see are other
 * Member States' confidential details. Evidence that points at another Member State's confidential
 * notification, or at its strategic stock reports (CRMA Art 22), keeps its position and type but loses the
 * stream and the event id.
 */
export function redactFor<T>(principal: Principal, value: T, notifications: NotificationLookup): T {
  if (principal.role !== 'member-state-authority') return value;
  return redact(value, (streamName) => hidden(principal, streamName, notifications)) as T;
}

/** A live change as the principal may see it: a confidential filing of another Member State stays anonymous. */
export function changeFor(principal: Principal, change: MonitorChange, notifications: NotificationLookup): Partial<MonitorChange> {
  if (change.kind === 'notification' && change.confidential && !mayViewConfidentialDetails(principal, { memberState: change.memberState })) {
    const { notificationId: _id, memberState: _memberState, eventId: _eventId, ...anonymous } = change;
    return anonymous;
  }
  return redactFor(principal, change, notifications);
}

function hidden(principal: Principal & { role: 'member-state-authority' }, streamName: string, notifications: NotificationLookup): boolean {
  const category = streamCategory(streamName);
  if (category === 'notification') {
    const filed = notifications(streamId(streamName));
    return filed !== undefined && filed.confidential && filed.memberState !== principal.memberState;
  }
  if (category === 'strategicStock') return !streamId(streamName).startsWith(`${principal.memberState}-`);
  return false;
}

function redact(value: unknown, isHidden: (streamName: string) => boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => redact(item, isHidden));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.streamName === 'string' && isHidden(record.streamName)) {
    const { eventId: _eventId, streamName, ...rest } = record;
    return { ...rest, streamName: streamCategory(streamName), redacted: 'confidential to another Member State' };
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, redact(item, isHidden)]));
}
