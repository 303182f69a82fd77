import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInChild } from '../child/run-in-child';
import { Figure } from '../report/figures';
import { BenchContext, BenchSection, SectionResult } from './section';

const SECTION = 'Durable append';

/** Concurrent writers appending with exact expected revisions, each acknowledged only after fsync. */
export const durableAppendSection: BenchSection = {
  name: 'durable-append',
  title: 'Durable appends by concurrent writers, file log vs SQLite synchronous=FULL',
  async run(context: BenchContext): Promise<SectionResult> {
    const { scale, log } = context;
    const input = { fixture: { seed: scale.seed + 1, events: scale.durableAppends }, writers: scale.durableWriters };
    const fileDir = join(context.workDir, 'durable-append', 'event-log');
    const sqliteDir = join(context.workDir, 'durable-append', 'sqlite');
    mkdirSync(sqliteDir, { recursive: true });

    log(`durable append: ${input.writers} writers, ${input.fixture.events.toLocaleString('en-GB')} appends to the file log`);
    const file = (await runInChild('durable-append-file-log', { dir: fileDir, ...input })).result;
    log('durable append: the same to SQLite (WAL, synchronous=FULL)');
    const sqlite = (await runInChild('durable-append-sqlite', { dir: sqliteDir, ...input })).result;

    const rate = (measurement: { appends: number; seconds: number }) => measurement.appends / measurement.seconds;
    const figures: Figure[] = [
      { section: SECTION, name: 'embedded file log, events/s', value: rate(file), unit: 'events/s', target: { atLeast: 50_000 } },
      { section: SECTION, name: 'embedded file log, p50 latency', value: file.latency.p50Ms, unit: 'ms' },
      { section: SECTION, name: 'embedded file log, p99 latency', value: file.latency.p99Ms, unit: 'ms' },
      { section: SECTION, name: 'SQLite synchronous=FULL, events/s', value: rate(sqlite), unit: 'events/s' },
      { section: SECTION, name: 'SQLite synchronous=FULL, p50 latency', value: sqlite.latency.p50Ms, unit: 'ms' },
      { section: SECTION, name: 'SQLite synchronous=FULL, p99 latency', value: sqlite.latency.p99Ms, unit: 'ms' },
      { section: SECTION, name: 'file log vs SQLite', value: rate(file) / rate(sqlite), unit: 'x', target: { atLeast: 1 } },
    ];
    return { figures, details: { fileLog: file, sqlite, note: 'one event per append; SQLite: one transaction per append on one connection, writers take turns' } };
  },
};
