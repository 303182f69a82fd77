import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { collect, RecordedEvent, Subscription } from '@imera/event-sourcing';
import { newEvent } from '../contract/event-store.contract';
import { FileLogEventStore } from './file-log-event-store.adapter';

/** A subscriber that records what it is given and can be awaited until it has seen a position. */
function follower(store: FileLogEventStore, options: { after?: number; delayMs?: number } = {}) {
  const seen: RecordedEvent[] = [];
  let subscription: Subscription;
  const started = new Promise<void>((resolve) => {
    subscription = store.subscribeToAll({
      after: options.after,
      onEvent: async (event) => {
        seen.push(event);
        if (options.delayMs) await sleep(options.delayMs);
      },
      onCaughtUp: () => resolve(),
    });
  });
  const until = async (position: number) => {
    while (seen.at(-1)?.globalPosition !== position) await sleep(5);
  };
  return { seen, started, until, stop: () => subscription.stop() };
}

describe('file log live readers, with the tail of recent commits in memory', () => {
  let dir: string;
  let store: FileLogEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imera-live-readers-'));
    // A tail of five events, so readers fall behind it and go back to the file while appends go on.
    store = await FileLogEventStore.open({ dir, recentEvents: { events: 5, bytes: 1024 * 1024 } });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives fast, slow and late subscribers every event once, in order, equal to a read of the file', async () => {
    await store.appendToStream('scope-before', [newEvent('Before', { n: 0 }), newEvent('Before', { n: 1 })], { expectedRevision: 'no-stream' });
    const fast = follower(store);
    const slow = follower(store, { delayMs: 2 });
    await Promise.all([fast.started, slow.started]);

    const appends = Array.from({ length: 40 }, (_, stream) =>
      store.appendToStream(`scope-${stream}`, Array.from({ length: 5 }, (_, n) => newEvent('Appended', { stream, n, text: 'x'.repeat(300) })), { expectedRevision: 'no-stream' }),
    );
    const results = await Promise.all(appends);
    const last = Math.max(...results.map((result) => result.lastGlobalPosition));
    const late = follower(store, { after: (await collect(store.readAll()))[100].globalPosition });
    await Promise.all([fast.until(last), slow.until(last), late.until(last)]);

    const all = await collect(store.readAll());
    expect(all).toHaveLength(202);
    expect(fast.seen).toEqual(all);
    expect(slow.seen).toEqual(all);
    expect(late.seen).toEqual(all.slice(101));
    await Promise.all([fast.stop(), slow.stop(), late.stop()]);
  });

  it('shares one frozen event between live subscribers instead of decoding it for each', async () => {
    const first = follower(store);
    const second = follower(store);
    await Promise.all([first.started, second.started]);
    const { lastGlobalPosition } = await store.appendToStream('scope-a', [newEvent('Appended', { n: 1 })], { expectedRevision: 'no-stream' });
    await Promise.all([first.until(lastGlobalPosition), second.until(lastGlobalPosition)]);
    expect(first.seen[0]).toBe(second.seen[0]);
    expect(Object.isFrozen(first.seen[0])).toBe(true);
    await Promise.all([first.stop(), second.stop()]);
  });
});
