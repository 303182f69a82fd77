import { join } from 'node:path';
import { collect, RecordedEvent } from '@imera/event-sourcing';
import { FileLogEventStore } from '@imera/event-store';
import { NotificationRecord, NotificationsView } from '../../../apps/intake/src/operator-notifications/notifications.view';
import { SentNotification } from './notification-load';

export interface LogCheck {
  readonly events: number;
  readonly problems: string[];
  /** The notifications list as a fresh fold of the whole log gives it. */
  readonly rebuilt: NotificationRecord[];
  /** Ids with a filing in the log. */
  readonly stored: ReadonlySet<string>;
}

/**
 * Opens the data directory's event log while the system is down (taking over the killed process's lock),
 * checks every filing against what its sender was told, and folds the log into a fresh notifications list.
 */
export async function checkLog(dataDir: string, sent: readonly SentNotification[]): Promise<LogCheck> {
  const store = await FileLogEventStore.open({ dir: join(dataDir, 'event-log') });
  let events: RecordedEvent[];
  try {
    events = await collect(store.readAll());
  } finally {
    await store.close();
  }
  const problems: string[] = [];
  const filings = new Map<string, number>();
  const ids = new Set<string>();
  const view = new NotificationsView();
  for (const event of events) {
    if (ids.has(event.id)) problems.push(`event ${event.id} stored twice`);
    ids.add(event.id);
    view.apply(event);
    if (event.type === 'OperatorNotificationFiled') {
      const id = (event.data as { notificationId: string }).notificationId;
      filings.set(id, (filings.get(id) ?? 0) + 1);
    }
  }
  for (const [id, count] of filings) if (count > 1) problems.push(`notification ${id} filed ${count} times`);
  for (const notification of sent) {
    const count = filings.get(notification.notificationId) ?? 0;
    const { outcome } = notification;
    if (outcome.kind === 'acknowledged' && count !== 1) problems.push(`notification ${notification.notificationId} got ${outcome.status} but is stored ${count} times`);
    if (outcome.kind === 'rejected' && count !== 0) problems.push(`notification ${notification.notificationId} got ${outcome.status} but is stored`);
  }
  return { events: events.length, problems, rebuilt: sortById(view.list().records), stored: new Set(filings.keys()) };
}

export function sortById(records: readonly NotificationRecord[]): NotificationRecord[] {
  return [...records].sort((a, b) => a.notificationId.localeCompare(b.notificationId));
}
