import { join } from 'node:path';
import { FileLogEventStore } from '@imera/event-store';
import { SyntheticAppend, SyntheticEvents } from '../generator/synthetic-events';
import { LatencySummary, summariseLatencies } from '../report/latency';
import { SqliteEventLog } from '../sqlite/sqlite-event-log';

export interface DurableAppendMeasurement {
  readonly writers: number;
  readonly appends: number;
  readonly streams: number;
  readonly seconds: number;
  readonly latency: LatencySummary;
}

export interface DurableAppendInput {
  readonly fixture: { readonly seed: number; readonly events: number };
  readonly writers: number;
}

/**
 * The generated appends dealt to writers by stream: each stream belongs to one writer, which appends to it
 * in order at the exact expected revision, as a service instance owning an aggregate would.
 */
export function dealToWriters(appends: Iterable<SyntheticAppend>, writers: number): { queues: SyntheticAppend[][]; streams: number } {
  const queues = Array.from({ length: writers }, () => [] as SyntheticAppend[]);
  const owner = new Map<string, number>();
  for (const append of appends) {
    let writer = owner.get(append.streamName);
    if (writer === undefined) owner.set(append.streamName, (writer = owner.size % writers));
    queues[writer].push(append);
  }
  return { queues, streams: owner.size };
}

/** Writers append one event at a time to the file log; each append resolves only after its fsync. */
export async function durableAppendFileLog(dir: string, input: DurableAppendInput): Promise<DurableAppendMeasurement> {
  const { queues, streams } = dealToWriters(new SyntheticEvents({ seed: input.fixture.seed }).take(input.fixture.events), input.writers);
  const store = await FileLogEventStore.open({ dir });
  try {
    return await measure(queues, streams, async ({ streamName, event, expectedRevision }) => {
      await store.appendToStream(streamName, [event], { expectedRevision });
    });
  } finally {
    await store.close();
  }
}

/**
 * The same appends to SQLite in WAL mode with synchronous=FULL, one transaction per append. better-sqlite3
 * is synchronous and one connection writes at a time, so the writers take turns: each append's latency
 * includes waiting for the turns of the others, as it would behind a lock.
 */
export async function durableAppendSqlite(dir: string, input: DurableAppendInput): Promise<DurableAppendMeasurement> {
  const { queues, streams } = dealToWriters(new SyntheticEvents({ seed: input.fixture.seed }).take(input.fixture.events), input.writers);
  const log = new SqliteEventLog(join(dir, 'events.sqlite'), { synchronous: 'FULL' });
  try {
    return await measure(queues, streams, async ({ streamName, event, expectedRevision }) => {
      await null;
      log.appendToStream(streamName, [event], expectedRevision, new Date().toISOString());
    });
  } finally {
    log.close();
  }
}

async function measure(queues: SyntheticAppend[][], streams: number, append: (next: SyntheticAppend) => Promise<void>): Promise<DurableAppendMeasurement> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    queues.map(async (queue) => {
      for (const next of queue) {
        const sent = process.hrtime.bigint();
        await append(next);
        latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { writers: queues.length, appends: latencies.length, streams, seconds, latency: summariseLatencies(latencies) };
}
