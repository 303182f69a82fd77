import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { collect } from '@imera/event-sourcing';
import { buildToTemp } from '../../../../test/support/compiled';
import { FileLogEventStore } from './file-log-event-store.adapter';

const KILL_CYCLES = Number(process.env.CRASH_CYCLES ?? 30);

interface CycleOutcome {
  readonly tried: Set<string>;
  readonly acked: Set<string>;
  readonly errors: string[];
  /** Bytes of a torn tail the writer's start-up recovery cut (left by the previous kill). */
  tornBytesCut: number;
}

/** Starts the writer, lets it append for a random moment after it is ready, then kills it with SIGKILL. */
async function runAndKill(script: string, dir: string, cycle: number, killAfterMs: number): Promise<CycleOutcome> {
  const child: ChildProcess = spawn(process.execPath, [script, dir, String(cycle), '16'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const outcome: CycleOutcome = { tried: new Set(), acked: new Set(), errors: [], tornBytesCut: 0 };
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const drained = new Promise<void>((resolve) => lines.once('close', () => resolve()));
  lines.on('line', (line) => {
    const [kind, ...ids] = line.split(' ');
    if (kind === 'ready') {
      outcome.tornBytesCut = Number(ids[1]);
      setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
    if (kind === 'try') ids.forEach((id) => outcome.tried.add(id));
    if (kind === 'ack') ids.forEach((id) => outcome.acked.add(id));
    if (kind === 'error') outcome.errors.push(ids.join(' '));
  });
  await Promise.all([exited, drained]);
  return outcome;
}

/** A small deterministic generator so every run kills at the same spread of moments. */
function* killDelays(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield 20 + (state % 400);
  }
}

describe('file log under kill -9', () => {
  let buildDir: string;
  let dataDir: string;

  beforeAll(() => {
    buildDir = buildToTemp();
    dataDir = mkdtempSync(join(tmpdir(), 'imera-crash-'));
  });
  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged append exactly once, and nothing never attempted, over ${KILL_CYCLES} kills`, async () => {
    const script = join(buildDir, 'libs/event-store/src/file-log/testing/crash-writer.js');
    const tried = new Set<string>();
    const acked = new Set<string>();
    const delays = killDelays(42);
    let tornTailsCut = 0;
    for (let cycle = 0; cycle < KILL_CYCLES; cycle++) {
      const outcome = await runAndKill(script, dataDir, cycle, delays.next().value as number);
      expect(outcome.errors).toEqual([]);
      if (outcome.tornBytesCut > 0) tornTailsCut++;
      outcome.tried.forEach((id) => tried.add(id));
      outcome.acked.forEach((id) => acked.add(id));
    }

    const store = await FileLogEventStore.open({ dir: dataDir });
    try {
      const stored = await collect(store.readAll());
      const storedIds = stored.map((event) => event.id);
      const unique = new Set(storedIds);
      const missing = [...acked].filter((id) => !unique.has(id));
      const neverTried = storedIds.filter((id) => !tried.has(id));

      expect(acked.size).toBeGreaterThan(KILL_CYCLES * 10);
      expect(unique.size).toBe(storedIds.length);
      expect(missing).toEqual([]);
      expect(neverTried).toEqual([]);
      for (const [stream, events] of groupByStream(stored)) {
        expect(events.map((event) => event.streamRevision)).toEqual(events.map((_, index) => index));
        expect(await collect(store.readStream(stream))).toHaveLength(events.length);
      }
      console.log(
        `kill -9 test: ${KILL_CYCLES} kills survived, ${acked.size} acknowledged events checked, ` +
          `${storedIds.length} stored (${storedIds.length - acked.size} in flight at a kill), ` +
          `${tornTailsCut} torn tails cut on restart, 0 lost, 0 duplicated`,
      );
    } finally {
      await store.close();
    }
  }, 300_000);
});

function groupByStream<T extends { streamName: string }>(events: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const event of events) groups.set(event.streamName, [...(groups.get(event.streamName) ?? []), event]);
  return groups;
}
