import { backoffDelay, pause, retryUntilDone, settledWithin } from './backoff';

describe('capped exponential back-off', () => {
  const policy = { initialMs: 100, maxMs: 1_000, factor: 2 };

  it('doubles from the initial delay and never exceeds the cap', () => {
    expect([1, 2, 3, 4, 5, 50].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('ends a pause early when the consumer stops', async () => {
    const controller = new AbortController();
    const paused = pause(60_000, controller.signal);
    controller.abort();
    await expect(paused).resolves.toBeUndefined();
  });

  it('says whether work settled in time, without rejecting', async () => {
    await expect(settledWithin(Promise.reject(new Error('x')), 1_000)).resolves.toBe(true);
    await expect(settledWithin(new Promise(() => undefined), 10)).resolves.toBe(false);
  });

  it('retries with back-off until the attempt succeeds, telling each failure and the wait before the next', async () => {
    const failures: Array<[string, number, number]> = [];
    let calls = 0;
    const result = await retryUntilDone(
      async () => {
        calls++;
        if (calls < 3) throw new Error(`refused ${calls}`);
        return 'connected';
      },
      { signal: new AbortController().signal, policy: { initialMs: 1, maxMs: 4, factor: 2 }, onFailure: (error, attempt, wait) => failures.push([(error as Error).message, attempt, wait]) },
    );
    expect(result).toBe('connected');
    expect(failures).toEqual([['refused 1', 1, 1], ['refused 2', 2, 2]]);
  });

  it('gives up without a result when stopped, also in the middle of a pause', async () => {
    const controller = new AbortController();
    const stopped = retryUntilDone(() => Promise.reject(new Error('down')), { signal: controller.signal, policy: { initialMs: 60_000, maxMs: 60_000, factor: 1 } });
    setTimeout(() => controller.abort(), 5);
    await expect(stopped).resolves.toBeUndefined();
  });
});
