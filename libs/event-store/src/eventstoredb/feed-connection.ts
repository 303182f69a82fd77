import { AllStreamResolvedEvent } from '@eventstore/db-client';

type Listener = (...args: unknown[]) => void;

/**
 * One server subscription to `$all` as we use it: the client's `AllStreamSubscription` (an object-mode
 * Readable of events that also emits 'caughtUp' and 'error').
 */
export interface AllFeed {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
  destroy(): unknown;
  /** Events produced by the stream but not yet emitted as 'data'. */
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
}

export type FeedItem =
  | { readonly kind: 'event'; readonly event: AllStreamResolvedEvent }
  | { readonly kind: 'caught-up' }
  | { readonly kind: 'dropped'; readonly error: unknown };

/** Pause the server feed when this many events wait for the handler; resume below the low mark. */
const HIGH_WATER = 512;
const LOW_WATER = 128;

/**
 * Turns one server subscription into an ordered queue of events, a caught-up marker and finally a drop.
 *
 * The client announces "caught up" when it reads the server's signal, which can be before the events ahead
 * of the signal have left the stream's buffer. The marker is therefore placed after exactly the number of
 * events the stream had produced at that moment (handed out + still buffered), so `onCaughtUp` follows the
 * last event stored before the signal.
 */
export class FeedConnection {
  private readonly queue: FeedItem[] = [];
  private received = 0;
  private markerAfter: number | undefined;
  private dropError: { readonly error: unknown } | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  /** Whether the server delivered events or caught up: a later drop then starts the back-off afresh. */
  progressed = false;

  constructor(
    private readonly feed: AllFeed,
    private readonly signal: AbortSignal,
  ) {
    feed.on('data', this.onData);
    feed.on('caughtUp', this.onCaughtUp);
    feed.on('error', this.onError);
    feed.on('end', this.onEnd);
    signal.addEventListener('abort', this.notify);
  }

  /** The next item in order; undefined once the subscription is being stopped. */
  async next(): Promise<FeedItem | undefined> {
    for (;;) {
      if (this.signal.aborted) return undefined;
      const item = this.queue.shift();
      if (item) {
        if (this.queue.length <= LOW_WATER && this.feed.isPaused()) this.feed.resume();
        return item;
      }
      if (this.dropError) return { kind: 'dropped', error: this.dropError.error };
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Cancels the server call; anything still buffered is read again by the next subscription. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.signal.removeEventListener('abort', this.notify);
    this.feed.off('data', this.onData);
    this.feed.off('caughtUp', this.onCaughtUp);
    this.feed.off('end', this.onEnd);
    // The error listener stays: a cancelled stream may still report, and an unheard 'error' would throw.
    this.feed
      .unsubscribe()
      .catch(() => undefined)
      .finally(() => this.feed.destroy());
  }

  private readonly onData = (event: unknown): void => {
    if (this.closed) return;
    this.received += 1;
    this.progressed = true;
    this.queue.push({ kind: 'event', event: event as AllStreamResolvedEvent });
    if (this.markerAfter === this.received) {
      this.markerAfter = undefined;
      this.queue.push({ kind: 'caught-up' });
    }
    if (this.queue.length >= HIGH_WATER) this.feed.pause();
    this.notify();
  };

  private readonly onCaughtUp = (): void => {
    if (this.closed) return;
    this.progressed = true;
    const buffered = this.feed.readableLength;
    if (buffered === 0) {
      this.queue.push({ kind: 'caught-up' });
      this.notify();
    } else {
      this.markerAfter = this.received + buffered;
    }
  };

  private readonly onError = (error: unknown): void => {
    if (this.closed || this.dropError) return;
    this.dropError = { error };
    this.notify();
  };

  private readonly onEnd = (): void => this.onError(new Error('EventStoreDB ended the subscription'));

  private readonly notify = (): void => {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  };
}
