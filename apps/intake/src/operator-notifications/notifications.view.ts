import { RecordedEvent } from '@imera/event-sourcing';
import { NotificationImpact, OperatorNotificationEvent, OperatorNotificationFiled } from '@imera/domain/operator-notifications';
import { CheckpointedProjection, entriesOf, refill } from '@imera/platform';

export interface NotificationRecord extends Omit<OperatorNotificationFiled['data'], never> {
  readonly status: 'open' | 'resolved';
  readonly impact: NotificationImpact;
  readonly resolvedAt?: string;
  readonly followUps: ReadonlyArray<{ readonly type: string; readonly at: string; readonly description: string; readonly eventId: string }>;
  /** The events this record was built from: its evidence. */
  readonly eventIds: readonly string[];
}

const TYPES = new Set(['OperatorNotificationFiled', 'OperatorNotificationUpdated', 'OperatorNotificationResolved']);

type SavedNotifications = Array<[string, NotificationRecord]>;

/**
 * Every notification as its filer and the Commission see it; callers apply confidentiality rules. Saved as a
 * checkpoint, so a restart resumes after it instead of folding the whole log.
 */
export class NotificationsView implements CheckpointedProjection<SavedNotifications> {
  readonly name = 'notifications';
  readonly version = 'notifications@1';
  private readonly records = new Map<string, NotificationRecord>();

  snapshot(): SavedNotifications {
    return entriesOf(this.records);
  }

  restore(saved: SavedNotifications): void {
    refill(this.records, saved);
  }

  apply(recorded: RecordedEvent): void {
    if (!TYPES.has(recorded.type)) return;
    const event = recorded as unknown as OperatorNotificationEvent & RecordedEvent;
    const id = event.data.notificationId;
    const current = this.records.get(id);
    if (event.type === 'OperatorNotificationFiled') {
      this.records.set(id, { ...event.data, status: 'open', followUps: [], eventIds: [recorded.id] });
      return;
    }
    if (!current) return;
    const eventIds = [...current.eventIds, recorded.id];
    if (event.type === 'OperatorNotificationUpdated') {
      const followUp = { type: 'updated', at: event.data.updatedAt, description: event.data.description, eventId: recorded.id };
      this.records.set(id, { ...current, impact: event.data.impact, followUps: [...current.followUps, followUp], eventIds });
    } else {
      const followUp = { type: 'resolved', at: event.data.resolvedAt, description: event.data.description, eventId: recorded.id };
      this.records.set(id, { ...current, status: 'resolved', resolvedAt: event.data.resolvedAt, followUps: [...current.followUps, followUp], eventIds });
    }
  }

  get(notificationId: string): NotificationRecord | undefined {
    return this.records.get(notificationId);
  }

  /**
   * The records that pass the filter, in filing order or newest filing first, at most `limit` of them, and
   * how many pass in all.
   */
  list(
    filter: { memberState?: string; material?: string; status?: 'open' | 'resolved' } = {},
    page: { order?: 'filed' | 'newest'; limit?: number } = {},
  ): { records: NotificationRecord[]; total: number } {
    const passing = [...this.records.values()].filter(
      (record) =>
        (!filter.memberState || record.memberState === filter.memberState) &&
        (!filter.material || record.material === filter.material) &&
        (!filter.status || record.status === filter.status),
    );
    const ordered = page.order === 'newest' ? passing.reverse() : passing;
    return { records: page.limit === undefined ? ordered : ordered.slice(0, page.limit), total: passing.length };
  }
}
