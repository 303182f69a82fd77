import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunningSystem, startSystem } from '../../test/support/system-process';
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
  private constructor(private readonly system: RunningSystem) {}

  static async start(buildRoot: string, dataDir: string, env: Record<string, string> = {}): Promise<{ app: AppProcess; start: AppStart }> {
    const main = join(buildRoot, 'apps', 'imera', 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
    const started = process.hrtime.bigint();
    // Asked every 20 ms, so the time to ready is not rounded up; only the tail of the output is kept.
    const system = await startSystem(buildRoot, { DATA_DIR: dataDir, ...env }, { timeoutMs: READY_TIMEOUT_MS, pollMs: 20, keepLast: 8_000, ignoreStdout: true });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { app: new AppProcess(system), start: { seconds, peakRssBytes: peakRssBytes(system.process.pid!), health: system.health } };
  }

  get baseUrl(): string {
    return this.system.url;
  }

  get peakRssBytes(): number {
    return peakRssBytes(this.system.process.pid!);
  }

  /** SIGTERM and wait: the app saves its projections' snapshots on the way out. */
  stop(): Promise<void> {
    return this.system.kill('SIGTERM');
  }
}
