import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  ResolvedEvent,
  START,
  StreamingRead,
  StreamNotFoundError,
} from '@eventstore/db-client';
import {
  AppendResult,
  collect,
  EventStore,
  EventStoreUnavailableError,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '@imera/event-sourcing';
import { resolveAppend } from '../shared/append-resolution';
import {
  DEFAULT_RESUBSCRIBE_POLICY,
  ResubscribePolicy,
  subscribeToAllResubscribing,
  SubscriptionDrop,
} from './all-subscription';
import { describeConnection } from './connection-string';
import { assertAppendable, decodeEvent, encodeEvent, isSystemEvent } from './event-envelope';
import { comparePositions, positionOf, toGlobalPosition } from './log-position';
import {
  fromServerRevision,
  isWrongExpectedVersion,
  toServerExpectedRevision,
  toWrongExpectedRevisionError,
} from './revision-mapping';

export type { ResubscribePolicy, SubscriptionDrop } from './all-subscription';
export { describeConnection } from './connection-string';

export interface EventStoreDbOptions {
  /** For example `esdb://127.0.0.1:2113?tls=false`; credentials may be part of it. */
  readonly connectionString: string;
  readonly resubscribe?: ResubscribePolicy;
  /** Told each time a subscription to all drops and is about to be renewed. */
  readonly onSubscriptionDropped?: (drop: SubscriptionDrop) => void;
}

/**
 * The event-store port over an EventStoreDB server (gRPC client). Global positions are commit positions
 * (see log-position.ts); the envelope's schema version and metadata travel in the event metadata JSON.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions,
  ) {}

  /** Connects and checks that the server answers and lets us read `$all` before anyone relies on it. */
  static async connect(options: EventStoreDbOptions): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(options.connectionString);
    const store = new EventStoreDbEventStore(client, options);
    try {
      await store.probe();
      return store;
    } catch (error) {
      await client.dispose().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new EventStoreUnavailableError(
        `EventStoreDB at ${describeConnection(options.connectionString)} cannot be used: ${reason}`,
        error,
      );
    }
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    assertAppendable(streamName, events);
    const expected = options.expectedRevision;
    let lastRevision: number;
    try {
      const result = await this.client.appendToStream(streamName, events.map(encodeEvent), {
        expectedRevision: toServerExpectedRevision(expected),
      });
      lastRevision = fromServerRevision(result.nextExpectedRevision);
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      const conflict = toWrongExpectedRevisionError(error, streamName, expected);
      lastRevision = await this.resolveConflict(streamName, events, expected, conflict);
    }
    return { nextExpectedRevision: lastRevision, lastGlobalPosition: await this.positionAt(streamName, lastRevision) };
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    if (options.maxCount === 0) return;
    const read = this.client.readStream(streamName, {
      fromRevision: BigInt(options.fromRevision ?? 0),
      maxCount: options.maxCount,
      direction: FORWARDS,
    });
    for await (const resolved of ignoringMissingStream(read)) {
      if (resolved.event) yield decodeEvent(resolved.event);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    if (options.maxCount === 0) return;
    const after = options.after === undefined || options.after < 0 ? undefined : positionOf(options.after);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    // One streamed read (the client applies back-pressure); system events are filtered here, so the
    // server's count cannot be used for maxCount.
    const read = this.client.readAll({ fromPosition: after ?? START, direction: FORWARDS });
    for await (const resolved of draining(read)) {
      const record = resolved.event;
      // Reading $all from a position includes the event there; "after" means strictly after.
      if (!record || (after !== undefined && comparePositions(record.position, after) <= 0)) continue;
      if (isSystemEvent(record)) continue;
      yield decodeEvent(record);
      remaining -= 1;
      if (remaining === 0) return;
    }
  }

  /** The server sends whole events either way: the positions of a read of $all, a thousand at a time. */
  async *readAllPositions(options: Pick<ReadAllOptions, 'after'> = {}): AsyncIterable<readonly number[]> {
    let batch: number[] = [];
    for await (const event of this.readAll(options)) {
      batch.push(event.globalPosition);
      if (batch.length === POSITIONS_PER_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const subscription = subscribeToAllResubscribing(
      (after) => this.client.subscribeToAll({ fromPosition: after ?? START }),
      options,
      { policy: this.options.resubscribe ?? DEFAULT_RESUBSCRIBE_POLICY, onDropped: this.options.onSubscriptionDropped },
    );
    this.subscriptions.add(subscription);
    void subscription.done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async streamRevision(streamName: string): Promise<number> {
    this.assertOpen();
    const last = this.client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    for await (const resolved of ignoringMissingStream(last)) {
      if (resolved.event) return fromServerRevision(resolved.event.revision);
    }
    return -1;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * The server refused the expected revision. If the events already sit where the writer expected to put
   * them, this is a repeat of an append that succeeded (a retry after a lost reply): report that success.
   */
  private async resolveConflict(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    conflict: WrongExpectedRevisionError,
  ): Promise<number> {
    const resolution = await resolveAppend(streamName, events, expected, conflict.actual, (from, count) =>
      this.storedIds(streamName, from, count),
    );
    if (resolution.kind === 'already-stored') return resolution.lastRevision;
    throw conflict;
  }

  private async storedIds(streamName: string, fromRevision: number, count: number): Promise<string[]> {
    const ids: string[] = [];
    for await (const event of this.readStream(streamName, { fromRevision, maxCount: count })) ids.push(event.id);
    return ids;
  }

  /** The acknowledged event's position, read back from the leader (the append reply's position is not it). */
  private async positionAt(streamName: string, revision: number): Promise<number> {
    const read = this.client.readStream(streamName, { fromRevision: BigInt(revision), maxCount: 1, requiresLeader: true });
    for await (const resolved of draining(read)) {
      if (resolved.event) return toGlobalPosition(resolved.event.position, resolved.event.id);
    }
    throw new Error(`Event ${revision} of stream "${streamName}" was acknowledged but cannot be read back`);
  }

  private async probe(): Promise<void> {
    await collect(draining(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

/** Events a read may hold in memory before it pauses the server stream. */
const READ_HIGH_WATER = 256;
const POSITIONS_PER_BATCH = 1_000;

/** A stream that does not exist reads as empty. */
async function* ignoringMissingStream(read: StreamingRead<ResolvedEvent>): AsyncIterable<ResolvedEvent> {
  try {
    yield* draining(read);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return;
    throw error;
  }
}

/**
 * Iterates a read. When the reader stops early the server call is cancelled and whatever is still on its
 * way is drained and dropped: the client only forgets a call once its gRPC stream has finished, and a call
 * that already completed cannot be cancelled, only read to its end (else closing the client waits forever).
 */
async function* draining<T>(read: StreamingRead<T>): AsyncIterable<T> {
  const buffered: T[] = [];
  let ended = false;
  let failure: { readonly error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const onData = (item: T) => {
    buffered.push(item);
    if (buffered.length >= READ_HIGH_WATER) read.pause();
    notify();
  };
  read.on('data', onData);
  read.on('end', () => {
    ended = true;
    notify();
  });
  read.on('error', (error) => {
    failure = { error };
    notify();
  });
  let complete = false;
  try {
    for (;;) {
      const item = buffered.shift();
      if (item !== undefined) {
        if (read.isPaused() && buffered.length < READ_HIGH_WATER / 2) read.resume();
        yield item;
      } else if (failure) {
        complete = true;
        throw failure.error;
      } else if (ended) {
        complete = true;
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    if (!complete) {
      read.off('data', onData);
      read.on('data', () => undefined);
      read.resume();
      void read.cancel().catch(() => undefined);
    }
  }
}
