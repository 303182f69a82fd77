import { AllStreamResolvedEvent, ErrorType, Position } from '@eventstore/db-client';
import { SubscribeToAllOptions, Subscription } from '@imera/event-sourcing';
import { decodeEvent, isSystemEvent } from './event-envelope';
import { comparePositions, positionOf } from './log-position';
import { AllFeed, FeedConnection } from './feed-connection';

/** Opens a server subscription to `$all` from `after` (the beginning when undefined). */
export type OpenAllFeed = (after: Position | undefined) => AllFeed;

export interface ResubscribePolicy {
  /** Wait before the first attempt after a drop; doubled on each failed attempt. */
  readonly initialDelayMs: number;
  /** The wait never grows beyond this. */
  readonly maxDelayMs: number;
}

/** Defaults, not law: quick first retry, then at most one attempt every 10 s while the server is away. */
export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = { initialDelayMs: 100, maxDelayMs: 10_000 };

export interface SubscriptionDrop {
  readonly error: unknown;
  /** 1 for the first attempt after a subscription that had worked. */
  readonly attempt: number;
  readonly delayMs: number;
  /** The checkpoint the next subscription resumes strictly after (undefined: the beginning). */
  readonly resumeAfter: number | undefined;
}

export interface ResubscribingOptions {
  readonly policy: ResubscribePolicy;
  /** Told about every drop before the back-off wait: for logs and tests. */
  readonly onDropped?: (drop: SubscriptionDrop) => void;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Capped exponential back-off: initial, 2x, 4x ... up to the cap. `attempt` starts at 1. */
export function resubscribeDelay(attempt: number, policy: ResubscribePolicy): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** Errors that another attempt cannot cure: wrong credentials or a request the server does not accept. */
export function isPermanentSubscriptionError(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return type === ErrorType.ACCESS_DENIED || type === ErrorType.INVALID_ARGUMENT || type === ErrorType.UNSUPPORTED;
}

/**
 * Catch-up then live delivery over the server's own subscription, handler awaited in order. When the
 * subscription drops (server restart, network failure), a new one starts strictly after the last event
 * handled, so nothing is delivered twice or skipped. A failing handler or a permanent error ends it.
 */
export function subscribeToAllResubscribing(
  open: OpenAllFeed,
  options: SubscribeToAllOptions,
  settings: ResubscribingOptions,
): Subscription {
  const runner = new AllSubscriptionRunner(open, options, settings);
  return { done: runner.done, stop: () => runner.stop() };
}

class AllSubscriptionRunner {
  private readonly abort = new AbortController();
  /** Log position of the last event handled or skipped: the next subscription resumes strictly after it. */
  private checkpoint: Position | undefined;
  private lastDelivered: number | undefined;
  private caughtUpReported = false;
  readonly done: Promise<void>;

  constructor(
    private readonly open: OpenAllFeed,
    private readonly options: SubscribeToAllOptions,
    private readonly settings: ResubscribingOptions,
  ) {
    const after = options.after;
    this.checkpoint = after === undefined || after < 0 ? undefined : positionOf(after);
    this.lastDelivered = after;
    this.done = this.run().catch((error: unknown) => {
      if (!this.abort.signal.aborted) options.onError?.(error);
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.abort.signal.aborted) {
      const connection = new FeedConnection(this.open(this.checkpoint), this.abort.signal);
      let drop: unknown;
      try {
        drop = await this.consume(connection);
      } finally {
        connection.close();
      }
      if (this.abort.signal.aborted) return;
      if (isPermanentSubscriptionError(drop)) throw drop;
      attempt = connection.progressed ? 1 : attempt + 1;
      const delayMs = resubscribeDelay(attempt, this.settings.policy);
      const resumeAfter = this.checkpoint === undefined ? undefined : Number(this.checkpoint.commit);
      this.settings.onDropped?.({ error: drop, attempt, delayMs, resumeAfter });
      await (this.settings.sleep ?? abortableSleep)(delayMs, this.abort.signal);
    }
  }

  /** Handles items until the subscription drops (returns the cause) or is stopped (returns undefined). */
  private async consume(connection: FeedConnection): Promise<unknown> {
    for (;;) {
      const item = await connection.next();
      if (!item) return undefined;
      if (item.kind === 'dropped') return item.error;
      if (item.kind === 'caught-up') this.reportCaughtUp();
      else await this.handle(item.event);
    }
  }

  private async handle(resolved: AllStreamResolvedEvent): Promise<void> {
    const record = resolved.event;
    if (!record) return;
    const position = record.position;
    // The server may repeat the event at the start position; "after" means strictly after.
    if (this.checkpoint !== undefined && comparePositions(position, this.checkpoint) <= 0) return;
    if (!isSystemEvent(record)) {
      const event = decodeEvent(record);
      await this.options.onEvent(event);
      this.lastDelivered = event.globalPosition;
    }
    this.checkpoint = position;
  }

  private reportCaughtUp(): void {
    if (this.caughtUpReported) return;
    this.caughtUpReported = true;
    this.options.onCaughtUp?.(this.lastDelivered);
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });
}
