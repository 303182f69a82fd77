import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('writes a large state over many turns of the event loop, as JSON.stringify would write it', async () => {
    const store = new FileProjectionSnapshotStore(dir);
    const state = { records: Array.from({ length: 20_000 }, (_, at) => [`n-${at}`, { memberState: 'DE', tonnes: at, text: 'x'.repeat(40) }]) };
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await store.save(snapshot(7, state));
    } finally {
      clearInterval(ticking);
    }
    expect(readFileSync(join(dir, 'crisis-monitor.json'), 'utf8')).toBe(JSON.stringify(snapshot(7, state)));
    // About 1.5 MB of JSON in slices of 256 KB: timers ran between the slices.
    expect(turns).toBeGreaterThanOrEqual(3);
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
