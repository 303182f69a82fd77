import { EventStore, RecordedEvent, Subscription } from '@imera/event-sourcing';
import { Readiness } from '../health/readiness';
import { CheckpointedProjection, isCheckpointed, Projection } from './checkpointed-projection';
import { ProjectionSnapshotStore, SnapshotLastEvent, StoredProjectionSnapshot } from './projection-snapshot-store.port';

export * from './checkpointed-projection';
export * from './projection-snapshot-store.port';
export * from './file-projection-snapshot-store.adapter';
export * from './keyed-records';
export * from './json-in-slices';
export * from './projection-snapshots';

/** When a checkpointed projection's state is saved. */
export interface SnapshotSettings {
  readonly store: ProjectionSnapshotStore;
  /** Save after this many applied events once caught up (a catch-up saves on time). Default, not law: 5,000. */
  readonly everyEvents?: number;
  /** Save when this long has passed since the last save and something changed. Default, not law: 10 s. */
  readonly everyMs?: number;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readiness?: Readiness;
  readonly onError?: (projection: string, error: unknown) => void;
  /** Things an operator may want to know: a resume from a snapshot, a snapshot discarded and why. */
  readonly onNotice?: (projection: string, message: string) => void;
  /** Upper bound of the back-off between resubscriptions after an error. */
  readonly maxBackoffMs?: number;
  /** Stored checkpoints, for projections that support them; without it the runner replays from zero. */
  readonly snapshots?: SnapshotSettings;
}

/** Failures in a row after which readiness shows the projection failing (a blip retries unseen). */
export const FAILURES_SHOWN_AFTER = 3;
const DEFAULT_SNAPSHOT_EVERY_EVENTS = 5_000;
const DEFAULT_SNAPSHOT_EVERY_MS = 10_000;

/**
 * Keeps a projection following the event store: resumes after its stored snapshot (if any), catches up,
 * reports ready, follows live events, saves its state now and then and on stop, and after an error
 * resubscribes from the last applied position with capped exponential back-off.
 */
