import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export interface ChildOutcome<T> {
  readonly result: T;
  /** Peak RSS of the child that did the work, so each measurement has its own. */
  readonly peakRssBytes: number;
}

interface ChildReply {
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
  readonly peakRssBytes?: number;
}

/** Runs one named task in a fresh Node process and returns its result with that process's peak RSS. */
export function runInChild<N extends TaskName>(name: N, input: TaskInput<N>): Promise<ChildOutcome<TaskOutput<N>>> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'child-main.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let reply: ChildReply | undefined;
    child.once('message', (message) => (reply = message as ChildReply));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply?.ok) resolve({ result: reply.result as TaskOutput<N>, peakRssBytes: reply.peakRssBytes ?? 0 });
      else reject(new Error(`Benchmark task ${name} failed (${signal ?? `exit ${code}`}): ${reply?.error ?? 'no reply'}`));
    });
    child.send({ name, input });
  });
}
