/** Capped exponential back-off for transient failures: initial, initial x factor, ... up to max. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

/** Defaults, not law: first retry after 100 ms, then doubling up to 30 s between attempts. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 30_000, factor: 2 };

/** Delay before retry number `attempt` (1 = the first retry). */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** exponent);
}

/** Resolves after `ms`, or early (without error) when the signal aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Calls `attempt` until it resolves, pausing with back-off after each failure (told to `onFailure`), and
 * gives its result; undefined once the signal aborts, which also cuts a pause short.
 */
export async function retryUntilDone<T>(
  attempt: () => Promise<T>,
  options: { readonly signal: AbortSignal; readonly policy?: BackoffPolicy; readonly onFailure?: (error: unknown, attempt: number, retryInMs: number) => void },
): Promise<T | undefined> {
  for (let count = 1; !options.signal.aborted; count++) {
    try {
      return await attempt();
    } catch (error) {
      if (options.signal.aborted) return undefined;
      const retryInMs = backoffDelay(options.policy ?? DEFAULT_BACKOFF, count);
      options.onFailure?.(error, count, retryInMs);
      await pause(retryInMs, options.signal);
    }
  }
  return undefined;
}

/** Waits for `work` at most `ms`; says whether it settled in time. Never rejects. */
export async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
