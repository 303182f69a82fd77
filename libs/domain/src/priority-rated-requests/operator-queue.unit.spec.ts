import fc from 'fast-check';
import { assessConflicts, compareQueued, lateRequests, QueuedRequest } from './operator-queue';

const request = (
  prrId: string,
  quantity: number,
  deliveryDate: string,
  receivedAt = '2026-05-01T00:00:00Z',
): QueuedRequest => ({
  prrId,
  quantity,
  deliveryDate,
  receivedAt,
});

// 10 units/day from 1 June 2026: 100 by 11 June, 200 by 21 June, 300 by 1 July.
const asOf = '2026-06-01';

describe('operator queue', () => {
  it('orders by delivery date, then receipt', () => {
    const queue = [
      request('c', 1, '2026-07-01', '2026-05-01T00:00:00Z'),
      request('b', 1, '2026-06-11', '2026-05-03T00:00:00Z'),
      request('a', 1, '2026-06-11', '2026-05-02T00:00:00Z'),
    ].sort(compareQueued);
    expect(queue.map((r) => r.prrId)).toEqual(['a', 'b', 'c']);
  });

  it('finds no conflict when capacity covers everything in queue order', () => {
    const accepted = [request('a', 100, '2026-06-11'), request('b', 100, '2026-07-01')];
    expect(assessConflicts(request('new', 100, '2026-06-21', '2026-06-01T00:00:00Z'), accepted, 10, asOf)).toEqual({
      check: 'no-conflict',
      conflictsWithAcceptedRequests: [],
    });
  });

  it('flags accepted requests queued after the new one that it would make late', () => {
    const accepted = [request('a', 100, '2026-06-11'), request('b', 150, '2026-07-01')];
    expect(assessConflicts(request('new', 100, '2026-06-21', '2026-06-01T00:00:00Z'), accepted, 10, asOf)).toEqual({
      check: 'conflicts',
      conflictsWithAcceptedRequests: ['b'],
    });
  });

  it('flags the accepted requests ahead of a new one that would itself be late', () => {
    const accepted = [request('a', 180, '2026-06-21')];
    expect(assessConflicts(request('new', 50, '2026-06-21', '2026-06-01T00:00:00Z'), accepted, 10, asOf)).toEqual({
      check: 'conflicts',
      conflictsWithAcceptedRequests: ['a'],
    });
  });

  it('does not blame the new request for accepted requests that were late anyway', () => {
    const accepted = [request('a', 500, '2026-06-11')];
    expect(
      assessConflicts(request('new', 10, '2026-07-31', '2026-06-01T00:00:00Z'), accepted, 10, asOf)
        .conflictsWithAcceptedRequests,
    ).toEqual([]);
  });

  it('says when the request exceeds stated capacity on its own', () => {
    expect(assessConflicts(request('new', 101, '2026-06-11'), [], 10, asOf)).toEqual({
      check: 'exceeds-stated-capacity',
      conflictsWithAcceptedRequests: [],
    });
  });

  it('cannot judge without stated capacity', () => {
    expect(
      assessConflicts(request('new', 1, '2026-06-11'), [request('a', 1, '2026-06-11')], undefined, asOf).check,
    ).toBe('capacity-not-stated');
  });

  describe('properties', () => {
    const queued = fc.record({
      prrId: fc.string({ minLength: 1, maxLength: 4 }),
      quantity: fc.integer({ min: 1, max: 400 }),
      deliveryDate: fc
        .integer({ min: 1, max: 90 })
        .map((d) => new Date(Date.UTC(2026, 5, 1 + d)).toISOString().slice(0, 10)),
      receivedAt: fc.integer({ min: 0, max: 30 }).map((d) => new Date(Date.UTC(2026, 4, 1 + d)).toISOString()),
    });
    const book = fc.uniqueArray(queued, { selector: (r) => r.prrId, maxLength: 8 });

    it('does not depend on the order in which accepted requests are listed', () => {
      fc.assert(
        fc.property(book, queued, fc.integer({ min: 1, max: 20 }), (accepted, candidate, capacity) => {
          const others = accepted.filter((r) => r.prrId !== candidate.prrId);
          const forwards = assessConflicts(candidate, others, capacity, asOf);
          const backwards = assessConflicts(candidate, [...others].reverse(), capacity, asOf);
          expect(backwards).toEqual(forwards);
        }),
      );
    });

    it('reports no conflict only if every accepted request on time stays on time and the new one is on time', () => {
      fc.assert(
        fc.property(book, queued, fc.integer({ min: 1, max: 20 }), (accepted, candidate, capacity) => {
          const others = accepted.filter((r) => r.prrId !== candidate.prrId);
          const result = assessConflicts(candidate, others, capacity, asOf);
          const lateBefore = lateRequests(others, capacity, asOf);
          const lateAfter = lateRequests([...others, candidate], capacity, asOf);
          const harmless =
            !lateAfter.has(candidate.prrId) && others.every((r) => lateBefore.has(r.prrId) || !lateAfter.has(r.prrId));
          expect(result.check === 'no-conflict').toBe(harmless);
          for (const id of result.conflictsWithAcceptedRequests) expect(others.some((r) => r.prrId === id)).toBe(true);
        }),
      );
    });
  });
});
