import { mkdirSync } from 'node:fs';
import { FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AppendResult,
  Clock,
  EventStore,
  EventStoreUnavailableError,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  systemClock,
} from '@imera/event-sourcing';
import { resolveWithStoredIds, revisionToWriteAt } from '../shared/append-resolution';
import { AppendSignal, pullSubscription } from '../shared/subscription-loop';
import { DataDirLock } from './data-dir-lock';
import { frameChunks, scanFrames, ScanStop } from './frame-scanner';
import { decodeEvent, decodeEventId, encodeRecord, FILE_MAGIC, readFrame, RecordFrame } from './record-codec';
import { RecentEvents, RecentEventsLimits } from './recent-events';
import { recoverLog, RecoveryReport } from './recovery';
import { StreamIndex } from './stream-index';
import { fsyncDirectory, writeFully } from './fs-helpers';
import { BATCHES_IN_FLIGHT, MAX_BATCH_BYTES } from './group-commit';

export interface FileLogOptions {
  /** Directory that holds the log; created when missing. */
  readonly dir: string;
  readonly clock?: Clock;
  /** How much of the latest commits live subscribers read from memory (defaults suit a running system). */
  readonly recentEvents?: RecentEventsLimits;
}

/** One append waiting in the group-commit queue. */
interface PendingAppend {
  readonly streamName: string;
  readonly firstRevision: number;
  readonly offsets: readonly number[];
  readonly records: readonly Buffer[];
  readonly bytes: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export { MAX_BATCH_BYTES } from './group-commit';

/**
 * The embedded, durable event store: one append-only file. An append is acknowledged only after its bytes
 * are fsynced; appends that arrive while a sync is running share the next one (group commit), which is
 * written and synced without waiting for the running one (two in flight), and acknowledged after it. On open
 * a torn tail left by a crash is cut back to the last whole append. Streams are indexed in memory.
 */
export class FileLogEventStore implements EventStore {
  private readonly streams: StreamIndex;
  private readonly tentative = new Map<string, number>();
  private readonly queue: PendingAppend[] = [];
  private readonly appended = new AppendSignal();
  private readonly recent: RecentEvents;
  private readonly subscriptions = new Set<Subscription>();
  private idleWaiters: Array<() => void> = [];
  private flushActive = false;
  private batchesInFlight = 0;
  private flushSignal: (() => void) | undefined;
  private failure: Error | undefined;
  private closed = false;
  private reservedEnd: number;

  private constructor(
    private readonly file: FileHandle,
    private readonly lock: DataDirLock,
    private readonly clock: Clock,
    private durableEnd: number,
    private lastPosition: number,
    index: StreamIndex,
    readonly recovery: RecoveryReport,
    recentEvents?: RecentEventsLimits,
  ) {
    this.streams = index;
    this.recent = new RecentEvents(recentEvents);
    this.reservedEnd = durableEnd;
  }

