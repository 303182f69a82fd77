import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordedEvent } from '@imera/event-sourcing';
import { FileLogEventStore } from '@imera/event-store';
import { scanFrames } from '../../libs/event-store/src/file-log/frame-scanner';
import { FILE_MAGIC } from '../../libs/event-store/src/file-log/record-codec';
import { SqliteEventLog } from '../sqlite/sqlite-event-log';
import { ReplayPipeline, ReplaySummary } from './replay-pipeline';

export interface ReplayMeasurement {
  readonly events: number;
  readonly seconds: number;
  /** Opening the store before the replay (the file log's recovery scan and index), not in `seconds`. */
  readonly openSeconds?: number;
  readonly summary?: ReplaySummary;
}

/**
 * The parse-only limit: read the log file in large chunks, check each record's frame and JSON.parse its
 * payload, nothing else. A replay does all of this and more, so none can be faster.
 */
export async function parseOnly(dir: string): Promise<ReplayMeasurement> {
  const file = await open(join(dir, 'events.log'), 'r');
  try {
    const size = (await file.stat()).size;
    const started = process.hrtime.bigint();
    let events = 0;
    let versions = 0;
    const stop = await scanFrames(file, FILE_MAGIC.length, size, (buffer, frame) => {
      versions += (JSON.parse(buffer.toString('utf8', frame.payloadStart, frame.payloadEnd)) as { schemaVersion: number }).schemaVersion;
      events++;
    });
    if (stop.reason !== 'end' || versions < events) throw new Error(`Log scan stopped early: ${stop.reason} at ${stop.offset}`);
    return { events, seconds: elapsed(started) };
  } finally {
    await file.close();
  }
}

/** What a replay does with each event: the whole pipeline, or only touch it (the store's own cost). */
export type ReplayWork = 'projections' | 'decode-only';

/**
 * Opens the embedded store and replays everything through `readAllBatches` (readAll a batch at a time) into
 * the projections and the policy.
 */
export async function replayFileLog(dir: string, work: ReplayWork = 'projections'): Promise<ReplayMeasurement> {
  const opening = process.hrtime.bigint();
  const store = await FileLogEventStore.open({ dir });
  const openSeconds = elapsed(opening);
  try {
    const consumer = consumerFor(work);
    const started = process.hrtime.bigint();
    for await (const batch of store.readAllBatches()) for (const event of batch) consumer.apply(event);
    return { ...consumer.finish(elapsed(started)), openSeconds };
  } finally {
    await store.close();
  }
}

/** Reads the same events back from SQLite in global order and replays them through the same pipeline. */
export function replaySqlite(path: string, work: ReplayWork = 'projections'): ReplayMeasurement {
  const log = new SqliteEventLog(path, { synchronous: 'FULL', readonly: true });
  try {
    const consumer = consumerFor(work);
    const started = process.hrtime.bigint();
    for (const event of log.readAll()) consumer.apply(event);
    return consumer.finish(elapsed(started));
  } finally {
    log.close();
  }
}

interface Consumer {
  apply(event: RecordedEvent): void;
  finish(seconds: number): ReplayMeasurement;
}

function consumerFor(work: ReplayWork): Consumer {
  if (work === 'projections') {
    const pipeline = new ReplayPipeline();
    return {
      apply: (event) => pipeline.apply(event),
      finish: (seconds) => {
        const summary = pipeline.summary();
        return { events: summary.events, seconds, summary };
      },
    };
  }
  let events = 0;
  let versions = 0;
  return {
    apply: (event) => {
      versions += event.schemaVersion;
      events++;
    },
    finish: (seconds) => {
      if (versions < events) throw new Error('Events decoded without a schema version');
      return { events, seconds };
    },
  };
}

export function elapsed(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}
