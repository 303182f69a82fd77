import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from '../../../../test/support/system-process';

/**
 * The compiled all-in-one system as a child process that can be stopped and started again on the same port
 * and data directory: a real restart, seen by a browser page that stays open.
 */
export class DashboardSystem {
  private child: ChildProcess | undefined;
  private log = '';

  private constructor(private readonly buildDir: string, readonly dataDir: string, readonly port: number) {}

  static async start(buildDir: string, dataDir: string): Promise<DashboardSystem> {
    const system = new DashboardSystem(buildDir, dataDir, await freePort());
    await system.boot();
    return system;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  output(): string {
    return this.log;
  }

  async boot(timeoutMs = 30_000): Promise<void> {
    const child = spawn(process.execPath, [join(this.buildDir, 'apps/imera/src/main.js')], {
      env: { ...process.env, DATA_DIR: this.dataDir, PORT: String(this.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (chunk) => (this.log += chunk));
    child.stderr!.on('data', (chunk) => (this.log += chunk));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The system exited with ${child.exitCode}:\n${this.log}`);
      const status = await fetch(`${this.url}/health`).then((reply) => reply.status, () => 0);
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop('SIGKILL');
    throw new Error(`The system was not healthy within ${timeoutMs} ms:\n${this.log}`);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.boot();
  }
}