  static async open(options: FileLogOptions): Promise<FileLogEventStore> {
    mkdirSync(options.dir, { recursive: true });
    const lock = DataDirLock.acquire(options.dir);
    try {
      const path = join(options.dir, 'events.log');
      const file = await openOrCreate(path, options.dir);
      const recovered = await recoverLog(file, path).catch(async (error: unknown) => {
        await file.close();
        throw error;
      });
      return new FileLogEventStore(
        file,
        lock,
        options.clock ?? systemClock,
        recovered.end,
        recovered.lastPosition,
        recovered.streams,
        recovered.report,
        options.recentEvents,
      );
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertWritable();
    const current = this.revisionOf(streamName);
    // Decided at once when the expected revision holds: no turn between the check and the reservation.
    const firstRevision = revisionToWriteAt(events, options.expectedRevision, current);
    if (firstRevision !== undefined) return this.reserve(streamName, firstRevision, events);
    const resolution = await resolveWithStoredIds(streamName, events, options.expectedRevision, current, (from, count) =>
      this.storedIds(streamName, from, count),
    );
    this.assertWritable();
    if (resolution.kind === 'already-stored') {
      return { nextExpectedRevision: resolution.lastRevision, lastGlobalPosition: this.streams.positionAt(streamName, resolution.lastRevision)! };
    }
    if (this.revisionOf(streamName) !== current) return this.appendToStream(streamName, events, options);
    return this.reserve(streamName, resolution.firstRevision, events);
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    for (const position of this.streams.positionsOf(streamName, options.fromRevision ?? 0, options.maxCount)) {
      const recent = this.recent.at(position);
      if (recent) {
        yield recent;
        continue;
      }
      const { buffer, frame } = await this.readFrameAt(position);
      yield decodeEvent(buffer, frame);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const batch of this.readAllBatches(options)) yield* batch;
  }

  /**
   * `readAll` a batch at a time: the same events in the same order, with one await per batch instead of one
   * per event. For replays, where per-event async overhead is a measurable share of the work.
   */
  async *readAllBatches(options: ReadAllOptions = {}): AsyncIterable<readonly RecordedEvent[]> {
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    yield* this.chunksAfter(options.after, decodeEvent, limit);
  }

  /** The positions of checksummed frames, without reading their JSON. */
  readAllPositions(options: Pick<ReadAllOptions, 'after'> = {}): AsyncIterable<readonly number[]> {
    return this.chunksAfter(options.after, (_buffer, frame) => frame.position);
  }

  /** What `take` makes of the durable log's frames after a checkpoint, a chunk at a time; a damaged record ends the read with an error. */
  private async *chunksAfter<T>(after: number | undefined, take: (buffer: Buffer, frame: RecordFrame) => T, limit?: number): AsyncIterable<T[]> {
    const end = this.durableEnd;
    const chunks = frameChunks(this.file, await this.startAfter(after), end, take, limit);
    try {
      for (;;) {
        const next = await chunks.next();
        if (next.done) return assertReadable(next.value);
        yield next.value;
      }
    } finally {
      await chunks.return({ offset: end, reason: 'stopped' });
    }
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const subscription = pullSubscription(
      {
        readBatch: async (after, maxCount) => {
          const recent = this.recent.after(after, FILE_MAGIC.length, maxCount);
          if (recent) return recent;
          return this.readEvents(await this.startAfter(after), this.durableEnd, maxCount);
        },
        waitForAppend: (after, signal) =>
          this.lastPosition > (after ?? -1) ? Promise.resolve() : this.appended.wait(signal),
      },
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async streamRevision(streamName: string): Promise<number> {
    return this.streams.lastRevision(streamName);
  }

  /** Bytes of the log that are durable. */
  get sizeBytes(): number {
    return this.durableEnd;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idle();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.file.close();
    this.lock.release();
  }

  private revisionOf(streamName: string): number {
    return this.tentative.get(streamName) ?? this.streams.lastRevision(streamName);
  }

  private reserve(streamName: string, firstRevision: number, events: readonly NewEvent[]): Promise<AppendResult> {
    const recordedAt = this.clock.now().toISOString();
    const records = events.map((event, index) =>
      encodeRecord({
        streamName,
        streamRevision: firstRevision + index,
        endOfAppend: index === events.length - 1,
        payload: { id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata, recordedAt },
      }),
    );
    const bytes = records.reduce((sum, record) => sum + record.length, 0);
    if (bytes > MAX_BATCH_BYTES) throw new Error(`Append of ${bytes} bytes exceeds the ${MAX_BATCH_BYTES} byte limit`);
    const offsets: number[] = [];
    for (const record of records) {
      offsets.push(this.reservedEnd);
      this.reservedEnd += record.length;
    }
    this.tentative.set(streamName, firstRevision + events.length - 1);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamName, firstRevision, offsets, records, bytes, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushActive) return this.signalFlush();
    this.flushActive = true;
    void this.flushLoop();
  }

  /**
   * Writes and syncs everything queued until the queue is empty. Before each batch it lets the current turn
   * finish, so appends made in it (writers woken by the last commit, or many callers of one request) share
   * the sync instead of the first one syncing alone. A batch is written and synced while the batch before it
   * still syncs (at most BATCHES_IN_FLIGHT at once), and committed after it.
   */
  private async flushLoop(): Promise<void> {
    let last: Promise<boolean> | undefined;
    for (;;) {
      await nextTurn();
      if (this.queue.length > 0 && !this.failure && this.batchesInFlight < BATCHES_IN_FLIGHT) {
        last = this.writeAndCommit(this.takeBatch(BATCHES_IN_FLIGHT - this.batchesInFlight), last);
        continue;
      }
      // After a failure the queue is empty (fail() rejected it) and stays so; wait for the batches in flight.
      if ((this.queue.length === 0 || this.failure) && this.batchesInFlight === 0) break;
      await new Promise<void>((resolve) => (this.flushSignal = resolve));
    }
    // No await between the check above and this: an append queued now starts a new loop.
    this.flushActive = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Wakes the flush loop waiting for an append to be queued or a batch to settle. */
  private signalFlush(): void {
    const wake = this.flushSignal;
    this.flushSignal = undefined;
    wake?.();
  }

  /**
   * Writes and syncs one batch, then commits it once the batch before it has settled. True when committed;
   * never rejects. A batch whose predecessor failed fails too, even when its own sync succeeded.
   */
  private async writeAndCommit(batch: readonly PendingAppend[], before: Promise<boolean> | undefined): Promise<boolean> {
    this.batchesInFlight++;
    try {
      return await this.commitAfter(batch, before, await this.writeDurably(batch));
    } finally {
      this.batchesInFlight--;
      this.signalFlush();
    }
  }

  /** Writes and syncs a batch; the error when either failed. */
  private async writeDurably(batch: readonly PendingAppend[]): Promise<unknown> {
    try {
      await writeFully(this.file, Buffer.concat(batch.flatMap((pending) => pending.records)), batch[0].offsets[0]);
      await this.file.datasync();
      return undefined;
    } catch (caught) {
      return caught ?? new Error('The event log write failed');
    }
  }

  private async commitAfter(batch: readonly PendingAppend[], before: Promise<boolean> | undefined, error: unknown): Promise<boolean> {
    const beforeCommitted = before === undefined || (await before);
    if (!beforeCommitted || this.failure) {
      for (const pending of batch) pending.reject(this.failure);
      return false;
    }
    if (error !== undefined) {
      this.fail(error, batch);
      return false;
    }
    this.commit(batch);
    return true;
  }

  /**
   * The queued appends that fit in one write (at least one), taken off the queue at once: their share of
   * the free places in flight (half with nothing else in flight), so that writers woken together by one
   * commit split into batches whose encoding and syncing overlap, instead of all waiting on one sync and
   * then all encoding at once.
   */
  private takeBatch(freeSlots: number): PendingAppend[] {
    const most = Math.ceil(this.queue.length / freeSlots);
    let count = 1;
    let bytes = this.queue[0].bytes;
    while (count < most && bytes + this.queue[count].bytes <= MAX_BATCH_BYTES) bytes += this.queue[count++].bytes;
    return this.queue.splice(0, count);
  }

  private commit(batch: readonly PendingAppend[]): void {
    for (const pending of batch) {
      for (const offset of pending.offsets) this.streams.add(pending.streamName, offset);
      pending.records.forEach((record, index) => this.recent.add(pending.offsets[index], record));
      if (this.tentative.get(pending.streamName) === this.streams.lastRevision(pending.streamName)) this.tentative.delete(pending.streamName);
    }
    const last = batch[batch.length - 1];
    this.lastPosition = last.offsets[last.offsets.length - 1];
    this.durableEnd = this.lastPosition + last.records[last.records.length - 1].length;
    for (const pending of batch) {
      pending.resolve({
        nextExpectedRevision: pending.firstRevision + pending.offsets.length - 1,
        lastGlobalPosition: pending.offsets[pending.offsets.length - 1],
      });
    }
    this.appended.notify();
  }

  /** After a failed write or sync nothing written since the last good sync can be trusted: stop writing. */
  private fail(error: unknown, batch: readonly PendingAppend[]): void {
    this.failure = new EventStoreUnavailableError(
      'The event log could not be written durably; restart the service to recover from the last synced state',
      error,
    );
    for (const pending of [...batch, ...this.queue.splice(0)]) pending.reject(this.failure);
  }

  private assertWritable(): void {
    if (this.failure) throw this.failure;
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }

  private idle(): Promise<void> {
    if (!this.flushActive) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async storedIds(streamName: string, from: number, count: number): Promise<string[]> {
    if (from + count - 1 > this.streams.lastRevision(streamName)) await this.idle();
    const offsets = this.streams.positionsOf(streamName, from, count);
    const ids: string[] = [];
    for (const offset of offsets) {
      const { buffer, frame } = await this.readFrameAt(offset);
      ids.push(decodeEventId(buffer, frame));
    }
    return ids;
  }

  private async readFrameAt(offset: number): Promise<{ buffer: Buffer; frame: RecordFrame }> {
    let size = 4096;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(size, this.durableEnd - offset));
      const { bytesRead } = await this.file.read(buffer, 0, buffer.length, offset);
      const result = readFrame(buffer, 0, bytesRead, offset);
      if (result.kind === 'frame') return { buffer, frame: result.frame };
      if (result.kind === 'corrupt' || result.needed <= bytesRead || bytesRead < buffer.length) {
        throw new EventStoreUnavailableError(`No readable event at position ${offset}`);
      }
      size = result.needed;
    }
  }

  /** The file offset of the first record after the checkpoint `after`. */
  private async startAfter(after: number | undefined): Promise<number> {
    if (after === undefined) return FILE_MAGIC.length;
    if (after >= this.durableEnd) return this.durableEnd;
    const { frame } = await this.readFrameAt(after);
    return after + frame.length;
  }

  private async readEvents(start: number, end: number, maxCount: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (start >= end || maxCount <= 0) return events;
    const stop = await scanFrames(this.file, start, end, (buffer, frame) => {
      events.push(decodeEvent(buffer, frame));
      return events.length < maxCount;
    });
    assertReadable(stop);
    return events;
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function assertReadable(stop: ScanStop): void {
  if (stop.reason === 'corrupt' || stop.reason === 'incomplete') {
    throw new EventStoreUnavailableError(`Unreadable event log at position ${stop.offset}: ${stop.detail ?? stop.reason}`);
  }
}

async function openOrCreate(path: string, dir: string): Promise<FileHandle> {
  try {
    return await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const file = await open(path, 'wx+');
  await writeFully(file, FILE_MAGIC, 0);
  await file.datasync();
  await fsyncDirectory(dir);
  return file;
}
