import { EventStore, NewEvent, RecordedEvent } from '@imera/event-sourcing';
import { MessageBus } from '@imera/messaging';
import { encodeEventBatch, EVENT_BATCH_CONTENT_TYPE } from './event-batch.codec';

export interface Decision {
  readonly topic: string;
  /**
   * The stream the events go to; also the message's partition key, so a stream's messages keep their order
   * (its expected revisions need it) while messages to other streams, however alike, never wait for them.
   */
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
 * Where a publisher hears of events as a read model of the same service applies them (a projection
 * runner): it then looks for its outcome at once instead of at its next poll, and answers once the read
 * model holds the outcome, so the caller's next read of that model finds what it was told.
 */
export interface AppliedEvents {
  onApplied(listener: (event: RecordedEvent) => void): () => void;
  /** Global position of the last event applied. */
  readonly position: number | undefined;
}

export interface DecisionPublisherOptions {
  /** How long a caller waits for the outcome before it is answered "pending". */
  readonly settleTimeoutMs?: number;
  readonly retryAfterSeconds?: number;
  readonly applied?: AppliedEvents;
}

/** Polls while nothing wakes the wait: quickly at first, then every 50 ms. */
const FIRST_POLL_MS = 1;
/** With applied events to wake it, a poll is only the fallback (the read model lagging or failing). */
const POLL_MS = 50;

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
  private readonly settleTimeoutMs: number;
  private readonly retryAfterSeconds: number;
  private readonly firstPollMs: number;
  private readonly applied: AppliedEvents | undefined;
  /** Callers waiting for an outcome, by stream: woken when an event of that stream is applied. */
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(
    private readonly store: EventStore,
    private readonly bus: MessageBus,
    options: DecisionPublisherOptions = {},
  ) {
    this.settleTimeoutMs = options.settleTimeoutMs ?? 5_000;
    this.retryAfterSeconds = options.retryAfterSeconds ?? PUBLISH_RETRY_AFTER_SECONDS;
    this.firstPollMs = options.applied ? POLL_MS : FIRST_POLL_MS;
    this.applied = options.applied;
    options.applied?.onApplied((event) => this.wake(event.streamName));
  }

  async publish(decision: Decision): Promise<DecisionOutcome> {
    await this.send(decision);
    return this.awaitOutcome(decision.streamName, decision.decidedAtRevision + 1, decision.events);
  }

  private async send(decision: Decision): Promise<void> {
    const { streamName, decidedAtRevision, events } = decision;
    try {
      await this.bus.publish(decision.topic, [
        {
          key: streamName,
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
    for (let pause = this.firstPollMs; ; pause = Math.min(pause * 2, POLL_MS)) {
      // Listening before reading: an event applied while the read runs still wakes the wait.
      const woken = this.wakeOn(streamName);
      const outcome = await this.storedOutcome(streamName, firstRevision, events);
      if ((outcome && this.readModelHolds(outcome)) || Date.now() >= deadline) {
        woken.cancel();
        return outcome ?? { kind: 'pending' };
      }
      await woken.within(Math.min(pause, deadline - Date.now()));
    }
  }

  /** Whether the read model that wakes this publisher (if any) has applied the outcome's events. */
  private readModelHolds(outcome: DecisionOutcome): boolean {
    if (!this.applied || outcome.kind === 'pending') return true;
    const last = outcome.kind === 'recorded' ? outcome.events[outcome.events.length - 1] : outcome.recorded;
    return (this.applied.position ?? -1) >= last.globalPosition;
  }

  private async storedOutcome(streamName: string, firstRevision: number, events: readonly NewEvent[]): Promise<DecisionOutcome | undefined> {
    const stored: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamName, { fromRevision: firstRevision, maxCount: events.length })) stored.push(event);
    if (stored.length === 0) return undefined;
    const ours = stored.length === events.length && stored.every((event, index) => event.id === events[index].id);
    return ours ? { kind: 'recorded', events: stored } : { kind: 'superseded', recorded: stored[0] };
  }

  /** A wait that ends when an event of the stream is applied, or after `ms` at most. */
  private wakeOn(streamName: string): { within(ms: number): Promise<void>; cancel(): void } {
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    let waiters = this.waiting.get(streamName);
    if (!waiters) this.waiting.set(streamName, (waiters = new Set()));
    waiters.add(wake);
    const cancel = () => {
      const current = this.waiting.get(streamName);
      if (current?.delete(wake) && current.size === 0) this.waiting.delete(streamName);
    };
    return {
      cancel,
      within: async (ms) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([woken, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
        clearTimeout(timer);
        cancel();
      },
    };
  }

  private wake(streamName: string): void {
    const waiters = this.waiting.get(streamName);
    if (!waiters) return;
    this.waiting.delete(streamName);
    for (const wake of waiters) wake();
  }
}
