import { SqliteEventLog } from '../sqlite/sqlite-event-log';
import { SyntheticAppend } from '../generator/synthetic-events';
import { FillReport } from './fill-file-log';

const ROWS_PER_TRANSACTION = 20_000;

/**
 * Writes the same generated events into SQLite through the same append (expected revision checked), many
 * appends per transaction and without syncing each: a fixture, not a measurement of durable writes.
 */
export function fillSqlite(path: string, appends: Iterable<SyntheticAppend>): FillReport {
  const started = process.hrtime.bigint();
  const log = new SqliteEventLog(path, { synchronous: 'OFF' });
  const iterator = appends[Symbol.iterator]();
  let events = 0;
  try {
    for (let done = false; !done; ) {
      log.inTransaction(() => {
        for (let row = 0; row < ROWS_PER_TRANSACTION; row++) {
          const next = iterator.next();
          if (next.done) {
            done = true;
            return;
          }
          const { streamName, expectedRevision, event, at } = next.value;
          log.appendToStream(streamName, [event], expectedRevision, at);
          events++;
        }
      });
    }
    log.checkpoint();
  } finally {
    log.close();
  }
  return { events, bytes: 0, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
