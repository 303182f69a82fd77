import { getMaxListeners } from 'node:events';
import { committable, consumerStopSignal, MAX_RUN, runOfDistinctKeys } from './key-runs';

const messages = (...keys: Array<string | undefined>) => keys.map((key, offset) => ({ key, offset }));
const offsets = (run: ReadonlyArray<{ offset: number }>) => run.map((message) => message.offset);

describe('runs of messages handled at once', () => {
  it('end before a key comes back, so one key stays one at a time and in order', () => {
    expect(offsets(runOfDistinctKeys(messages('gallium', 'germanium', 'tungsten', 'gallium', 'graphite')))).toEqual([0, 1, 2]);
  });

  it('hold a message without a key alone', () => {
    expect(offsets(runOfDistinctKeys(messages(undefined, 'gallium')))).toEqual([0]);
    expect(offsets(runOfDistinctKeys(messages('gallium', undefined, 'germanium')))).toEqual([0]);
  });

  it('are at most as long as asked and never empty while messages wait', () => {
    expect(offsets(runOfDistinctKeys(messages('a', 'b', 'c', 'd'), 2))).toEqual([0, 1]);
    expect(offsets(runOfDistinctKeys(messages('a', 'a')))).toEqual([0]);
    expect(runOfDistinctKeys([])).toEqual([]);
  });

  it('commit only up to the first message abandoned by a stopping consumer', () => {
    expect(committable(['handled', 'dead-lettered', 'handled'])).toBe(3);
    expect(committable(['handled', 'abandoned', 'handled'])).toBe(1);
    expect(committable(['abandoned'])).toBe(0);
  });

  it('share a stop signal that holds every listener of full runs in each partition at once without a leak warning', () => {
    const signal = consumerStopSignal(3).signal;
    expect(getMaxListeners(signal)).toBeGreaterThanOrEqual(2 * MAX_RUN * 3);
    expect(getMaxListeners(consumerStopSignal(0).signal)).toBeGreaterThanOrEqual(2 * MAX_RUN);
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const listeners = Array.from({ length: 2 * MAX_RUN * 3 }, () => () => undefined);
    try {
      for (const listener of listeners) signal.addEventListener('abort', listener);
    } finally {
      for (const listener of listeners) signal.removeEventListener('abort', listener);
    }
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        process.off('warning', onWarning);
        expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
        resolve();
      }),
    );
  });
});
