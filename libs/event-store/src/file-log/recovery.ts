import { FileHandle } from 'node:fs/promises';
import { EventLogCorruptedError } from '@imera/event-sourcing';
import { scanFrames } from './frame-scanner';
import { FILE_MAGIC } from './record-codec';
import { writeFully } from './fs-helpers';
import { MAX_UNACKNOWLEDGED_TAIL_BYTES } from './group-commit';
import { StreamIndex } from './stream-index';

/** Recovery never cuts more than the batches that can be in flight at a crash: more would mean damage. */
const MAX_TORN_TAIL_BYTES = MAX_UNACKNOWLEDGED_TAIL_BYTES;

export interface RecoveryReport {
  readonly eventsIndexed: number;
  readonly streamsIndexed: number;
  /** Bytes of an interrupted, never-acknowledged append cut from the end of the log. */
  readonly bytesTruncated: number;
}

export interface RecoveredLog {
  readonly streams: StreamIndex;
  /** File offset just past the last whole append. */
  readonly end: number;
  /** Global position of the last event, -1 when the log is empty. */
  readonly lastPosition: number;
  readonly report: RecoveryReport;
}

/**
 * Scans the log once: checks every record's checksum and stream revision, indexes whole appends, and
 * truncates a torn tail (a record cut short, a failed checksum or an append without its last record).
 */
export async function recoverLog(file: FileHandle, path: string): Promise<RecoveredLog> {
  const size = (await file.stat()).size;
  if (size < FILE_MAGIC.length) return startFresh(file, size);
  await assertMagic(file, path);

  const streams = new StreamIndex();
  let open: Array<{ streamName: string; position: number }> = [];
  let goodEnd = FILE_MAGIC.length;
  let lastPosition = -1;
  let events = 0;
  let damage: string | undefined;

  const stop = await scanFrames(file, FILE_MAGIC.length, size, (_buffer, frame) => {
    const expectedRevision = streams.lastRevision(frame.streamName) + 1 + open.filter((record) => record.streamName === frame.streamName).length;
    if (frame.streamRevision !== expectedRevision) {
      damage = `stream "${frame.streamName}" jumps to revision ${frame.streamRevision} at ${frame.position}, expected ${expectedRevision}`;
      return false;
    }
    open.push({ streamName: frame.streamName, position: frame.position });
    if (!frame.endOfAppend) return true;
    for (const record of open) streams.add(record.streamName, record.position);
    events += open.length;
    lastPosition = frame.position;
    goodEnd = frame.position + frame.length;
    open = [];
    return true;
  });

  if (damage) throw new EventLogCorruptedError(`${path}: ${damage}`);
  const tornBytes = size - goodEnd;
  if (tornBytes > MAX_TORN_TAIL_BYTES) {
    throw new EventLogCorruptedError(
      `${path}: ${stop.reason} record at ${stop.offset} (${stop.detail ?? 'no detail'}) with ${tornBytes} bytes after the last whole append; refusing to cut that much`,
    );
  }
  if (tornBytes > 0) {
    await file.truncate(goodEnd);
    await file.datasync();
  }
  return {
    streams,
    end: goodEnd,
    lastPosition,
    report: { eventsIndexed: events, streamsIndexed: streams.streamCount, bytesTruncated: tornBytes },
  };
}

async function startFresh(file: FileHandle, size: number): Promise<RecoveredLog> {
  await file.truncate(0);
  await writeFully(file, FILE_MAGIC, 0);
  await file.datasync();
  return {
    streams: new StreamIndex(),
    end: FILE_MAGIC.length,
    lastPosition: -1,
    report: { eventsIndexed: 0, streamsIndexed: 0, bytesTruncated: size },
  };
}

async function assertMagic(file: FileHandle, path: string): Promise<void> {
  const head = Buffer.alloc(FILE_MAGIC.length);
  await file.read(head, 0, head.length, 0);
  if (!head.equals(FILE_MAGIC)) throw new EventLogCorruptedError(`${path} is not an event log of this format`);
}
