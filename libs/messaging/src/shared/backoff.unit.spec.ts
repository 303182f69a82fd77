import { backoffDelay, pause, settledWithin } from './backoff';

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
});
