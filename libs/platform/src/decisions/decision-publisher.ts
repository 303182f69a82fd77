import { EventStore, NewEvent, RecordedEvent } from '@imera/event-sourcing';
import { MessageBus } from '@imera/messaging';
import { encodeEventBatch, EVENT_BATCH_CONTENT_TYPE } from './event-batch.codec';

export interface Decision {
  readonly topic: string;
  /** Partition key: the raw material, so that all messages about one material keep their order. */
  readonly key: string;
  readonly streamName: string;
  /** The revision the decision was taken against (-1: the stream did not exist). */
  readonly decidedAtRevision: number;
  readonly events: readonly NewEvent[];
}

export type DecisionOutcome =
  /** The events are in the event store: the decision took effect. */
  | { readonly kind: 'recorded'; readonly events: readonly RecordedEvent[] }
  /** Someone else's events took that place in the stream first: the decision did not take effect. */
  | { readonly kind: 'superseded'; readonly recorded: RecordedEvent }
  /** Published durably but not yet recorded within the wait: it will be, by the consumer. */
  | { readonly kind: 'pending' };

/** Default, not law: how long a filer is asked to wait before re-sending a write the bus did not take. */
export const PUBLISH_RETRY_AFTER_SECONDS = 5;

/**
 * The message bus did not accept the decision (broker unreachable after the producer's retries, bus closed).
 * The decision is not recorded by this request; re-sending the same request later is safe (event ids are
 * name-based, so a message the broker did keep despite the error is recorded once).
 */
export class DecisionNotPublishedError extends Error {
  override readonly name = 'DecisionNotPublishedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/**
 * Publishes decided events to the message bus, where the recording consumer appends them, and waits until
 * the event store shows the outcome. Readers of the answer can then trust it: "recorded" means stored.
 */
export class DecisionPublisher {
  constructor(
    private readonly store: EventStore,
    private readonly bus: MessageBus,
    private readonly settleTimeoutMs = 5_000,
    private readonly retryAfterSeconds = PUBLISH_RETRY_AFTER_SECONDS,
  ) {}

  async publish(decision: Decision): Promise<DecisionOutcome> {
    await this.send(decision);
    return this.awaitOutcome(decision.streamName, decision.decidedAtRevision + 1, decision.events);
  }

  private async send(decision: Decision): Promise<void> {
    const { streamName, decidedAtRevision, events } = decision;
    try {
      await this.bus.publish(decision.topic, [
        {
          key: decision.key,
          value: encodeEventBatch({ streamName, expectedRevision: decidedAtRevision < 0 ? 'no-stream' : decidedAtRevision, events }),
          headers: {
            'content-type': EVENT_BATCH_CONTENT_TYPE,
            'event-types': events.map((event) => event.type).join(','),
            'correlation-id': events[0].metadata.correlationId,
          },
        },
      ]);
    } catch (error) {
      throw new DecisionNotPublishedError(
        `The message bus is unavailable, so ${streamName} was not changed; send the same request again in a moment`,
        this.retryAfterSeconds,
        error,
      );
    }
  }

  private async awaitOutcome(streamName: string, firstRevision: number, events: readonly NewEvent[]): Promise<DecisionOutcome> {
    const deadline = Date.now() + this.settleTimeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      const stored: RecordedEvent[] = [];
      for await (const event of this.store.readStream(streamName, { fromRevision: firstRevision, maxCount: events.length })) stored.push(event);
      if (stored.length > 0) {
        const ours = stored.length === events.length && stored.every((event, index) => event.id === events[index].id);
        return ours ? { kind: 'recorded', events: stored } : { kind: 'superseded', recorded: stored[0] };
      }
      if (Date.now() >= deadline) return { kind: 'pending' };
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
