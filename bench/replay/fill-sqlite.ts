import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteEventLog } from '../sqlite/sqlite-event-log';
import { SyntheticAppend } from '../generator/synthetic-events';
import { FillReport } from './fill-file-log';

/**
 * Writes the same generated events into SQLite in large transactions without syncing each: a fixture, not a
 * measurement of durable writes (the durable-append section measures those, one transaction per append).
 */
export function fillSqlite(path: string, appends: Iterable<SyntheticAppend>): FillReport {
  const started = process.hrtime.bigint();
  // Its directory may not exist yet: the file log's fixture, written beside it at the same time, is not waited for.
  mkdirSync(dirname(path), { recursive: true });
  const log = new SqliteEventLog(path, { synchronous: 'OFF' });
  try {
    const events = log.importEvents(rows(appends));
    log.checkpoint();
    return { events, bytes: 0, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    log.close();
  }
}

function* rows(appends: Iterable<SyntheticAppend>) {
  for (const { streamName, expectedRevision, event, at } of appends) {
    yield { streamName, streamRevision: expectedRevision === 'no-stream' ? 0 : (expectedRevision as number) + 1, event, recordedAt: at };
  }
}
