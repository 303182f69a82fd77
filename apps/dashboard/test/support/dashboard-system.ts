import { freePort, RunningSystem, startSystem } from '../../../../test/support/system-process';

/**
 * The compiled all-in-one system as a child process that can be stopped and started again on the same port
 * and data directory: a real restart, seen by a browser page that stays open.
 */
export class DashboardSystem {
  private running: RunningSystem | undefined;
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

  /** What every run of the system printed so far. */
  output(): string {
    return this.log + (this.running?.output() ?? '');
  }

  async boot(timeoutMs = 30_000): Promise<void> {
    this.running = await startSystem(this.buildDir, { DATA_DIR: this.dataDir, LOG_LEVEL: 'warn' }, { port: this.port, timeoutMs });
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const running = this.running;
    if (!running) return;
    await running.kill(signal);
    this.log += running.output();
    this.running = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.boot();
  }
}
