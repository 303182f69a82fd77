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

/** The whole, checksummed frames of one chunk read, and the buffer they point into. */
export interface FrameChunk {
  readonly buffer: Buffer;
  readonly frames: readonly RecordFrame[];
}

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
  const chunks = frameChunks(file, from, to, chunkBytes);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    const { buffer, frames } = next.value;
    for (const frame of frames) {
      if (visit(buffer, frame) === false) {
        await chunks.return({ offset: 0, reason: 'stopped' });
        return { offset: frame.position + frame.length, reason: 'stopped' };
      }
    }
  }
}

/**
 * The frames between `from` and `to` a chunk at a time, ending with how the walk stopped (as scanFrames).
 * Two buffers alternate: the next chunk is read while the caller works on the frames of this one, which
 * stay valid until the caller asks for the chunk after next.
 */
export async function* frameChunks(file: FileHandle, from: number, to: number, chunkBytes = DEFAULT_CHUNK_BYTES): AsyncGenerator<FrameChunk, ScanStop> {
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let current = 0;
  let offset = from;
  let reading = offset < to ? readChunk(file, buffers[current], offset, to) : undefined;
  while (reading) {
    const bytesRead = await reading;
    reading = undefined;
    const buffer = buffers[current];
    if (bytesRead === 0) return { offset, reason: 'incomplete', detail: 'file ends early' };
    const { frames, at, stop, needed } = framesIn(buffer, bytesRead, offset, to);
    if (needed !== undefined) {
      buffers[current] = Buffer.allocUnsafe(Math.min(needed, MAX_RECORD_BYTES + RECORD_HEADER_BYTES));
      reading = readChunk(file, buffers[current], offset, to);
      continue;
    }
    const next = offset + at;
    if (!stop && next < to) {
      current ^= 1;
      reading = readChunk(file, buffers[current], next, to);
    }
    if (frames.length > 0) yield { buffer, frames };
    if (stop) return stop;
    offset = next;
  }
  return { offset, reason: 'end' };
}

/** The whole frames at the start of a chunk; `needed` when the first frame is larger than the buffer. */
function framesIn(buffer: Buffer, bytesRead: number, offset: number, to: number): { frames: RecordFrame[]; at: number; stop?: ScanStop; needed?: number } {
  const frames: RecordFrame[] = [];
  let at = 0;
  for (;;) {
    const result = readFrame(buffer, at, bytesRead, offset);
    if (result.kind === 'corrupt') return { frames, at, stop: { offset: offset + at, reason: 'corrupt', detail: result.reason } };
    if (result.kind === 'incomplete') {
      if (offset + at + result.needed > to) {
        const stop: ScanStop = offset + at === to ? { offset: to, reason: 'end' } : { offset: offset + at, reason: 'incomplete' };
        return { frames, at, stop };
      }
      if (at > 0) return { frames, at };
      if (result.needed > buffer.length) return { frames, at, needed: result.needed };
      // A short read inside the range: the file is shorter than the caller believed.
      return { frames, at, stop: { offset, reason: 'incomplete', detail: 'file ends early' } };
    }
    frames.push(result.frame);
    at += result.frame.length;
  }
}

/** Starts a positional read; a read left pending when the walk is abandoned must not surface as unhandled. */
function readChunk(file: FileHandle, buffer: Buffer, offset: number, to: number): Promise<number> {
  const reading = file.read(buffer, 0, Math.min(buffer.length, to - offset), offset).then(({ bytesRead }) => bytesRead);
  reading.catch(() => undefined);
  return reading;
}
