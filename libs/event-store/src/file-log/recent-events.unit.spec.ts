import { encodeRecord, FILE_MAGIC } from './record-codec';
import { RecentEvents } from './recent-events';

const START = FILE_MAGIC.length;

/** Records laid out as the log lays them: each at the offset where the previous one ends. */
function records(count: number, from = START, text = 'x') {
  let position = from;
  return Array.from({ length: count }, (_, index) => {
    const record = encodeRecord({
      streamName: `scope-${index}`,
      streamRevision: 0,
      endOfAppend: true,
      payload: { id: `id-${index}`, type: 'SomethingHappened', schemaVersion: 1, data: { index, text }, metadata: {}, recordedAt: '2026-01-01T00:00:00.000Z' },
    });
    const entry = { position, record };
    position += record.length;
    return entry;
  });
}

function filled(count: number, limits = { events: 100, bytes: 1024 * 1024 }) {
  const recent = new RecentEvents(limits);
  const added = records(count);
  for (const { position, record } of added) recent.add(position, record);
  return { recent, added };
}

describe('the recent events a file log keeps for its live readers', () => {
  it('gives the events after a position, decoded as a read of the file would, at most the count asked', () => {
    const { recent, added } = filled(5);
    const events = recent.after(added[1].position, START, 2)!;
    expect(events.map((event) => [event.id, event.globalPosition, event.streamName, event.data])).toEqual([
      ['id-2', added[2].position, 'scope-2', { index: 2, text: 'x' }],
      ['id-3', added[3].position, 'scope-3', { index: 3, text: 'x' }],
    ]);
  });

  it('gives nothing new after the last event, and the whole tail from the start of the log while it starts there', () => {
    const { recent, added } = filled(3);
    expect(recent.after(added[2].position, START, 10)).toEqual([]);
    expect(recent.after(undefined, START, 10)!.map((event) => event.id)).toEqual(['id-0', 'id-1', 'id-2']);
  });

  it('sends a reader to the file when the tail does not reach back to its position', () => {
    const { recent, added } = filled(10, { events: 4, bytes: 1024 * 1024 });
    expect(recent.after(undefined, START, 10)).toBeUndefined();
    expect(recent.after(added[5].position, START, 10)).toBeUndefined();
    expect(recent.after(added[6].position, START, 10)!.map((event) => event.id)).toEqual(['id-7', 'id-8', 'id-9']);
    expect(recent.after(added[6].position + 1, START, 10)).toBeUndefined();
  });

  it('keeps within its byte limit, always the newest record', () => {
    const big = records(3, START, 'y'.repeat(2_000));
    const recent = new RecentEvents({ events: 100, bytes: 4_500 });
    for (const { position, record } of big) recent.add(position, record);
    expect(recent.after(big[0].position, START, 10)).toBeUndefined();
    expect(recent.after(big[1].position, START, 10)!.map((event) => event.id)).toEqual(['id-2']);
    const huge = new RecentEvents({ events: 100, bytes: 10 });
    huge.add(big[0].position, big[0].record);
    expect(huge.after(undefined, START, 10)!.map((event) => event.id)).toEqual(['id-0']);
  });

  it('decodes each record once and shares the frozen event between readers', () => {
    const { recent, added } = filled(2);
    const first = recent.after(added[0].position, START, 1)![0];
    expect(recent.after(added[0].position, START, 1)![0]).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('stays correct across many evictions', () => {
    const { recent, added } = filled(5_000, { events: 3, bytes: 1024 * 1024 });
    expect(recent.after(added[4_996].position, START, 10)).toBeUndefined();
    expect(recent.after(added[4_997].position, START, 10)!.map((event) => event.id)).toEqual(['id-4998', 'id-4999']);
  });

  it('gives the event at a position it holds, the one a reader after the previous position gets, and nothing for others', () => {
    const { recent, added } = filled(6, { events: 3, bytes: 1024 * 1024 });
    expect(recent.at(added[4].position)).toBe(recent.after(added[3].position, START, 1)![0]);
    expect(recent.at(added[4].position)!.id).toBe('id-4');
    expect(recent.at(added[2].position)).toBeUndefined();
    expect(recent.at(added[4].position + 1)).toBeUndefined();
  });
});
