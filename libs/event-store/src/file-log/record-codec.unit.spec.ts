import { crc32 } from 'node:zlib';
import { decodeEvent, decodeEventId, encodeRecord, readFrame, RECORD_HEADER_BYTES, StoredPayload } from './record-codec';

const payload = (description: string): StoredPayload => ({
  id: '5f0c3d7e-8b9a-4c1d-9e2f-0a1b2c3d4e5f',
  type: 'OperatorNotificationFiled',
  schemaVersion: 1,
  data: { description, impact: { capacityShareAffected: 0.35 } },
  metadata: { memberState: 'PL' },
  recordedAt: '2026-12-06T10:00:00.000Z',
});

describe('the file log record codec', () => {
  it.each([
    ['ASCII', 'notification-op-be-0081', 'Spot prices rose'],
    ['multi-byte UTF-8', 'notification-Łódź-Zakład', 'Ceny wzrosły o 40 € za tonę; 稀土 supply cut'],
  ])('reads back the stream, revision, flags and payload it wrote (%s)', (_kind, streamName, description) => {
    const record = encodeRecord({ streamName, streamRevision: 70_000, endOfAppend: true, payload: payload(description) });

    const result = readFrame(record, 0, record.length, 4_096);
    if (result.kind !== 'frame') throw new Error(`not a frame: ${result.kind}`);
    expect(result.frame).toMatchObject({ position: 4_096, length: record.length, endOfAppend: true, streamName, streamRevision: 70_000 });
    expect(decodeEvent(record, result.frame)).toEqual({ ...payload(description), streamName, streamRevision: 70_000, globalPosition: 4_096 });
    expect(decodeEventId(record, result.frame)).toBe(payload(description).id);
  });

  it('frames the body with its exact length and checksum, the JSON last', () => {
    const streamName = 'scope-gallium-€';
    const record = encodeRecord({ streamName, streamRevision: 3, endOfAppend: false, payload: payload('x') });
    const json = Buffer.from(JSON.stringify(payload('x')), 'utf8');
    const body = record.subarray(RECORD_HEADER_BYTES);

    expect(record.readUInt32LE(0)).toBe(body.length);
    expect(record.readUInt32LE(4)).toBe(crc32(body));
    expect(body.readUInt8(0)).toBe(0);
    expect(body.readUInt16LE(1)).toBe(Buffer.byteLength(streamName));
    expect(body.subarray(body.length - json.length).equals(json)).toBe(true);
  });

  it('reports a record whose bytes changed as corrupt', () => {
    const record = encodeRecord({ streamName: 'scope-a', streamRevision: 0, endOfAppend: true, payload: payload('Spot prices rose') });
    record[record.length - 3] ^= 0x01;

    expect(readFrame(record, 0, record.length, 8)).toEqual({ kind: 'corrupt', reason: 'checksum mismatch' });
  });
});
