import { EventStore, RecordedEvent, Subscription } from '@imera/event-sourcing';
import { Readiness } from '../health/readiness';

export interface Projection {
  /** Stable name, used for readiness and logs. */
  readonly name: string;
  /** Applies one event in global order; ignores events it does not care about. */
  apply(event: RecordedEvent): void | Promise<void>;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readiness?: Readiness;
  readonly onError?: (projection: string, error: unknown) => void;
  /** Upper bound of the back-off between resubscriptions after an error. */
  readonly maxBackoffMs?: number;
}

/**
 * Keeps a projection following the event store: catches up, reports ready, follows live events, and after
 * an error resubscribes from the last applied position with capped exponential back-off.
 */
export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private checkpoint: number | undefined;
  private stopped = false;
  private failures = 0;
  private readonly listeners = new Set<(event: RecordedEvent) => void>();
  private markCaughtUp: () => void = () => undefined;
  /** Resolves the first time the projection has applied everything stored when it started. */
  readonly caughtUp = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(private readonly projection: Projection, private readonly options: ProjectionRunnerOptions) {
    options.readiness?.register(`projection:${projection.name}`);
  }

  start(): void {
    this.subscribe();
  }

  /** Position of the last event applied: what a caller can wait for. */
  get position(): number | undefined {
    return this.checkpoint;
  }

  /** Called after each event is applied, for live pushes (server-sent events). */
  onApplied(listener: (event: RecordedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
  }

  private subscribe(): void {
    if (this.stopped) return;
    this.subscription = this.options.store.subscribeToAll({
      after: this.checkpoint,
      onEvent: async (event) => {
        await this.projection.apply(event);
        this.checkpoint = event.globalPosition;
        this.failures = 0;
        for (const listener of this.listeners) listener(event);
      },
      onCaughtUp: () => {
        this.options.readiness?.markReady(`projection:${this.projection.name}`);
        this.markCaughtUp();
      },
      onError: (error) => this.retry(error),
    });
  }

  private retry(error: unknown): void {
    this.options.onError?.(this.projection.name, error);
    const delay = Math.min(this.options.maxBackoffMs ?? 5_000, 50 * 2 ** this.failures++);
    setTimeout(() => this.subscribe(), delay).unref();
  }
}
