import { statSync } from 'node:fs';
import { DurableAppendInput, durableAppendFileLog, durableAppendSqlite } from '../durable-append/durable-append';
import { SyntheticEvents } from '../generator/synthetic-events';
import { fillFileLog, FillReport } from '../replay/fill-file-log';
import { fillSqlite } from '../replay/fill-sqlite';
import { parseOnly, replayFileLog, ReplayMeasurement, replaySqlite, ReplayWork } from '../replay/replay-measurements';

export interface FixtureSpec {
  readonly seed: number;
  readonly events: number;
}

/** Everything the benchmark measures in a child process of its own, by name. */
const TASKS = {
  'fill-file-log': async ({ dir, fixture }: { dir: string; fixture: FixtureSpec }): Promise<FillReport> =>
    fillFileLog(dir, new SyntheticEvents({ seed: fixture.seed }).take(fixture.events)),
  'fill-sqlite': async ({ path, fixture }: { path: string; fixture: FixtureSpec }): Promise<FillReport> => {
    const report = fillSqlite(path, new SyntheticEvents({ seed: fixture.seed }).take(fixture.events));
    return { ...report, bytes: statSync(path).size };
  },
  'parse-only': ({ dir }: { dir: string }): Promise<ReplayMeasurement> => parseOnly(dir),
  'replay-file-log': ({ dir, work }: { dir: string; work: ReplayWork }): Promise<ReplayMeasurement> => replayFileLog(dir, work),
  'replay-sqlite': async ({ path, work }: { path: string; work: ReplayWork }): Promise<ReplayMeasurement> => replaySqlite(path, work),
  'durable-append-file-log': ({ dir, ...input }: DurableAppendInput & { dir: string }) => durableAppendFileLog(dir, input),
  'durable-append-sqlite': ({ dir, ...input }: DurableAppendInput & { dir: string }) => durableAppendSqlite(dir, input),
};

type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
export type TaskInput<N extends TaskName> = Parameters<Tasks[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<Tasks[N]>>;

export function runTask<N extends TaskName>(name: N, input: TaskInput<N>): Promise<TaskOutput<N>> {
  const task = TASKS[name] as (input: TaskInput<N>) => Promise<TaskOutput<N>>;
  if (!task) return Promise.reject(new Error(`Unknown benchmark task ${name}`));
  return task(input);
}
