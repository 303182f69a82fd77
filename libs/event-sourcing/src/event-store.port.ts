import { NewEvent, RecordedEvent } from './event';
import { ExpectedRevision } from './expected-revision';

export interface AppendResult {
  /** Revision of the last event now in the stream: pass it as the next expected revision. */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly lastGlobalPosition: number;
}

export interface ReadStreamOptions {
  /** First revision to return (default 0). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Start strictly after this checkpoint; omit to start at the beginning of the log. */
  readonly after?: number;
  readonly maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Resume strictly after this checkpoint; omit to start at the beginning of the log. */
  readonly after?: number;
  /** Called for each event in log order; the next one waits until this settles. */
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Called once the subscription has delivered everything stored when it caught up. */
  readonly onCaughtUp?: (position: number | undefined) => void;
  /** Called when the subscription stops because of an error (including a handler's). */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running. */
  stop(): Promise<void>;
  /** Resolves when the subscription ends, by stop() or by an error. */
  readonly done: Promise<void>;
}

/**
 * The event-store port. Every adapter (embedded file log, in-memory, EventStoreDB) passes the same
 * contract suite, so application code never knows which one it talks to.
 */
export interface EventStore {
  /**
   * Appends atomically: either all events are stored or none. Resolves only once the events are durable
   * (for durable adapters). Re-appending events whose ids are already stored at the same place succeeds
   * without storing them twice.
   * @throws WrongExpectedRevisionError when the stream is not where the writer expected it.
   */
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;

  /** Reads one stream forwards; a stream that does not exist reads as empty. */
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Reads the whole log forwards in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * The global positions of the log's events after a checkpoint, in order and a batch at a time, without
   * their contents: for counting events (how far behind a reader is), which needs no payload decoded.
   */
  readAllPositions(options?: Pick<ReadAllOptions, 'after'>): AsyncIterable<readonly number[]>;

  /** Catches up from a checkpoint and then keeps following new events live. */
  subscribeToAll(options: SubscribeToAllOptions): Subscription;

  /** Revision of the stream's last event, -1 when the stream does not exist. */
  streamRevision(streamName: string): Promise<number>;

  close(): Promise<void>;
}

/** Collects an async iterable into an array: handy for short streams. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}
