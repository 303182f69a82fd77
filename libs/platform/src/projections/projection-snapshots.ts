import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { FileProjectionSnapshotStore } from './file-projection-snapshot-store.adapter';
import type { SnapshotSettings } from './projection-runner';

/**
 * For read models that keep every record (filings, measures, instruments): their checkpoints grow with the
 * log while folding them is cheap, so they are saved rarely: every 250,000 events or 2 minutes
 * (READ_MODEL_SNAPSHOT_EVERY_MS), and always when caught up and on stop.
 */
export function rarelySaved(config: Pick<AppConfig, 'readModelSnapshotEveryMs'>): Omit<SnapshotSettings, 'store'> {
  return { everyEvents: 250_000, everyMs: config.readModelSnapshotEveryMs ?? 120_000 };
}

/**
 * Where a service's projections keep their checkpoints: files under the data directory, saved at the given
 * cadence (the runner's defaults otherwise). The in-memory store starts from nothing on every run, so there
 * is nothing to resume and no checkpoint is kept.
 */
export function projectionSnapshots(
  config: Pick<AppConfig, 'eventStore' | 'dataDir'>,
  cadence: Omit<SnapshotSettings, 'store'> = {},
): SnapshotSettings | undefined {
  return config.eventStore === 'memory' ? undefined : { store: new FileProjectionSnapshotStore(join(config.dataDir, 'projections')), ...cadence };
}
