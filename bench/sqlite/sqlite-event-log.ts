import Database from 'better-sqlite3';
import { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, satisfiesExpectedRevision, WrongExpectedRevisionError } from '@imera/event-sourcing';

/**
 * The same event log in SQLite, as a user who picked SQLite as the embedded store would build it: one table,
 * the global position as rowid, unique (stream, revision) and unique event ids, WAL journal. Only what the
 * benchmark compares is here: appends with an expected revision, and reading everything in order.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  stream_name TEXT NOT NULL,
  stream_revision INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (stream_name, stream_revision)
)`;

export type Synchronous = 'OFF' | 'NORMAL' | 'FULL';

/** One event of a fixture with its place in its stream. */
export interface RecordedEventRow {
  readonly streamName: string;
  readonly streamRevision: number;
  readonly event: NewEvent;
  readonly recordedAt: string;
}

export class SqliteEventLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly lastRevision: Database.Statement;
  private readonly appendTransaction: (streamName: string, events: readonly NewEvent[], expected: ExpectedRevision, recordedAt: string) => AppendResult;

  constructor(path: string, options: { synchronous: Synchronous; readonly?: boolean }) {
    this.db = new Database(path, { readonly: options.readonly ?? false });
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.exec(SCHEMA);
    }
    this.db.pragma(`synchronous = ${options.synchronous}`);
    this.insert = this.db.prepare(
      'INSERT INTO events (stream_name, stream_revision, id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.lastRevision = this.db.prepare('SELECT max(stream_revision) AS revision FROM events WHERE stream_name = ?').pluck();
    this.appendTransaction = this.db.transaction((streamName: string, events: readonly NewEvent[], expected: ExpectedRevision, recordedAt: string) => {
      const current = (this.lastRevision.get(streamName) as number | null) ?? -1;
      if (!satisfiesExpectedRevision(expected, current)) throw new WrongExpectedRevisionError(streamName, expected, current);
      let position = 0;
      events.forEach((event, index) => {
        const row = this.insert.run(streamName, current + 1 + index, event.id, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata), recordedAt);
        position = Number(row.lastInsertRowid);
      });
      return { nextExpectedRevision: current + events.length, lastGlobalPosition: position };
    });
  }

  /** One transaction per append: with synchronous=FULL it returns only after the WAL is synced. */
  appendToStream(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision, recordedAt: string): AppendResult {
    return this.appendTransaction(streamName, events, expected, recordedAt);
  }

  /**
   * Writes a fixture quickly: plain inserts in large transactions with a large page cache, no revision check
   * per append (the unique (stream, revision) constraint still refuses a gap-free duplicate).
   */
  importEvents(events: Iterable<RecordedEventRow>, rowsPerTransaction = 50_000): number {
    this.db.pragma('cache_size = -262144');
    const iterator = events[Symbol.iterator]();
    let count = 0;
    const insertSome = this.db.transaction(() => {
      for (let row = 0; row < rowsPerTransaction; row++) {
        const next = iterator.next();
        if (next.done) return false;
        const { streamName, streamRevision, event, recordedAt } = next.value;
        this.insert.run(streamName, streamRevision, event.id, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata), recordedAt);
        count++;
      }
      return true;
    });
    while (insertSome()) {
      // one transaction per round
    }
    return count;
  }

  /** Every event in global order, decoded as the file log decodes it. */
  *readAll(): Generator<RecordedEvent> {
    const rows = this.db
      .prepare('SELECT global_position, stream_name, stream_revision, id, type, schema_version, data, metadata, recorded_at FROM events ORDER BY global_position')
      .raw(true)
      .iterate() as IterableIterator<[number, string, number, string, string, number, string, string, string]>;
    for (const [globalPosition, streamName, streamRevision, id, type, schemaVersion, data, metadata, recordedAt] of rows) {
      yield { id, type, schemaVersion, data: JSON.parse(data), metadata: JSON.parse(metadata), streamName, streamRevision, globalPosition, recordedAt };
    }
  }

  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}
