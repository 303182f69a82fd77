import {
  AppendResult,
  Clock,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  systemClock,
} from '@imera/event-sourcing';
import { resolveAppend } from '../shared/append-resolution';
import { AppendSignal, pullSubscription } from '../shared/subscription-loop';
import { sliceAfter } from '../shared/positions';

/**
 * Keeps every event in memory: for unit tests, fast replays and exercises that need no durability.
 * Global positions are 0-based indexes into the log.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, number[]>();
  private readonly appended = new AppendSignal();
  private closed = false;

  constructor(private readonly clock: Clock = systemClock) {}

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const revision = await this.streamRevision(streamName);
    const resolution = await resolveAppend(streamName, events, options.expectedRevision, revision, async (from, count) =>
      this.positionsOf(streamName).slice(from, from + count).map((position) => this.log[position].id),
    );
    const current = this.positionsOf(streamName);
    if (resolution.kind === 'already-stored') {
      return { nextExpectedRevision: resolution.lastRevision, lastGlobalPosition: current[resolution.lastRevision] };
    }
    // resolveAppend's answer holds only for the revision it saw; another append may have landed meanwhile.
    if (current.length - 1 !== revision) return this.appendToStream(streamName, events, options);
    const recordedAt = this.clock.now().toISOString();
    events.forEach((event, index) => {
      const position = this.log.length;
      this.log.push(freeze({ ...event, streamName, streamRevision: resolution.firstRevision + index, globalPosition: position, recordedAt }));
      current.push(position);
    });
    this.streams.set(streamName, current);
    this.appended.notify();
    return { nextExpectedRevision: current.length - 1, lastGlobalPosition: this.log.length - 1 };
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const positions = this.streams.get(streamName) ?? [];
    const from = options.fromRevision ?? 0;
    const to = options.maxCount === undefined ? positions.length : Math.min(positions.length, from + options.maxCount);
    for (let revision = from; revision < to; revision++) yield this.log[positions[revision]];
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    yield* sliceAfter(this.log, options.after, options.maxCount);
  }

  async *readAllPositions(options: Pick<ReadAllOptions, 'after'> = {}): AsyncIterable<readonly number[]> {
    const events = sliceAfter(this.log, options.after, undefined);
    if (events.length > 0) yield events.map((event) => event.globalPosition);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return pullSubscription(
      {
        readBatch: async (after, maxCount) => sliceAfter(this.log, after, maxCount),
        waitForAppend: (after, signal) =>
          this.log.length - 1 > (after ?? -1) ? Promise.resolve() : this.appended.wait(signal),
      },
      options,
    );
  }

  async streamRevision(streamName: string): Promise<number> {
    return (this.streams.get(streamName)?.length ?? 0) - 1;
  }

  private positionsOf(streamName: string): number[] {
    return this.streams.get(streamName) ?? [];
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

function freeze<T extends object>(value: T): T {
  return Object.freeze(value);
}