export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private checkpoint: number | undefined;
  private lastEvent: SnapshotLastEvent | undefined;
  private stopped = false;
  private failures = 0;
  private unsaved = 0;
  /** Caught up at least once: following new events rather than folding the stored log. */
  private live = false;
  private lastSavedAt = Date.now();
  private saving: Promise<void> | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private starting: Promise<void> = Promise.resolve();
  private restoredFrom: number | undefined;
  private readonly listeners = new Set<(event: RecordedEvent) => void>();
  private markCaughtUp: () => void = () => undefined;
  /** Resolves the first time the projection has applied everything stored when it started. */
  readonly caughtUp = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(private readonly projection: Projection, private readonly options: ProjectionRunnerOptions) {
    options.readiness?.register(this.component);
  }

  start(): void {
    this.starting = this.restore().then(() => {
      this.subscribe();
      this.armSaveTimer();
    });
  }

  /** Position of the last event applied: what a caller can wait for. */
  get position(): number | undefined {
    return this.checkpoint;
  }

  /** The position of the snapshot the runner resumed after, if it did. */
  get resumedFrom(): number | undefined {
    return this.restoredFrom;
  }

  /** Called after each event is applied, for live pushes (server-sent events). */
  onApplied(listener: (event: RecordedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves the state now (if anything changed since the last save) and resolves once it is durable. */
  async saveSnapshot(): Promise<void> {
    await this.saving;
    this.save();
    await this.saving;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.saveTimer) clearInterval(this.saveTimer);
    await this.starting;
    await this.subscription?.stop();
    await this.saveSnapshot();
  }

  private get component(): string {
    return `projection:${this.projection.name}`;
  }

  private get snapshotted(): { settings: SnapshotSettings; projection: CheckpointedProjection } | undefined {
    const settings = this.options.snapshots;
    return settings && isCheckpointed(this.projection) ? { settings, projection: this.projection } : undefined;
  }

  private subscribe(): void {
    if (this.stopped) return;
    this.subscription = this.options.store.subscribeToAll({
      after: this.checkpoint,
      onEvent: async (event) => {
        await this.projection.apply(event);
        this.checkpoint = event.globalPosition;
        this.lastEvent = { id: event.id, streamName: event.streamName, streamRevision: event.streamRevision };
        this.failures = 0;
        this.unsaved++;
        for (const listener of this.listeners) listener(event);
        // While catching up, saves follow the timer only: a save every N events of a rebuild would write the
        // whole state (which grows with the log) N events apart, a cost that grows with the square of the log.
        if (this.live && this.unsaved >= (this.options.snapshots?.everyEvents ?? DEFAULT_SNAPSHOT_EVERY_EVENTS)) this.save();
      },
      onCaughtUp: () => {
        this.live = true;
        this.save();
        const resumed = this.restoredFrom === undefined ? 'replayed from the start' : `resumed after snapshot at ${this.restoredFrom}`;
        this.options.readiness?.markReady(this.component, `${resumed}, at ${this.checkpoint ?? 'the empty log'}`);
        this.markCaughtUp();
      },
      onError: (error) => this.retry(error),
    });
  }

  /**
   * Resubscribes after the last applied event with capped exponential back-off. After a few failures in a
   * row readiness shows the projection failing (so `/health` answers 503 and says where and why): its read
   * model no longer follows the log, and the answers that wait for it take their settle time. It is ready
   * again once a new subscription has caught up.
   */
  private retry(error: unknown): void {
    this.options.onError?.(this.projection.name, error);
    const delay = Math.min(this.options.maxBackoffMs ?? 5_000, 50 * 2 ** this.failures++);
    if (this.failures >= FAILURES_SHOWN_AFTER) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.readiness?.markNotReady(this.component, `failing after ${this.checkpoint ?? 'the start of the log'} (${this.failures} attempts, next in ${delay} ms): ${message}`);
    }
    setTimeout(() => this.subscribe(), delay).unref();
  }

  /** Loads the stored snapshot when it is of this version and its last event is still where it was seen. */
  private async restore(): Promise<void> {
    const target = this.snapshotted;
    if (!target) return;
    try {
      const stored = await target.settings.store.load(this.projection.name);
      if (!stored) return;
      const problem = stored.version !== target.projection.version
        ? `it is of version ${stored.version}, the projection is at ${target.projection.version}`
        : (await this.stillInLog(stored)) ? undefined : 'the event log no longer holds its last event at its position';
      if (problem) {
        this.options.onNotice?.(this.projection.name, `Snapshot discarded (${problem}): rebuilding from the start of the log`);
        return;
      }
      target.projection.restore(stored.state);
      this.checkpoint = stored.position;
      this.lastEvent = stored.lastEvent;
      this.restoredFrom = stored.position;
      this.options.onNotice?.(this.projection.name, `Resuming after the snapshot at position ${stored.position}`);
    } catch (error) {
      this.options.onError?.(this.projection.name, error);
    }
  }

  private async stillInLog(stored: StoredProjectionSnapshot): Promise<boolean> {
    const { streamName, streamRevision, id } = stored.lastEvent;
    for await (const event of this.options.store.readStream(streamName, { fromRevision: streamRevision, maxCount: 1 })) {
      return event.id === id && event.globalPosition === stored.position;
    }
    return false;
  }

  /** Starts a save unless one is running or nothing changed; the state is taken now and written over the next turns. */
  private save(): void {
    const target = this.snapshotted;
    if (!target || this.saving || this.unsaved === 0 || this.checkpoint === undefined || !this.lastEvent) return;
    const snapshot: StoredProjectionSnapshot = {
      projection: this.projection.name,
      version: target.projection.version,
      position: this.checkpoint,
      lastEvent: this.lastEvent,
      savedAt: new Date().toISOString(),
      state: target.projection.snapshot(),
    };
    const count = this.unsaved;
    this.unsaved = 0;
    this.saving = target.settings.store
      .save(snapshot)
      .then(() => void (this.lastSavedAt = Date.now()))
      .catch((error: unknown) => {
        this.unsaved += count;
        this.options.onError?.(this.projection.name, error);
      })
      .finally(() => (this.saving = undefined));
  }

  private armSaveTimer(): void {
    const target = this.snapshotted;
    if (!target || this.stopped) return;
    const everyMs = target.settings.everyMs ?? DEFAULT_SNAPSHOT_EVERY_MS;
    this.saveTimer = setInterval(() => {
      if (Date.now() - this.lastSavedAt >= everyMs) this.save();
    }, everyMs);
    this.saveTimer.unref();
  }
}
