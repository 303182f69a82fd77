import fc from 'fast-check';
import { StreamIndex } from './stream-index';

describe('stream index', () => {
  it('knows nothing of a stream it never saw', () => {
    const index = new StreamIndex();
    expect(index.lastRevision('scope-a')).toBe(-1);
    expect(index.positionsOf('scope-a')).toEqual([]);
    expect(index.positionAt('scope-a', 0)).toBeUndefined();
  });

  it('tells apart streams whose names differ in length, case or a non-ASCII letter', () => {
    const index = new StreamIndex();
    const names = ['scope-a', 'scope-A', 'scope-aa', 'scope-ä', 'scope-ā', 'scope-Ā', 'notification-ä-1', 'notification-日本-2', ''];
    names.forEach((name, at) => {
      for (let event = 0; event <= at; event++) index.add(name, at * 1_000 + event);
    });
    names.forEach((name, at) => {
      expect(index.lastRevision(name)).toBe(at);
      expect(index.positionsOf(name)).toEqual(Array.from({ length: at + 1 }, (_, event) => at * 1_000 + event));
    });
    expect(index.lastRevision('scope-b')).toBe(-1);
  });

  it('keeps names apart across pages of stored names', () => {
    const index = new StreamIndex();
    const long = (n: number) => `scope-${String(n).padStart(6, '0')}-${'x'.repeat(60_000)}`;
    for (let n = 0; n < 40; n++) index.add(long(n), n);
    for (let n = 0; n < 40; n++) expect(index.positionsOf(long(n))).toEqual([n]);
  });

  it('answers like an array of positions per stream, across growth of its arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 6_000 }), fc.nat(50), fc.nat(50), (streams, from, count) => {
        const index = new StreamIndex();
        const expected = new Map<string, number[]>();
        streams.forEach((stream, at) => {
          const name = `notification-${stream}`;
          const position = 8 + at * 100 + 2 ** 32;
          index.add(name, position);
          expected.set(name, [...(expected.get(name) ?? []), position]);
        });
        expect(index.eventCount).toBe(streams.length);
        expect(index.streamCount).toBe(expected.size);
        for (const [name, positions] of expected) {
          expect(index.lastRevision(name)).toBe(positions.length - 1);
          expect(index.positionsOf(name)).toEqual(positions);
          expect(index.positionsOf(name, from, count)).toEqual(positions.slice(from, from + count));
          expect(index.positionAt(name, positions.length - 1)).toBe(positions[positions.length - 1]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
