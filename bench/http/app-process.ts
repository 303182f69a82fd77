import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../test/support/system-process';
import { peakRssBytes } from '../child/peak-rss';

const READY_TIMEOUT_MS = 900_000;

export interface AppStart {
  /** From spawn to the first 200 from /health. */
  readonly seconds: number;
  readonly peakRssBytes: number;
  readonly health: unknown;
}

/**
 * The compiled all-in-one app (`dist/apps/imera/src/main.js`) in a process of its own, as `npm start` runs
 * it: file log under the data directory, the data directory's signing key, the default request limits.
 */
export class AppProcess {
  private errors = '';

  private constructor(private readonly child: ChildProcess, readonly baseUrl: string) {
    child.stderr!.on('data', (chunk: Buffer) => {
      this.errors = (this.errors + chunk.toString()).slice(-8_000);
    });
  }

  static async start(buildRoot: string, dataDir: string, env: Record<string, string> = {}): Promise<{ app: AppProcess; start: AppStart }> {
    const main = join(buildRoot, 'apps', 'imera', 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
    const port = await freePort();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const app = new AppProcess(child, `http://127.0.0.1:${port}`);
    try {
      const health = await app.untilHealthy();
      return { app, start: { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssBytes: peakRssBytes(child.pid!), health } };
    } catch (error) {
      await app.stop();
      throw error;
    }
  }

  get peakRssBytes(): number {
    return peakRssBytes(this.child.pid!);
  }

  /** SIGTERM and wait: the app saves its projections' snapshots on the way out. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }

  private async untilHealthy(): Promise<unknown> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`The app exited with ${this.child.exitCode} before it was ready: ${this.errors}`);
      const reply = await fetch(`${this.baseUrl}/health`).then(async (response) => ({ status: response.status, body: await response.json() }), () => undefined);
      if (reply?.status === 200) return reply.body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The app was not ready within ${READY_TIMEOUT_MS} ms: ${this.errors}`);
  }
}
