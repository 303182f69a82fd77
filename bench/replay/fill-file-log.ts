import { closeSync, fdatasyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRecord, FILE_MAGIC } from '../../libs/event-store/src/file-log/record-codec';
import { SyntheticAppend } from '../generator/synthetic-events';

export interface FillReport {
  readonly events: number;
  readonly bytes: number;
  readonly seconds: number;
}

const WRITE_BYTES = 8 * 1024 * 1024;

/**
 * Writes generated events as an embedded event log, in the store's own record format, in large sequential
 * writes: each event is a whole append recorded at its virtual time. The store checks every record when it
 * opens the log, so a fixture that does not match the format fails the benchmark instead of skewing it.
 * The same seed gives a byte-identical log.
 */
export function fillFileLog(dir: string, appends: Iterable<SyntheticAppend>): FillReport {
  mkdirSync(dir, { recursive: true });
  const started = process.hrtime.bigint();
  const fd = openSync(join(dir, 'events.log'), 'wx');
  let events = 0;
  let bytes = 0;
  try {
    let pending: Buffer[] = [FILE_MAGIC];
    let pendingBytes = FILE_MAGIC.length;
    for (const { streamName, expectedRevision, event, at } of appends) {
      const streamRevision = expectedRevision === 'no-stream' ? 0 : (expectedRevision as number) + 1;
      const { id, type, schemaVersion, data, metadata } = event;
      const record = encodeRecord({ streamName, streamRevision, endOfAppend: true, payload: { id, type, schemaVersion, data, metadata, recordedAt: at } });
      pending.push(record);
      pendingBytes += record.length;
      events++;
      if (pendingBytes >= WRITE_BYTES) {
        bytes += writeAll(fd, pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
      }
    }
    bytes += writeAll(fd, pending, pendingBytes);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { events, bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function writeAll(fd: number, buffers: readonly Buffer[], length: number): number {
  const chunk = Buffer.concat(buffers, length);
  for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written, chunk.length - written);
  return chunk.length;
}
