import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, RecordedEvent } from '@imera/event-sourcing';
import { newEvent } from '../contract/event-store.contract';
import { FileLogEventStore } from './file-log-event-store.adapter';

describe('file log batch reads for replays and counts', () => {
  let dir: string;
  let store: FileLogEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imera-read-batches-'));
    store = await FileLogEventStore.open({ dir });
    for (let stream = 0; stream < 30; stream++) {
      const events = Array.from({ length: 100 + stream }, (_, index) => newEvent(`Event${index}`, { text: 'x'.repeat(600) }));
      await store.appendToStream(`scope-${stream}`, events, { expectedRevision: 'no-stream' });
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function flattened(options?: { after?: number; maxCount?: number }): Promise<RecordedEvent[]> {
    const batches = await collect(store.readAllBatches(options));
    expect(batches.every((batch) => batch.length > 0)).toBe(true);
    return batches.flat();
  }

  it('gives the events of readAll in the same order, in more than one batch for a log larger than a read', async () => {
    const all = await collect(store.readAll());
    expect(all).toHaveLength(3_435);
    expect((await collect(store.readAllBatches())).length).toBeGreaterThan(1);
    expect(await flattened()).toEqual(all);
  });

  it('honours the checkpoint and the maximum count like readAll', async () => {
    const all = await collect(store.readAll());
    const after = all[1_000].globalPosition;
    expect(await flattened({ after, maxCount: 2_100 })).toEqual(all.slice(1_001, 3_101));
    expect(await flattened({ after: all[all.length - 1].globalPosition })).toEqual([]);
  });

  it('lists the positions of readAll, over more than one read of the file, after a checkpoint too', async () => {
    const positions = (await collect(store.readAll())).map((event) => event.globalPosition);
    const batches = await collect(store.readAllPositions());
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(positions);
    expect((await collect(store.readAllPositions({ after: positions[2_000] }))).flat()).toEqual(positions.slice(2_001));
  });
});
