import { comparePositions, positionOf, toGlobalPosition } from './log-position';

describe('global positions from log positions', () => {
  it('uses the commit position of a self-committed event', () => {
    expect(toGlobalPosition({ commit: 4711n, prepare: 4711n }, 'e')).toBe(4711);
  });

  it('refuses an event of an explicit transaction, whose positions differ', () => {
    expect(() => toGlobalPosition({ commit: 900n, prepare: 640n }, 'e-1')).toThrow(/explicit transactions/);
  });

  it('refuses a missing or unknown position instead of guessing', () => {
    expect(() => toGlobalPosition(undefined, 'e-1')).toThrow(/without a position/);
    const unknown = 2n ** 64n - 1n;
    expect(() => toGlobalPosition({ commit: unknown, prepare: unknown }, 'e-1')).toThrow(RangeError);
  });

  it('turns a checkpoint back into the log position it came from', () => {
    expect(positionOf(4711)).toEqual({ commit: 4711n, prepare: 4711n });
    expect(toGlobalPosition(positionOf(4711), 'e')).toBe(4711);
  });

  it('orders positions by commit, then prepare', () => {
    expect(comparePositions(positionOf(5), positionOf(7))).toBe(-1);
    expect(comparePositions(positionOf(7), positionOf(5))).toBe(1);
    expect(comparePositions(positionOf(7), positionOf(7))).toBe(0);
    expect(comparePositions({ commit: 9n, prepare: 3n }, { commit: 9n, prepare: 4n })).toBe(-1);
  });
});
