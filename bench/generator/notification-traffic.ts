import {
  NotificationImpact,
  notificationStream,
  OPERATOR_NOTIFICATION_SCHEMA_VERSION,
  OperatorNotificationFiled,
  OperatorNotificationResolved,
  OperatorNotificationUpdated,
} from '@imera/domain/operator-notifications';
import { EventSink, SyntheticAppend } from './event-sink';
import { SyntheticOperator } from './operators';
import { WeightedChoice } from './seeded-random';
import { DISRUPTIONS_BY_WEIGHT, FILING_TEXT, RESOLUTION_TEXT, UPDATE_TEXT } from './vocabulary';

interface OpenNotification {
  readonly notificationId: string;
  readonly source: SyntheticOperator;
  readonly lastEventId: string;
  readonly updates: number;
}

const MAX_UPDATES = 3;

/**
 * Operator notifications (CRMA Art 21(2)): filed by the operator's Member State, updated a few times and
 * resolved. At most `maxOpen` are open at once, so the projections' state stays the size of a crisis,
 * not of the history.
 */
export class NotificationTraffic {
  private readonly open: OpenNotification[] = [];
  private readonly disruptions = new WeightedChoice(DISRUPTIONS_BY_WEIGHT);

  constructor(private readonly sink: EventSink, private readonly operators: readonly SyntheticOperator[], private readonly maxOpen: number) {}

  next(): SyntheticAppend {
    const random = this.sink.random;
    if (this.open.length === 0 || (this.open.length < this.maxOpen && random.chance(0.36))) return this.file();
    const index = random.int(0, this.open.length - 1);
    const notification = this.open[index];
    if (notification.updates < MAX_UPDATES && random.chance(0.5)) return this.update(index, notification);
    return this.resolve(index, notification);
  }

  private file(): SyntheticAppend {
    const random = this.sink.random;
    const source = random.pick(this.operators);
    const disruptionType = this.disruptions.pick(random);
    const notificationId = random.uuid();
    const event: OperatorNotificationFiled = {
      type: 'OperatorNotificationFiled',
      data: {
        notificationId,
        memberState: source.memberState,
        operator: source.operator,
        material: source.material,
        disruptionType,
        impact: this.impact(source),
        occurredAt: new Date(this.sink.nowMillis - random.int(1, 20) * 86_400_000).toISOString(),
        description: FILING_TEXT[disruptionType].replace('%M', source.material),
        confidential: random.chance(0.7),
        filedAt: this.sink.now,
      },
    };
    const append = this.emit(notificationId, event, source);
    this.open.push({ notificationId, source, lastEventId: append.event.id, updates: 0 });
    return append;
  }

  private update(index: number, notification: OpenNotification): SyntheticAppend {
    const { notificationId, source } = notification;
    const event: OperatorNotificationUpdated = {
      type: 'OperatorNotificationUpdated',
      data: {
        notificationId,
        memberState: source.memberState,
        material: source.material,
        impact: this.impact(source),
        description: this.sink.random.pick(UPDATE_TEXT),
        updatedAt: this.sink.now,
      },
    };
    const append = this.emit(notificationId, event, source, notification.lastEventId);
    this.open[index] = { ...notification, lastEventId: append.event.id, updates: notification.updates + 1 };
    return append;
  }

  private resolve(index: number, notification: OpenNotification): SyntheticAppend {
    const { notificationId, source } = notification;
    const event: OperatorNotificationResolved = {
      type: 'OperatorNotificationResolved',
      data: {
        notificationId,
        memberState: source.memberState,
        material: source.material,
        description: this.sink.random.pick(RESOLUTION_TEXT),
        resolvedAt: this.sink.now,
      },
    };
    const last = this.open.pop()!;
    if (index < this.open.length) this.open[index] = last;
    return this.emit(notificationId, event, source, notification.lastEventId);
  }

  private impact(source: SyntheticOperator): NotificationImpact {
    const random = this.sink.random;
    const capacityShareAffected = random.decimal(0.02, 0.95, 2);
    const impact = {
      capacityShareAffected,
      tonnesPerYearAffected: Math.max(1, Math.round(source.tonnesPerYear * capacityShareAffected)),
      expectedDurationDays: random.int(7, 180),
    };
    return random.chance(0.6) ? { ...impact, stockCoverDays: random.int(0, 120) } : impact;
  }

  private emit(notificationId: string, event: OperatorNotificationFiled | OperatorNotificationUpdated | OperatorNotificationResolved, source: SyntheticOperator, causationId?: string) {
    const actor = `user:${source.memberState.toLowerCase()}-authority-${this.sink.random.int(1, 9)}`;
    return this.sink.emit(notificationStream(notificationId), event, OPERATOR_NOTIFICATION_SCHEMA_VERSION, actor, causationId);
  }
}
