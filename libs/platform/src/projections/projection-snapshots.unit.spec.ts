import { join } from 'node:path';
import { FileProjectionSnapshotStore } from './file-projection-snapshot-store.adapter';
import { loadAppConfig } from '../config/app-config';
import { projectionSnapshots, rarelySaved } from './projection-snapshots';

describe('projectionSnapshots', () => {
  it('keeps no checkpoints for the in-memory store, which starts from nothing', () => {
    expect(projectionSnapshots({ eventStore: 'memory', dataDir: '/data' }, { everyEvents: 10 })).toBeUndefined();
  });

  it('keeps checkpoints in files under the data directory, at the given cadence', () => {
    const settings = projectionSnapshots({ eventStore: 'file', dataDir: '/data' }, { everyEvents: 250_000, everyMs: 120_000 });
    expect(settings).toEqual({ store: expect.any(FileProjectionSnapshotStore), everyEvents: 250_000, everyMs: 120_000 });
    expect(settings?.store).toEqual(new FileProjectionSnapshotStore(join('/data', 'projections')));
  });

  it("leaves the cadence to the runner's defaults when none is given", () => {
    expect(projectionSnapshots({ eventStore: 'eventstoredb', dataDir: '/data' })).toEqual({ store: expect.any(FileProjectionSnapshotStore) });
  });

  it('saves the read models that keep every record every 2 minutes, or as READ_MODEL_SNAPSHOT_EVERY_MS says', () => {
    expect(rarelySaved(loadAppConfig({}))).toEqual({ everyEvents: 250_000, everyMs: 120_000 });
    expect(rarelySaved(loadAppConfig({ READ_MODEL_SNAPSHOT_EVERY_MS: '10000' }))).toEqual({ everyEvents: 250_000, everyMs: 10_000 });
    expect(() => loadAppConfig({ READ_MODEL_SNAPSHOT_EVERY_MS: '0' })).toThrow(/READ_MODEL_SNAPSHOT_EVERY_MS must be a whole number/);
    expect(() => loadAppConfig({ READ_MODEL_SNAPSHOT_EVERY_MS: 'often' })).toThrow(/got "often"/);
  });
});
