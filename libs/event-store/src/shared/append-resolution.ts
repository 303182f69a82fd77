import {
  ANY,
  DuplicateEventIdError,
  EMPTY_STREAM_REVISION,
  ExpectedRevision,
  NewEvent,
  satisfiesExpectedRevision,
  WrongExpectedRevisionError,
} from '@imera/event-sourcing';

/** What an append should do, once the stream's current revision and its stored ids are known. */
export type AppendResolution =
  | { readonly kind: 'write'; readonly firstRevision: number }
  | { readonly kind: 'already-stored'; readonly lastRevision: number };

/** Looks up the ids stored in a stream from `fromRevision` on (at most `count` of them). */
export type StoredIdsReader = (fromRevision: number, count: number) => Promise<readonly string[]>;

/**
 * Decides whether an append writes, is a harmless repeat of events already stored (idempotent re-append),
 * or conflicts. A repeat is recognised when the same ids sit, in the same order, where the writer expected
 * to put them (or anywhere in the stream for `any`).
 */
export async function resolveAppend(
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  currentRevision: number,
  readStoredIds: StoredIdsReader,
): Promise<AppendResolution> {
  const firstRevision = revisionToWriteAt(events, expected, currentRevision);
  if (firstRevision !== undefined) return { kind: 'write', firstRevision };
  return resolveWithStoredIds(streamName, events, expected, currentRevision, readStoredIds);
}

/** The rest of `resolveAppend`, for a caller that has had `revisionToWriteAt` answer undefined already. */
export async function resolveWithStoredIds(
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  currentRevision: number,
  readStoredIds: StoredIdsReader,
): Promise<AppendResolution> {
  const ids = events.map((event) => event.id);
  if (expected === ANY) {
    const found = await findRun(readStoredIds, currentRevision, ids);
    if (found === 'absent') return { kind: 'write', firstRevision: currentRevision + 1 };
    if (found === 'partial') throw new DuplicateEventIdError(streamName, ids[0]);
    return { kind: 'already-stored', lastRevision: found + ids.length - 1 };
  }
  const from = expected === 'no-stream' ? 0 : expected + 1;
  const stored = from <= currentRevision ? await readStoredIds(from, ids.length) : [];
  if (stored.length === ids.length && stored.every((id, index) => id === ids[index])) {
    return { kind: 'already-stored', lastRevision: from + ids.length - 1 };
  }
  throw new WrongExpectedRevisionError(streamName, expected, currentRevision);
}

/**
 * The common case decided without reading the stream: the writer's expected revision holds, so the events
 * go right after the current one. Undefined when only the stored ids can tell (`any`, a repeat or a conflict).
 */
export function revisionToWriteAt(events: readonly NewEvent[], expected: ExpectedRevision, currentRevision: number): number | undefined {
  assertDistinctIds(events);
  return expected !== ANY && satisfiesExpectedRevision(expected, currentRevision) ? currentRevision + 1 : undefined;
}

function assertDistinctIds(events: readonly NewEvent[]): void {
  if (events.length === 0) throw new Error('An append needs at least one event');
  if (events.length > 1 && new Set(events.map((event) => event.id)).size !== events.length) throw new Error('Events of one append must have distinct ids');
}

async function findRun(
  readStoredIds: StoredIdsReader,
  currentRevision: number,
  ids: readonly string[],
): Promise<number | 'absent' | 'partial'> {
  if (currentRevision === EMPTY_STREAM_REVISION) return 'absent';
  const stored = await readStoredIds(0, currentRevision + 1);
  const start = stored.indexOf(ids[0]);
  if (start < 0) return ids.some((id) => stored.includes(id)) ? 'partial' : 'absent';
  const run = stored.slice(start, start + ids.length);
  return run.length === ids.length && run.every((id, index) => id === ids[index]) ? start : 'partial';
}
