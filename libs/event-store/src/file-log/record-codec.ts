import { crc32 } from 'node:zlib';
import { RecordedEvent } from '@imera/event-sourcing';

/**
 * One event on disk:
 *   u32 body length | u32 crc32(body) | body
 *   body = u8 flags | u16 stream-name length | stream name (utf8) | u32 stream revision | JSON payload
 * Flag bit 0 marks the last record of one append: recovery keeps only whole appends.
 * Stream name and revision sit outside the JSON so the index can be rebuilt without parsing payloads.
 */
export const FILE_MAGIC = Buffer.from('IMERALG1', 'latin1');
export const RECORD_HEADER_BYTES = 8;
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const END_OF_APPEND = 1;

export interface RecordToWrite {
  readonly streamName: string;
  readonly streamRevision: number;
  readonly endOfAppend: boolean;
  readonly payload: StoredPayload;
}

/** What the JSON part of a record holds. */
export interface StoredPayload {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recordedAt: string;
}

/** The record's bytes, written straight into one buffer (no intermediate buffers for the name or the JSON). */
export function encodeRecord(record: RecordToWrite): Buffer {
  const json = JSON.stringify(record.payload);
  const jsonBytes = Buffer.byteLength(json, 'utf8');
  const streamBytes = Buffer.byteLength(record.streamName, 'utf8');
  if (streamBytes > 0xffff) throw new Error('Stream name too long');
  const bodyLength = 1 + 2 + streamBytes + 4 + jsonBytes;
  if (bodyLength > MAX_RECORD_BYTES) throw new Error(`Event too large: ${bodyLength} bytes (max ${MAX_RECORD_BYTES})`);
  const buffer = Buffer.allocUnsafe(RECORD_HEADER_BYTES + bodyLength);
  let at = RECORD_HEADER_BYTES;
  buffer.writeUInt8(record.endOfAppend ? END_OF_APPEND : 0, at);
  buffer.writeUInt16LE(streamBytes, at + 1);
  at += 3;
  at += buffer.write(record.streamName, at, streamBytes, 'utf8');
  buffer.writeUInt32LE(record.streamRevision, at);
  buffer.write(json, at + 4, jsonBytes, 'utf8');
  buffer.writeUInt32LE(bodyLength, 0);
  buffer.writeUInt32LE(crc32(buffer.subarray(RECORD_HEADER_BYTES)), 4);
  return buffer;
}

/** A record's frame, read from a buffer without parsing the JSON. */
export interface RecordFrame {
  /** Offset of the record in the file (its global position). */
  readonly position: number;
  /** Total bytes of the record, header included. */
  readonly length: number;
  readonly endOfAppend: boolean;
  readonly streamName: string;
  readonly streamRevision: number;
  /** Where the JSON payload sits inside the scanned buffer. */
  readonly payloadStart: number;
  readonly payloadEnd: number;
}

export type FrameResult =
  | { readonly kind: 'frame'; readonly frame: RecordFrame }
  | { readonly kind: 'incomplete'; readonly needed: number }
  | { readonly kind: 'corrupt'; readonly reason: string };

/** Reads the frame at `at` in `buffer`; `fileOffset` is the file position of `buffer[0]`. */
export function readFrame(buffer: Buffer, at: number, end: number, fileOffset: number): FrameResult {
  if (end - at < RECORD_HEADER_BYTES) return { kind: 'incomplete', needed: RECORD_HEADER_BYTES };
  const bodyLength = buffer.readUInt32LE(at);
  if (bodyLength < 7 || bodyLength > MAX_RECORD_BYTES) return { kind: 'corrupt', reason: `impossible length ${bodyLength}` };
  const total = RECORD_HEADER_BYTES + bodyLength;
  if (end - at < total) return { kind: 'incomplete', needed: total };
  const bodyStart = at + RECORD_HEADER_BYTES;
  if (crc32(buffer.subarray(bodyStart, at + total)) !== buffer.readUInt32LE(at + 4)) {
    return { kind: 'corrupt', reason: 'checksum mismatch' };
  }
  const streamLength = buffer.readUInt16LE(bodyStart + 1);
  const streamEnd = bodyStart + 3 + streamLength;
  if (streamEnd + 4 > at + total) return { kind: 'corrupt', reason: 'stream name overruns record' };
  return {
    kind: 'frame',
    frame: {
      position: fileOffset + at,
      length: total,
      endOfAppend: (buffer.readUInt8(bodyStart) & END_OF_APPEND) !== 0,
      streamName: buffer.toString('utf8', bodyStart + 3, streamEnd),
      streamRevision: buffer.readUInt32LE(streamEnd),
      payloadStart: streamEnd + 4,
      payloadEnd: at + total,
    },
  };
}

export function decodeEvent(buffer: Buffer, frame: RecordFrame): RecordedEvent {
  const payload = JSON.parse(buffer.toString('utf8', frame.payloadStart, frame.payloadEnd)) as StoredPayload;
  return new DecodedEvent(payload, frame);
}

/**
 * A decoded event, made by a constructor rather than an object literal. A replay holds a batch of events
 * while it works through them, so many survive a young-generation collection; for a literal V8 would then
 * decide to allocate every later event straight into the old generation (allocation-site pretenuring),
 * which made whole reads a third slower. Constructors are not pretenured that way.
 */
class DecodedEvent implements RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: RecordedEvent['data'];
  readonly metadata: RecordedEvent['metadata'];
  readonly streamName: string;
  readonly streamRevision: number;
  readonly globalPosition: number;
  readonly recordedAt: string;

  constructor(payload: StoredPayload, frame: RecordFrame) {
    this.id = payload.id;
    this.type = payload.type;
    this.schemaVersion = payload.schemaVersion;
    this.data = payload.data as RecordedEvent['data'];
    this.metadata = payload.metadata as RecordedEvent['metadata'];
    this.streamName = frame.streamName;
    this.streamRevision = frame.streamRevision;
    this.globalPosition = frame.position;
    this.recordedAt = payload.recordedAt;
  }
}

/** The id of a record without building the whole event: used by idempotency checks. */
export function decodeEventId(buffer: Buffer, frame: RecordFrame): string {
  return (JSON.parse(buffer.toString('utf8', frame.payloadStart, frame.payloadEnd)) as StoredPayload).id;
}
