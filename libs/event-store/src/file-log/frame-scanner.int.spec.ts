import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { FileHandle, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frameChunks, scanFrames, ScanStop } from './frame-scanner';
import { encodeRecord, FILE_MAGIC, RecordFrame } from './record-codec';

/** Records of uneven sizes, one larger than the smaller chunk sizes tried. */
function records(count: number): Buffer[] {
  return Array.from({ length: count }, (_, index) =>
    encodeRecord({
      streamName: `notification-${index % 7}`,
      streamRevision: Math.floor(index / 7),
      endOfAppend: true,
      payload: {
        id: `event-${index}`,
        type: 'OperatorNotificationFiled',
        schemaVersion: 1,
        data: { description: 'x'.repeat(index === 40 ? 5_000 : (index * 37) % 900) },
        metadata: {},
        recordedAt: '2026-12-06T10:00:00.000Z',
      },
    }),
  );
}

describe('the file log frame scanner', () => {
  const written = records(120);
  const positions: number[] = [];
  let dir: string;
  let path: string;
  let file: FileHandle;
  let size: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imera-frame-scanner-'));
    path = join(dir, 'events.log');
    let at = FILE_MAGIC.length;
    for (const record of written) {
      positions.push(at);
      at += record.length;
    }
    size = at;
    writeFileSync(path, Buffer.concat([FILE_MAGIC, ...written]));
    file = await open(path, 'r');
  });
  afterAll(async () => {
    await file.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function visited(from: number, to: number, chunkBytes: number, stopAt?: number): Promise<{ frames: RecordFrame[]; stop: ScanStop }> {
    const frames: RecordFrame[] = [];
    const stop = await scanFrames(file, from, to, (_buffer, frame) => frames.push(frame) !== stopAt, chunkBytes);
    return { frames, stop };
  }

  it.each([512, 1_000, 4_096, 1024 * 1024])('visits every record once, in order, reading %i bytes at a time', async (chunkBytes) => {
    const { frames, stop } = await visited(FILE_MAGIC.length, size, chunkBytes);
    expect(frames.map((frame) => frame.position)).toEqual(positions);
    expect(frames.map((frame) => frame.length)).toEqual(written.map((record) => record.length));
    expect(stop).toEqual({ offset: size, reason: 'end' });
  });

  it('decodes what each frame holds, a chunk at a time, and stops after the limit', async () => {
    const idOf = (buffer: Buffer, frame: RecordFrame) => (JSON.parse(buffer.toString('utf8', frame.payloadStart, frame.payloadEnd)) as { id: string }).id;
    const chunks = frameChunks(file, FILE_MAGIC.length, size, idOf, 50, 2_000);
    const batches: string[][] = [];
    let next = await chunks.next();
    for (; !next.done; next = await chunks.next()) batches.push(next.value);
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.flat()).toEqual(Array.from({ length: 50 }, (_, index) => `event-${index}`));
    expect(next.value).toEqual({ offset: positions[50], reason: 'stopped' });
  });

  it('stops just after the record whose visitor says so', async () => {
    const { frames, stop } = await visited(FILE_MAGIC.length, size, 700, 33);
    expect(frames).toHaveLength(33);
    expect(stop).toEqual({ offset: positions[33], reason: 'stopped' });
  });

  it('ends as incomplete when the range ends inside a record', async () => {
    const { frames, stop } = await visited(positions[10], positions[90] + 5, 900);
    expect(frames.map((frame) => frame.position)).toEqual(positions.slice(10, 90));
    expect(stop).toEqual({ offset: positions[90], reason: 'incomplete' });
  });

  it('hands over the records before a damaged one, then stops there', async () => {
    const damaged = join(dir, 'damaged.log');
    const bytes = Buffer.concat([FILE_MAGIC, ...written]);
    bytes[positions[61] + 20] ^= 0xff;
    writeFileSync(damaged, bytes);
    const handle = await open(damaged, 'r');
    try {
      const frames: number[] = [];
      const stop = await scanFrames(handle, FILE_MAGIC.length, size, (_buffer, frame) => void frames.push(frame.position), 1_500);
      expect(frames).toEqual(positions.slice(0, 61));
      expect(stop).toEqual({ offset: positions[61], reason: 'corrupt', detail: 'checksum mismatch' });
    } finally {
      await handle.close();
    }
  });
});
