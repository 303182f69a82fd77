import { committable, runOfDistinctKeys } from './key-runs';

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
});
