import { Clock, DomainRuleViolation, EventStore, NewEvent } from '@imera/event-sourcing';
import {
  OPERATOR_NOTIFICATION_SCHEMA_VERSION,
  OperatorNotificationCommand,
  operatorNotificationDecider,
  OperatorNotificationEvent,
  notificationStream,
} from '@imera/domain/operator-notifications';
import { Topics } from '@imera/messaging';
import { DecisionPublisher, DecisionResult, retryOnConcurrentChange, deterministicEventId, eventMetadata, fingerprint, fromOutcome, loadStream, repeated, RequestContext, sameRequest } from '@imera/platform';
import { FileNotificationDto, NotificationFollowUpDto, NotificationResolutionDto } from './file-notification.dto';
import { NotificationRecord, NotificationsView } from './notifications.view';

/** Files and follows up operator notifications: decide against the stream, publish, await the record. */
export class OperatorNotificationIntake {
  constructor(
    private readonly store: EventStore,
    private readonly publisher: DecisionPublisher,
    private readonly clock: Clock,
  ) {}

  async file(dto: FileNotificationDto, context: RequestContext): Promise<DecisionResult> {
    const streamName = notificationStream(dto.notificationId);
    const body = { ...dto, confidential: dto.confidential ?? true };
    const requestFingerprint = fingerprint(body);
    const loaded = await loadStream(this.store, streamName, operatorNotificationDecider);
    if (loaded.revision >= 0) {
      // Re-sending the same notification is safe; re-using its id for something else is a conflict.
      if (loaded.events[0].metadata.requestFingerprint === requestFingerprint) return repeated(streamName, loaded.events.slice(0, 1));
      throw new DomainRuleViolation('notification-exists', `Notification ${dto.notificationId} was already filed with other content`);
    }
    return this.decideAndPublish(streamName, -1, loaded.state, { kind: 'FileNotification', ...body, now: this.now() }, context, requestFingerprint);
  }

  async update(notificationId: string, memberState: string, dto: NotificationFollowUpDto, context: RequestContext): Promise<DecisionResult> {
    return this.followUp(notificationId, context, (now) => ({ kind: 'UpdateNotification', notificationId, memberState, impact: { ...dto.impact }, description: dto.description, now }));
  }

  async resolve(notificationId: string, memberState: string, dto: NotificationResolutionDto, context: RequestContext): Promise<DecisionResult> {
    return this.followUp(notificationId, context, (now) => ({ kind: 'ResolveNotification', notificationId, memberState, description: dto.description, now }));
  }

  /** Reads one notification straight from its stream, so a reader sees its own filing at once. */
  async read(notificationId: string): Promise<NotificationRecord | undefined> {
    const view = new NotificationsView();
    for await (const event of this.store.readStream(notificationStream(notificationId))) view.apply(event);
    return view.get(notificationId);
  }

  private followUp(notificationId: string, context: RequestContext, command: (now: string) => OperatorNotificationCommand): Promise<DecisionResult> {
    return retryOnConcurrentChange(() => this.followUpOnce(notificationId, context, command));
  }

  private async followUpOnce(notificationId: string, context: RequestContext, command: (now: string) => OperatorNotificationCommand): Promise<DecisionResult> {
    const streamName = notificationStream(notificationId);
    const loaded = await loadStream(this.store, streamName, operatorNotificationDecider);
    if (loaded.state.status === 'none') throw new DomainRuleViolation('notification-not-found', `Notification ${notificationId} does not exist`);
    const decided = command(this.now());
    const requestFingerprint = fingerprint({ ...decided, now: undefined });
    const earlier = sameRequest(loaded.events, requestFingerprint);
    if (earlier.length > 0) return repeated(streamName, earlier);
    return this.decideAndPublish(streamName, loaded.revision, loaded.state, decided, context, requestFingerprint);
  }

  private async decideAndPublish(
    streamName: string,
    revision: number,
    state: Parameters<typeof operatorNotificationDecider.decide>[1],
    command: OperatorNotificationCommand,
    context: RequestContext,
    requestFingerprint: string,
  ): Promise<DecisionResult> {
    const events = operatorNotificationDecider.decide(command, state).map((event, index) => this.envelope(event, streamName, revision, index, context, requestFingerprint));
    const outcome = await this.publisher.publish({ topic: Topics.operatorNotifications, streamName, decidedAtRevision: revision, events });
    return fromOutcome(streamName, outcome, 'notification-changed-concurrently', events);
  }

  private envelope(event: OperatorNotificationEvent, streamName: string, revision: number, index: number, context: RequestContext, requestFingerprint: string): NewEvent {
    return {
      id: deterministicEventId(streamName, String(revision), requestFingerprint, String(index)),
      type: event.type,
      schemaVersion: OPERATOR_NOTIFICATION_SCHEMA_VERSION,
      data: event.data,
      metadata: eventMetadata(context, { requestFingerprint }),
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
