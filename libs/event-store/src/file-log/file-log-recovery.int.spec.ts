import { appendFileSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, EventLogCorruptedError } from '@imera/event-sourcing';
import { newEvent } from '../contract/event-store.contract';
import { FileLogEventStore } from './file-log-event-store.adapter';
import { encodeRecord } from './record-codec';

describe('file log recovery', () => {
  let dir: string;
  const logFile = () => join(dir, 'events.log');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'imera-recovery-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function seed(): Promise<number> {
    const store = await FileLogEventStore.open({ dir });
    await store.appendToStream('scope-a', [newEvent('One'), newEvent('Two')], { expectedRevision: 'no-stream' });
    await store.appendToStream('scope-b', [newEvent('Three')], { expectedRevision: 'no-stream' });
    await store.close();
    return statSync(logFile()).size;
  }

  async function reopenTypes(): Promise<{ types: string[]; store: FileLogEventStore }> {
    const store = await FileLogEventStore.open({ dir });
    return { types: (await collect(store.readAll())).map((event) => event.type), store };
  }

  it('cuts a record torn in the middle of its bytes', async () => {
    const size = await seed();
    const extra = encodeRecord({ streamName: 'scope-b', streamRevision: 1, endOfAppend: true, payload: payload('Four') });
    appendFileSync(logFile(), extra.subarray(0, extra.length - 5));
    const { types, store } = await reopenTypes();
    expect(types).toEqual(['One', 'Two', 'Three']);
    expect(store.recovery.bytesTruncated).toBe(extra.length - 5);
    expect(statSync(logFile()).size).toBe(size);
    await store.appendToStream('scope-b', [newEvent('Four')], { expectedRevision: 0 });
    await store.close();
    const reopened = await reopenTypes();
    await reopened.store.close();
    expect(reopened.types).toEqual(['One', 'Two', 'Three', 'Four']);
  });

  it('cuts an append whose last record never reached the disk, keeping appends atomic', async () => {
    await seed();
    const first = encodeRecord({ streamName: 'scope-c', streamRevision: 0, endOfAppend: false, payload: payload('Half') });
    appendFileSync(logFile(), first);
    const { types, store } = await reopenTypes();
    expect(types).toEqual(['One', 'Two', 'Three']);
    expect(await store.streamRevision('scope-c')).toBe(-1);
    await store.close();
  });

  it('cuts a tail of zeros left by a file extended but never written', async () => {
    await seed();
    appendFileSync(logFile(), Buffer.alloc(4096));
    const { types, store } = await reopenTypes();
    expect(types).toEqual(['One', 'Two', 'Three']);
    expect(store.recovery.bytesTruncated).toBe(4096);
    await store.close();
  });

  it('cuts a whole append written after the hole an unfinished one left (two batches in flight at the crash)', async () => {
    await seed();
    const unwritten = encodeRecord({ streamName: 'scope-c', streamRevision: 0, endOfAppend: true, payload: payload('Hole') });
    const written = encodeRecord({ streamName: 'scope-d', streamRevision: 0, endOfAppend: true, payload: payload('After') });
    appendFileSync(logFile(), Buffer.concat([Buffer.alloc(unwritten.length), written]));
    const { types, store } = await reopenTypes();
    expect(types).toEqual(['One', 'Two', 'Three']);
    expect(store.recovery.bytesTruncated).toBe(unwritten.length + written.length);
    expect(await store.streamRevision('scope-d')).toBe(-1);
    await store.close();
  });

  it('cuts a record whose checksum fails at the tail', async () => {
    await seed();
    const extra = encodeRecord({ streamName: 'scope-b', streamRevision: 1, endOfAppend: true, payload: payload('Four') });
    extra[extra.length - 2] ^= 0xff;
    appendFileSync(logFile(), extra);
    const { types, store } = await reopenTypes();
    expect(types).toEqual(['One', 'Two', 'Three']);
    await store.close();
  });

  it('refuses to start on a log whose stream revisions do not add up', async () => {
    await seed();
    appendFileSync(logFile(), encodeRecord({ streamName: 'scope-a', streamRevision: 7, endOfAppend: true, payload: payload('Odd') }));
    await expect(FileLogEventStore.open({ dir })).rejects.toBeInstanceOf(EventLogCorruptedError);
  });

  it('refuses a file that is not an event log', async () => {
    writeFileSync(logFile(), 'definitely not an event log');
    await expect(FileLogEventStore.open({ dir })).rejects.toBeInstanceOf(EventLogCorruptedError);
  });

  it('leaves neither the log open nor the directory locked when it refuses a log', async () => {
    writeFileSync(logFile(), 'definitely not an event log');
    const openLogs = () => readdirSync('/proc/self/fd').filter((fd) => readlinkOrNone(`/proc/self/fd/${fd}`) === logFile()).length;
    await expect(FileLogEventStore.open({ dir })).rejects.toBeInstanceOf(EventLogCorruptedError);
    expect(openLogs()).toBe(0);
    rmSync(logFile());
    const store = await FileLogEventStore.open({ dir });
    await store.close();
  });

  it('starts afresh when a crash interrupted the creation of the file', async () => {
    writeFileSync(logFile(), Buffer.from('IMER', 'latin1'));
    const { types, store } = await reopenTypes();
    expect(types).toEqual([]);
    await store.appendToStream('scope-a', [newEvent('First')], { expectedRevision: 'no-stream' });
    await store.close();
    expect(readFileSync(logFile()).subarray(0, 8).toString('latin1')).toBe('IMERALG1');
  });

  it('does not let two processes own one data directory', async () => {
    const store = await FileLogEventStore.open({ dir });
    await expect(FileLogEventStore.open({ dir })).rejects.toThrow(/in use by process/);
    await store.close();
    const again = await FileLogEventStore.open({ dir });
    await again.close();
  });
});

function payload(type: string) {
  return { id: `${type}-id`, type, schemaVersion: 1, data: {}, metadata: { correlationId: 'c', actor: 'test' }, recordedAt: '2026-01-01T00:00:00.000Z' };
}

function readlinkOrNone(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
