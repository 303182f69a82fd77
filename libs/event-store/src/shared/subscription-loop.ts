import { RecordedEvent, SubscribeToAllOptions, Subscription } from '@imera/event-sourcing';

export interface PullSource {
  /** Events strictly after `after` (all of the log when undefined), at most `maxCount`. */
  readBatch(after: number | undefined, maxCount: number): Promise<readonly RecordedEvent[]>;
  /** Resolves when the log may hold something after `after`, or when `signal` aborts. */
  waitForAppend(after: number | undefined, signal: AbortSignal): Promise<void>;
}

const BATCH_SIZE = 512;

/**
 * One loop serves catch-up and live delivery alike: read what is there after the checkpoint, hand it to
 * the handler in order, and when nothing is left wait for the next append. There is no hand-over from a
 * catch-up phase to a live phase, so nothing can be missed or delivered twice between the two.
 */
export function pullSubscription(source: PullSource, options: SubscribeToAllOptions): Subscription {
  const abort = new AbortController();
  let caughtUpReported = false;

  const run = async (): Promise<void> => {
    let checkpoint = options.after;
    while (!abort.signal.aborted) {
      const batch = await source.readBatch(checkpoint, BATCH_SIZE);
      for (const event of batch) {
        if (abort.signal.aborted) return;
        await options.onEvent(event);
        checkpoint = event.globalPosition;
      }
      if (batch.length < BATCH_SIZE) {
        if (!caughtUpReported) {
          caughtUpReported = true;
          options.onCaughtUp?.(checkpoint);
        }
        await source.waitForAppend(checkpoint, abort.signal);
      }
    }
  };

  const done = run().catch((error: unknown) => {
    if (!abort.signal.aborted) options.onError?.(error);
  });

  return {
    done,
    async stop() {
      abort.abort();
      await done;
    },
  };
}

/** Wakes every waiter when the log grows. */
export class AppendSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  wait(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
