import { randomUUID } from 'node:crypto';
import { NewEvent, RecordedEvent } from '@imera/event-sourcing';
import { InMemoryEventStore } from '@imera/event-store';
import { CheckpointedProjection, rebuildProjection, serialiseProjection } from './checkpointed-projection';
import { Readiness } from '../health/readiness';
import { FAILURES_SHOWN_AFTER, ProjectionRunner } from './projection-runner';
import { ProjectionSnapshotStore, StoredProjectionSnapshot } from './projection-snapshot-store.port';

interface Totals {
  readonly tonnes: Record<string, number>;
  readonly applied: number;
}

/** Sums tonnes per material; counts the events it applied, to tell a resume from a replay. */
class TonnesProjection implements CheckpointedProjection<Totals> {
  readonly name = 'tonnes';
  state: Totals = { tonnes: {}, applied: 0 };
  appliedHere = 0;
  constructor(readonly version = 'tonnes@1') {}
  apply(event: RecordedEvent): void {
    const { material, tonnes } = event.data as { material: string; tonnes: number };
    this.appliedHere++;
    this.state = { tonnes: { ...this.state.tonnes, [material]: (this.state.tonnes[material] ?? 0) + tonnes }, applied: this.state.applied + 1 };
  }
  snapshot(): Totals {
    return this.state;
  }
  restore(state: Totals): void {
    this.state = state;
  }
}

class MemorySnapshots implements ProjectionSnapshotStore {
  readonly saved: StoredProjectionSnapshot[] = [];
  async load(projection: string) {
    const latest = [...this.saved].reverse().find((snapshot) => snapshot.projection === projection);
    return latest && (JSON.parse(JSON.stringify(latest)) as StoredProjectionSnapshot);
  }
  async save(snapshot: StoredProjectionSnapshot) {
    this.saved.push(JSON.parse(JSON.stringify(snapshot)) as StoredProjectionSnapshot);
  }
  async remove(projection: string) {
    this.saved.splice(0, this.saved.length, ...this.saved.filter((snapshot) => snapshot.projection !== projection));
  }
}

const reported = (material: string, tonnes: number): NewEvent => ({
  id: randomUUID(),
  type: 'StrategicStockReported',
  schemaVersion: 1,
  data: { material, tonnes },
  metadata: { correlationId: randomUUID(), actor: 'test' },
});

async function fill(store: InMemoryEventStore, count: number, offset = 0): Promise<void> {
  for (let i = offset; i < offset + count; i++) {
    await store.appendToStream(`strategicStock-FR-m${i % 3}`, [reported(`m${i % 3}`, i)], { expectedRevision: 'any' });
  }
}

async function runUntilCaughtUp(projection: TonnesProjection, store: InMemoryEventStore, snapshots?: MemorySnapshots, everyEvents = 1000) {
  const runner = new ProjectionRunner(projection, { store, snapshots: snapshots && { store: snapshots, everyEvents, everyMs: 60_000 } });
  runner.start();
  await runner.caughtUp;
  return runner;
}

describe('projection runner with stored checkpoints', () => {
  it('resumes after its snapshot instead of replaying, and ends in the state a rebuild from zero gives', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new MemorySnapshots();
    await fill(store, 30);
    const first = new TonnesProjection();
    await (await runUntilCaughtUp(first, store, snapshots)).stop();
    expect(snapshots.saved.at(-1)).toMatchObject({ projection: 'tonnes', version: 'tonnes@1', state: { applied: 30 } });

    await fill(store, 5, 30);
    const resumed = new TonnesProjection();
    const runner = await runUntilCaughtUp(resumed, store, snapshots);
    expect(runner.resumedFrom).toBe(29);
    expect(resumed.appliedHere).toBe(5);

    const rebuilt = new TonnesProjection();
    await rebuildProjection(store, rebuilt);
    expect(serialiseProjection(resumed)).toBe(serialiseProjection(rebuilt));
    await runner.stop();
  });

  it('saves when caught up, then every N new events, and once more when it stops', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new MemorySnapshots();
    await fill(store, 25);
    const runner = await runUntilCaughtUp(new TonnesProjection(), store, snapshots, 10);
    await runner.saveSnapshot();
    // The catch-up saves on time only (a minute here), so the first save is the one made on catching up.
    expect(snapshots.saved.map((snapshot) => snapshot.position)).toEqual([24]);
    await fill(store, 15, 25);
    while (runner.position !== 39 || snapshots.saved.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(snapshots.saved.map((snapshot) => snapshot.position)).toEqual([24, 34]);
    await runner.stop();
    expect(snapshots.saved.map((snapshot) => snapshot.position)).toEqual([24, 34, 39]);
  });

  it('rebuilds from zero when the snapshot is of another version', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new MemorySnapshots();
    await fill(store, 12);
    await (await runUntilCaughtUp(new TonnesProjection('tonnes@1'), store, snapshots)).stop();
    const notices: string[] = [];
    const newer = new TonnesProjection('tonnes@2');
    const runner = new ProjectionRunner(newer, { store, snapshots: { store: snapshots }, onNotice: (_name, message) => notices.push(message) });
    runner.start();
    await runner.caughtUp;
    expect(runner.resumedFrom).toBeUndefined();
    expect(newer.appliedHere).toBe(12);
    expect(notices.join()).toMatch(/version tonnes@1/);
    await runner.stop();
  });

  it('rebuilds from zero when the log no longer holds the snapshot\'s last event where it was', async () => {
    const snapshots = new MemorySnapshots();
    const old = new InMemoryEventStore();
    await fill(old, 8);
    await (await runUntilCaughtUp(new TonnesProjection(), old, snapshots)).stop();

    const replaced = new InMemoryEventStore();
    await fill(replaced, 10);
    const projection = new TonnesProjection();
    const runner = await runUntilCaughtUp(projection, replaced, snapshots);
    expect(runner.resumedFrom).toBeUndefined();
    expect(projection.state.applied).toBe(10);
    await runner.stop();
  });

  it('keeps no snapshot without a snapshot store, and for projections that cannot be checkpointed', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new MemorySnapshots();
    await fill(store, 3);
    await (await runUntilCaughtUp(new TonnesProjection(), store)).stop();
    const plain = { name: 'plain', apply: () => undefined };
    const runner = new ProjectionRunner(plain, { store, snapshots: { store: snapshots } });
    runner.start();
    await runner.caughtUp;
    await runner.stop();
    expect(snapshots.saved).toEqual([]);
  });

  it('shows on readiness a projection that keeps failing after it caught up, and ready again once it follows the log', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 5);
    const readiness = new Readiness();
    const projection = new TonnesProjection();
    let refusals = FAILURES_SHOWN_AFTER + 1;
    const apply = projection.apply.bind(projection);
    projection.apply = (event) => {
      if ((event.data as { tonnes: number }).tonnes === 99 && refusals-- > 0) throw new Error('cannot fold 99 tonnes');
      apply(event);
    };
    const runner = new ProjectionRunner(projection, { store, readiness, maxBackoffMs: 5 });
    runner.start();
    await runner.caughtUp;
    expect(readiness.isReady).toBe(true);

    await store.appendToStream('strategicStock-FR-m0', [reported('m0', 99)], { expectedRevision: 'any' });
    while (readiness.isReady) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(readiness.snapshot()['projection:tonnes'].detail).toMatch(/^failing after 4 \(3 attempts, next in 5 ms\): cannot fold 99 tonnes$/);

    while (!readiness.isReady) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(runner.position).toBe(5);
    expect(projection.state.tonnes.m0).toBe(0 + 3 + 99);
    await runner.stop();
  });
});
