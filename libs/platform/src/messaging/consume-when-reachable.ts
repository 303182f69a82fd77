import { BackoffPolicy, ConsumerHandle, ConsumerOptions, MessageBus, retryUntilDone } from '@imera/messaging';

export interface ConsumeWhenReachableHooks {
  /** Waits between attempts while the bus cannot consume (default 100 ms doubling to 30 s). */
  readonly backoff?: BackoffPolicy;
  /** An attempt failed; the next one follows in `retryInMs`. */
  readonly onWaiting?: (reason: string, attempt: number, retryInMs: number) => void;
  readonly onStarted?: () => void;
}

/**
 * Starts a consumer in the background and keeps trying, with back-off, while the bus cannot consume (a
 * broker that is not reachable yet), so a service starts without its broker and catches up once it answers.
 * `stop()` ends the attempts, or the consumer once it runs.
 */
export function consumeWhenReachable(bus: MessageBus, options: ConsumerOptions, hooks: ConsumeWhenReachableHooks = {}): ConsumerHandle {
  const stopping = new AbortController();
  const started = (async (): Promise<ConsumerHandle | undefined> => {
    const consumer = await retryUntilDone(() => bus.consume(options), {
      signal: stopping.signal,
      policy: hooks.backoff,
      onFailure: (error, attempt, retryInMs) => hooks.onWaiting?.(error instanceof Error ? error.message : String(error), attempt, retryInMs),
    });
    if (!consumer) return undefined;
    if (stopping.signal.aborted) return void (await consumer.stop());
    hooks.onStarted?.();
    return consumer;
  })();
  return {
    stop: async () => {
      stopping.abort();
      await (await started)?.stop();
    },
  };
}
