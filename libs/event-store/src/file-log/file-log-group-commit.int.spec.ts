import { mkdtempSync, rmSync } from 'node:fs';
import { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendResult, collect, EventStoreUnavailableError } from '@imera/event-sourcing';
import { newEvent } from '../contract/event-store.contract';
import { FileLogEventStore } from './file-log-event-store.adapter';

/** Holds the log's first sync until released; later syncs run as they would. */
function holdFirstSync(store: FileLogEventStore) {
  // The store's file handle is private: the test reaches it to control when a sync returns.
  const file = (store as unknown as { file: FileHandle }).file;
  const realSync = file.datasync.bind(file);
  let release!: (outcome: Error | undefined) => void;
  const held = new Promise<Error | undefined>((resolve) => (release = resolve));
  const calls: Array<Promise<void>> = [];
  file.datasync = () => {
    const call = calls.length === 0 ? held.then(async (failure) => { await realSync(); if (failure) throw failure; }) : realSync();
    calls.push(call.catch(() => undefined));
    return call;
  };
  return { calls, release };
}

const settle = <T>(promise: Promise<T>) => {
  const state: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then((value) => Object.assign(state, { value, settled: true }), (error: unknown) => Object.assign(state, { error, settled: true }));
  return state;
};
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the condition holds (the file writes run on the thread pool: no fixed delay is enough). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited >= 3_000) throw new Error(`Waited 3 s for ${what}`);
    await pause(5);
  }
}

describe('file log group commit with two batches in flight', () => {
  let dir: string;
  let store: FileLogEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imera-group-commit-'));
    store = await FileLogEventStore.open({ dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One append whose sync is held, then a second one in the next moments. */
  async function oneAppendWhileAnotherSyncs() {
    const syncs = holdFirstSync(store);
    const first = settle(store.appendToStream('scope-a', [newEvent('First')], { expectedRevision: 'no-stream' }));
    await until(() => syncs.calls.length === 1, 'the first sync');
    const second = settle(store.appendToStream('scope-b', [newEvent('Second')], { expectedRevision: 'no-stream' }));
    await until(() => syncs.calls.length === 2, 'a second sync while the first is held');
    return { syncs, first, second };
  }

  it('writes and syncs the next batch while one syncs, and acknowledges it only after that one', async () => {
    const { syncs, first, second } = await oneAppendWhileAnotherSyncs();

    await syncs.calls[1];
    await pause(20);
    expect([first.settled, second.settled]).toEqual([false, false]);

    syncs.release(undefined);
    await until(() => first.settled && second.settled, 'both answers');
    expect(first.value!.lastGlobalPosition).toBeLessThan(second.value!.lastGlobalPosition);
    expect((await collect(store.readAll())).map((event) => event.type)).toEqual(['First', 'Second']);
  });

  it('fails the batch behind a failed sync although its own sync succeeded, and then refuses appends', async () => {
    const { syncs, first, second } = await oneAppendWhileAnotherSyncs();
    await syncs.calls[1];

    syncs.release(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await until(() => first.settled && second.settled, 'both answers');
    expect(first.error).toBeInstanceOf(EventStoreUnavailableError);
    expect(second.error).toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.appendToStream('scope-c', [newEvent('Third')], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('splits appends made in one turn into two batches synced side by side, acknowledging all in order', async () => {
    const syncs = holdFirstSync(store);
    const appends = Array.from({ length: 8 }, (_, index) =>
      settle(store.appendToStream(`scope-${index}`, [newEvent(`Event${index}`)], { expectedRevision: 'no-stream' })),
    );
    await until(() => syncs.calls.length === 2, 'a second sync while the first is held');
    expect(appends.some((append) => append.settled)).toBe(false);

    syncs.release(undefined);
    await until(() => appends.every((append) => append.settled), 'every answer');
    const positions = appends.map((append) => (append.value as AppendResult).lastGlobalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(syncs.calls).toHaveLength(2);
  });

  it('answers every append of writers that start and pause at random, repeats included, and stores each event once', async () => {
    let seed = 7;
    const next = (below: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % below;
    // A writer carries on at once, after the current turn, or after up to 2 ms.
    const randomPause = (): Promise<void> => {
      if (next(4) === 0) return pause(next(3));
      return next(2) === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : Promise.resolve();
    };
    const written: string[] = [];
    const writer = async (index: number) => {
      const stream = `scope-${index}`;
      let revision = -1;
      for (let append = 0; append < 60; append++) {
        await randomPause();
        const events = Array.from({ length: 1 + next(3) }, () => newEvent('Written'));
        const expectedRevision = revision < 0 ? ('no-stream' as const) : revision;
        const result = await store.appendToStream(stream, events, { expectedRevision });
        // A writer that did not hear its answer sends the same append again: the store answers it the same.
        if (next(5) === 0) expect(await store.appendToStream(stream, events, { expectedRevision })).toEqual(result);
        written.push(...events.map((event) => event.id));
        revision = result.nextExpectedRevision;
      }
    };

    await Promise.all(Array.from({ length: 40 }, (_, index) => writer(index)));

    const stored = (await collect(store.readAll())).map((event) => event.id);
    expect(stored).toHaveLength(written.length);
    expect(new Set(stored)).toEqual(new Set(written));
  });
});
