import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runInChild } from '../child/run-in-child';
import { peakRssBytes } from '../child/peak-rss';
import { Figure, MB } from '../report/figures';
import { BenchContext, BenchSection, SectionResult } from './section';

const SECTION = 'Cold start';
const READY_TIMEOUT_MS = 300_000;

/** The compiled all-in-one app starting on a data directory that already holds N events. */
export const coldStartSection: BenchSection = {
  name: 'cold-start',
  title: 'Cold start of the all-in-one app until /health is ready',
  async run(context: BenchContext): Promise<SectionResult> {
    const { scale, log } = context;
    const main = join(context.buildRoot, 'apps', 'imera', 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
    const dataDir = join(context.workDir, 'cold-start');
    const fixture = { seed: scale.seed + 2, events: scale.coldStartEvents };
    log(`cold start: writing ${fixture.events.toLocaleString('en-GB')} events`);
    const fill = (await runInChild('fill-file-log', { dir: join(dataDir, 'event-log'), fixture })).result;

    log('cold start: starting the all-in-one app');
    const start = await startUntilHealthy(main, dataDir);
    const figures: Figure[] = [
      { section: SECTION, name: `/health ready with ${fixture.events.toLocaleString('en-GB')} events`, value: start.seconds, unit: 's' },
      { section: SECTION, name: 'peak RSS of the app at ready', value: start.peakRssBytes / MB, unit: 'MB' },
    ];
    return { figures, details: { events: fixture.events, logBytes: fill.bytes, ...start, health: start.health } };
  },
};

interface StartMeasurement {
  readonly seconds: number;
  readonly peakRssBytes: number;
  readonly health: unknown;
}

async function startUntilHealthy(main: string, dataDir: string): Promise<StartMeasurement> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode} before it was ready: ${errors}`);
      const reply = await fetch(`http://127.0.0.1:${port}/health`).then(async (response) => ({ status: response.status, body: await response.json() }), () => undefined);
      if (reply?.status === 200) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        return { seconds, peakRssBytes: peakRssBytes(child.pid!), health: reply.body };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The app was not ready within ${READY_TIMEOUT_MS} ms: ${errors}`);
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
