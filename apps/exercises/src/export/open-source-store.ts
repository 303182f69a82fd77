import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, systemClock } from '@imera/event-sourcing';
import { DataDirInUseError } from '@imera/event-store';
import { AppConfig, openEventStore } from '@imera/platform';
import { RecordedHistorySource } from '@imera/domain/exercises/recorded-history';
import { namespaceDir } from '../runtime';

/** Which store to export: the live one of a data directory, or an exercise namespace's under it. */
export interface ExportTarget {
  readonly config: AppConfig;
  readonly exerciseId?: string;
}

/**
 * Opens the store for reading. The embedded log admits one process at a time (its LOCK file): a running
 * system holds it, and the export says so instead of waiting or reading a log that is being written.
 */
export async function openSourceStore(target: ExportTarget): Promise<{ store: EventStore; source: RecordedHistorySource; detail: string }> {
  const { config, exerciseId } = target;
  const source: RecordedHistorySource = exerciseId === undefined ? { kind: 'live' } : { kind: 'exercise', exerciseId };
  if (config.eventStore === 'memory') throw new Error('EVENT_STORE=memory keeps nothing between runs: there is nothing to export');
  const dataDir = exerciseId === undefined ? config.dataDir : namespaceDir(config.dataDir, exerciseId);
  if (config.eventStore === 'file') {
    const log = join(dataDir, 'event-log', 'events.log');
    if (!existsSync(log)) throw new Error(`There is no event log at ${log}${exerciseId === undefined ? '' : ` (is ${exerciseId} an exercise of this data directory?)`}`);
  }
  try {
    // Reading only: the store is opened without the exercise tagging, as it was written.
    const { store, detail } = await openEventStore({ ...config, dataDir, exerciseId: undefined }, systemClock);
    return { store, source, detail };
  } catch (error) {
    if (error instanceof DataDirInUseError)
      throw new Error(
        `The event log in ${join(dataDir, 'event-log')} is held by process ${error.pid} (its LOCK file): a running system owns it. ` +
          'Stop that process first, or export from a copy of the data directory.',
      );
    throw error;
  }
}
