import { FileHandle } from 'node:fs/promises';
import { MAX_RECORD_BYTES, readFrame, RECORD_HEADER_BYTES, RecordFrame } from './record-codec';

export interface ScanStop {
  /** File offset just past the last whole record visited (or where the visitor stopped). */
  readonly offset: number;
  readonly reason: 'end' | 'stopped' | 'incomplete' | 'corrupt';
  readonly detail?: string;
}

/** Return false to stop the scan after this frame. */
export type FrameVisitor = (buffer: Buffer, frame: RecordFrame) => boolean | void;

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * Walks the records between `from` and `to` in chunked positional reads, handing each whole, checksummed
 * frame to `visit`. Stops at `to`, at a torn record (incomplete) or at a damaged one (corrupt).
 */
export async function scanFrames(
  file: FileHandle,
  from: number,
  to: number,
  visit: FrameVisitor,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<ScanStop> {
  const walk = walkFrames(file, from, to, visit, chunkBytes);
  for (;;) {
    const next = await walk.next();
    if (next.done) return next.value;
  }
}

/**
 * What `take` makes of each frame between `from` and `to`, a chunk at a time and at most `limit` in all,
 * ending with how the walk stopped (as scanFrames; 'stopped' once `limit` is reached).
 */
export async function* frameChunks<T>(
  file: FileHandle,
  from: number,
  to: number,
  take: (buffer: Buffer, frame: RecordFrame) => T,
  limit = Number.POSITIVE_INFINITY,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): AsyncGenerator<T[], ScanStop> {
  let items: T[] = [];
  let taken = 0;
  const walk = walkFrames(file, from, to, (buffer, frame) => {
    items.push(take(buffer, frame));
    return ++taken < limit;
  }, chunkBytes);
  try {
    for (;;) {
      const next = await walk.next();
      if (items.length > 0) {
        const chunk = items;
        items = [];
        yield chunk;
      }
      if (next.done) return next.value;
    }
  } finally {
    await walk.return({ offset: 0, reason: 'stopped' });
  }
}

/**
 * Visits the frames of one chunk read as they are found, then pauses (one yield per chunk) before the next.
 * Each frame is handed over as soon as it is read and is not kept: frames that piled up for a whole chunk
 * while a visitor worked would outlive young-generation collections, and V8 would then allocate every
 * frame after them straight into the old generation (allocation-site pretenuring), which slowed every read
 * after a store's opening scan by a third. The next chunk is read while this one is visited: a first pass
 * over the record lengths tells where it starts.
 */
async function* walkFrames(file: FileHandle, from: number, to: number, visit: FrameVisitor, chunkBytes: number): AsyncGenerator<void, ScanStop> {
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let current = 0;
  let offset = from;
  let reading = offset < to ? readChunk(file, buffers[current], offset, to) : undefined;
  while (reading) {
    const bytesRead = await reading;
    reading = undefined;
    const buffer = buffers[current];
    if (bytesRead === 0) return { offset, reason: 'incomplete', detail: 'file ends early' };
    const whole = wholeRecordsEnd(buffer, bytesRead);
    if (whole > 0 && offset + whole < to) {
      current ^= 1;
      reading = readChunk(file, buffers[current], offset + whole, to);
    }
    const { at, stop, needed } = visitFrames(buffer, bytesRead, offset, to, visit);
    if (needed !== undefined) {
      buffers[current] = Buffer.allocUnsafe(Math.min(needed, MAX_RECORD_BYTES + RECORD_HEADER_BYTES));
      reading = readChunk(file, buffers[current], offset, to);
      continue;
    }
    if (stop) return stop;
    yield;
    offset += at;
  }
  return { offset, reason: 'end' };
}

/** Where the whole records at the start of a chunk end, by their lengths alone (checked by visitFrames). */
function wholeRecordsEnd(buffer: Buffer, bytesRead: number): number {
  let at = 0;
  while (bytesRead - at >= RECORD_HEADER_BYTES) {
    const total = RECORD_HEADER_BYTES + buffer.readUInt32LE(at);
    if (total > bytesRead - at || total > RECORD_HEADER_BYTES + MAX_RECORD_BYTES) break;
    at += total;
  }
  return at;
}

/** Visits the whole frames at the start of a chunk; `needed` when the first frame is larger than the buffer. */
function visitFrames(buffer: Buffer, bytesRead: number, offset: number, to: number, visit: FrameVisitor): { at: number; stop?: ScanStop; needed?: number } {
  let at = 0;
  for (;;) {
    const result = readFrame(buffer, at, bytesRead, offset);
    if (result.kind === 'corrupt') return { at, stop: { offset: offset + at, reason: 'corrupt', detail: result.reason } };
    if (result.kind === 'incomplete') {
      if (offset + at + result.needed > to) {
        const stop: ScanStop = offset + at === to ? { offset: to, reason: 'end' } : { offset: offset + at, reason: 'incomplete' };
        return { at, stop };
      }
      if (at > 0) return { at };
      if (result.needed > buffer.length) return { at, needed: result.needed };
      // A short read inside the range: the file is shorter than the caller believed.
      return { at, stop: { offset, reason: 'incomplete', detail: 'file ends early' } };
    }
    at += result.frame.length;
    if (visit(buffer, result.frame) === false) return { at, stop: { offset: offset + at, reason: 'stopped' } };
  }
}

/** Starts a positional read; a read left pending when the walk is abandoned must not surface as unhandled. */
function readChunk(file: FileHandle, buffer: Buffer, offset: number, to: number): Promise<number> {
  const reading = file.read(buffer, 0, Math.min(buffer.length, to - offset), offset).then(({ bytesRead }) => bytesRead);
  reading.catch(() => undefined);
  return reading;
}
