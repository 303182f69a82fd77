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
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let offset = from;
  while (offset < to) {
    const wanted = Math.min(buffer.length, to - offset);
    const { bytesRead } = await file.read(buffer, 0, wanted, offset);
    if (bytesRead === 0) return { offset, reason: 'incomplete', detail: 'file ends early' };
    let at = 0;
    for (;;) {
      const result = readFrame(buffer, at, bytesRead, offset);
      if (result.kind === 'corrupt') return { offset: offset + at, reason: 'corrupt', detail: result.reason };
      if (result.kind === 'incomplete') {
        if (offset + at + result.needed > to) {
          return offset + at === to ? { offset: to, reason: 'end' } : { offset: offset + at, reason: 'incomplete' };
        }
        if (at === 0 && result.needed > buffer.length) buffer = Buffer.allocUnsafe(Math.min(result.needed, MAX_RECORD_BYTES + RECORD_HEADER_BYTES));
        break;
      }
      if (visit(buffer, result.frame) === false) return { offset: offset + at + result.frame.length, reason: 'stopped' };
      at += result.frame.length;
    }
    offset += at;
  }
  return { offset, reason: 'end' };
}
