#!/usr/bin/env node
// Rebuilds the crisis monitor's projection from the start of the event log and stores it as the snapshot the
// system resumes from (`--check`: compares the stored snapshot with a rebuild and writes nothing). The file
// log is locked by a running system: stop it first. Usage: npm run projections:rebuild [-- --check]
import { join } from 'node:path';
import { Command } from 'commander';
import { systemClock } from '@imera/event-sourcing';
import { FileProjectionSnapshotStore, loadAppConfig, openEventStore } from '@imera/platform';
import { loadCrisisMonitorSettings } from '../crisis-monitor.config';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { rebuildProjectionSnapshot } from './rebuild-projections';

async function main(options: { check?: boolean }): Promise<number> {
  const config = loadAppConfig();
  if (config.eventStore === 'memory') throw new Error('EVENT_STORE=memory keeps nothing between runs: there is nothing to rebuild');
  const settings = loadCrisisMonitorSettings();
  const { store, detail } = await openEventStore(config, systemClock);
  try {
    process.stderr.write(`event store: ${detail}\n`);
    const snapshots = new FileProjectionSnapshotStore(join(config.dataDir, 'projections'));
    const started = Date.now();
    const report = await rebuildProjectionSnapshot(store, snapshots, () => new CrisisMonitorProjection(settings), options);
    process.stdout.write(`${JSON.stringify({ ...report, milliseconds: Date.now() - started })}\n`);
    return report.matches === false ? 1 : 0;
  } finally {
    await store.close();
  }
}

new Command()
  .name('projections:rebuild')
  .description("Rebuild the crisis monitor's projection from zero and store it as its snapshot")
  .option('--check', 'compare the stored snapshot, resumed to the end of the log, with a rebuild; write nothing')
  .action(async (options: { check?: boolean }) => {
    process.exitCode = await main(options).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    });
  })
  .parse();
