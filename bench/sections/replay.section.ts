import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { runInChild } from '../child/run-in-child';
import { Figure, MB } from '../report/figures';
import { BenchContext, BenchSection, SectionResult } from './section';

const SECTION = 'Replay';

/**
 * Replay: N generated events from the embedded log through decoding, the projections and the policy, next
 * to the same events replayed from SQLite and to the parse-only limit. Each measurement runs in its own
 * process so its peak RSS is its own.
 */
export const replaySection: BenchSection = {
  name: 'replay',
  title: 'Replay from the embedded log, SQLite and the parse-only limit',
  async run(context: BenchContext): Promise<SectionResult> {
    const { scale, log } = context;
    const fixture = { seed: scale.seed, events: scale.replayEvents };
    const dir = join(context.workDir, 'replay', 'event-log');
    const sqlitePath = join(context.workDir, 'replay', 'events.sqlite');

    // The two fixtures are written side by side, one process each: writing them is not measured.
    log(`replay: writing ${fixture.events.toLocaleString('en-GB')} events to the file log and the same to SQLite`);
    const [fileFill, sqliteFill] = await Promise.all([runInChild('fill-file-log', { dir, fixture }), runInChild('fill-sqlite', { path: sqlitePath, fixture })]);

    log('replay: parse-only limit');
    const parse = await runInChild('parse-only', { dir });
    log('replay: embedded file log through the projections and the policy');
    const file = await runInChild('replay-file-log', { dir, work: 'projections' });
    log('replay: SQLite through the projections and the policy');
    const sqlite = await runInChild('replay-sqlite', { path: sqlitePath, work: 'projections' });
    log('replay: reading and decoding only, file log and SQLite');
    const fileRead = await runInChild('replay-file-log', { dir, work: 'decode-only' });
    const sqliteRead = await runInChild('replay-sqlite', { path: sqlitePath, work: 'decode-only' });

    if (file.result.events !== fixture.events || !isDeepStrictEqual(file.result.summary, sqlite.result.summary)) {
      throw new Error(`Replays disagree: file log ${JSON.stringify(file.result.summary)} vs SQLite ${JSON.stringify(sqlite.result.summary)}`);
    }
    const rate = (measurement: { events: number; seconds: number }) => measurement.events / measurement.seconds;
    const fileRate = rate(file.result);
    const figures: Figure[] = [
      { section: SECTION, name: 'embedded file log, events/s', value: fileRate, unit: 'events/s', target: { atLeast: 1_000_000 } },
      { section: SECTION, name: 'SQLite (WAL), events/s', value: rate(sqlite.result), unit: 'events/s' },
      { section: SECTION, name: 'parse-only limit, events/s', value: rate(parse.result), unit: 'events/s' },
      { section: SECTION, name: 'file log vs SQLite', value: fileRate / rate(sqlite.result), unit: 'x', target: { atLeast: 1.5 } },
      { section: SECTION, name: 'file log vs parse-only limit', value: fileRate / rate(parse.result), unit: '%', target: { atLeast: 0.5 } },
      { section: SECTION, name: 'peak RSS, file log replay', value: file.peakRssBytes / MB, unit: 'MB', target: { atMost: 512 } },
      { section: SECTION, name: 'peak RSS, SQLite replay', value: sqlite.peakRssBytes / MB, unit: 'MB' },
      { section: SECTION, name: 'peak RSS, parse-only', value: parse.peakRssBytes / MB, unit: 'MB' },
      { section: SECTION, name: 'read + decode only, file log, events/s', value: rate(fileRead.result), unit: 'events/s', note: 'the stores without projections: what the store itself costs' },
      { section: SECTION, name: 'read + decode only, SQLite, events/s', value: rate(sqliteRead.result), unit: 'events/s' },
      { section: SECTION, name: 'read + decode only, file log vs SQLite', value: rate(fileRead.result) / rate(sqliteRead.result), unit: 'x' },
      { section: SECTION, name: 'read + decode only, file log vs parse-only', value: rate(fileRead.result) / rate(parse.result), unit: '%' },
      { section: SECTION, name: 'peak RSS, file log read + decode only', value: fileRead.peakRssBytes / MB, unit: 'MB' },
      { section: SECTION, name: 'file log open (recovery scan)', value: file.result.openSeconds ?? null, unit: 's', note: 'before the replay starts; not in events/s' },
    ];
    return {
      figures,
      details: {
        events: fixture.events,
        seed: fixture.seed,
        fixtures: { fileLog: fileFill.result, sqlite: sqliteFill.result },
        parseOnly: { ...parse.result, peakRssBytes: parse.peakRssBytes },
        fileLog: { ...file.result, peakRssBytes: file.peakRssBytes },
        sqlite: { ...sqlite.result, peakRssBytes: sqlite.peakRssBytes },
        decodeOnly: {
          fileLog: { ...fileRead.result, peakRssBytes: fileRead.peakRssBytes },
          sqlite: { ...sqliteRead.result, peakRssBytes: sqliteRead.peakRssBytes },
        },
      },
    };
  },
};
