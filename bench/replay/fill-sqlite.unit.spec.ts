import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyntheticEvents } from '../generator/synthetic-events';
import { SqliteEventLog } from '../sqlite/sqlite-event-log';
import { fillSqlite } from './fill-sqlite';

describe('the SQLite replay fixture', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'imera-fill-sqlite-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('creates its directory when the file log written beside it has not yet done so', () => {
    const path = join(scratch, 'replay', 'events.sqlite');
    const appends = [...new SyntheticEvents({ seed: 3 }).take(500)];

    expect(fillSqlite(path, appends).events).toBe(500);

    const log = new SqliteEventLog(path, { synchronous: 'FULL', readonly: true });
    try {
      expect([...log.readAll()].map((event) => event.id)).toEqual(appends.map((append) => append.event.id));
    } finally {
      log.close();
    }
  });
});
