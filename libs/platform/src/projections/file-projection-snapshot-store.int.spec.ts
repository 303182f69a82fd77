import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileProjectionSnapshotStore } from './file-projection-snapshot-store.adapter';
import { StoredProjectionSnapshot } from './projection-snapshot-store.port';

const snapshot = (position: number, state: unknown = { position }): StoredProjectionSnapshot => ({
  projection: 'crisis-monitor',
  version: 'crisis-monitor@1',
  position,
  lastEvent: { id: `e-${position}`, streamName: 'notification-1', streamRevision: position },
  savedAt: '2025-04-04T10:00:00.000Z',
  state,
});

describe('file projection snapshots', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'imera-snapshots-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves under <dir>/<name>.json, replaces the previous one and leaves no temporary file', async () => {
    const store = new FileProjectionSnapshotStore(join(dir, 'projections'));
    expect(await store.load('crisis-monitor')).toBeUndefined();
    await store.save(snapshot(10));
    await store.save(snapshot(20, { nested: [1, 2, { a: 'b' }] }));
    expect(await store.load('crisis-monitor')).toEqual(snapshot(20, { nested: [1, 2, { a: 'b' }] }));
    expect(readdirSync(join(dir, 'projections'))).toEqual(['crisis-monitor.json']);
    await store.remove('crisis-monitor');
    expect(await store.load('crisis-monitor')).toBeUndefined();
  });

  it('serialises before the first await: changing the state during the write does not change what is saved', async () => {
    const store = new FileProjectionSnapshotStore(dir);
    const state = { counts: [1] };
    const saving = store.save(snapshot(5, state));
    state.counts.push(2);
    await saving;
    expect((await store.load('crisis-monitor'))!.state).toEqual({ counts: [1] });
  });

  it('treats a damaged or foreign file as no snapshot, so the projection rebuilds from the log', async () => {
    const store = new FileProjectionSnapshotStore(dir);
    writeFileSync(join(dir, 'crisis-monitor.json'), '{"projection": "crisis-monitor", "posit');
    expect(await store.load('crisis-monitor')).toBeUndefined();
    writeFileSync(join(dir, 'crisis-monitor.json'), JSON.stringify({ ...snapshot(3), projection: 'other' }));
    expect(await store.load('crisis-monitor')).toBeUndefined();
    writeFileSync(join(dir, 'crisis-monitor.json'), JSON.stringify({ ...snapshot(3), lastEvent: undefined }));
    expect(await store.load('crisis-monitor')).toBeUndefined();
  });

  it('refuses names that are not safe file names', async () => {
    const store = new FileProjectionSnapshotStore(dir);
    await expect(store.save({ ...snapshot(1), projection: '../escape' })).rejects.toThrow(/lower-case/);
  });
});
