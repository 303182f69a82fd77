import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToTemp } from '../../../test/support/compiled';
import { startSystem } from '../../../test/support/system-process';

describe('all-in-one system (embedded default)', () => {
  let buildDir: string;
  let dataDir: string;

  beforeAll(() => {
    buildDir = buildToTemp();
    dataDir = mkdtempSync(join(tmpdir(), 'imera-system-'));
  });
  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on 127.0.0.1, answers /health with the recovered event store, and restarts on the same data', async () => {
    const first = await startSystem(buildDir, { DATA_DIR: dataDir });
    const health = (await (await fetch(`${first.url}/health`)).json()) as { status: string; components: Record<string, { detail: string }> };
    expect(health.status).toBe('ok');
    expect(health.components['event-store'].detail).toMatch(/file log: 0 events recovered/);
    await first.kill('SIGKILL');

    const second = await startSystem(buildDir, { DATA_DIR: dataDir });
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
    await second.kill('SIGTERM');
    expect(second.process.exitCode === 0 || second.process.signalCode === 'SIGTERM').toBe(true);
  }, 60_000);

  it('refuses to start a second system on a data directory already in use', async () => {
    const running = await startSystem(buildDir, { DATA_DIR: dataDir });
    await expect(startSystem(buildDir, { DATA_DIR: dataDir }, { timeoutMs: 10_000 })).rejects.toThrow(/in use by process/);
    await running.kill();
  }, 60_000);
});
