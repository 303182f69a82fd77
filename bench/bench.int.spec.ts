import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildToTemp } from '../test/support/compiled';

/** Runs the quick benchmark's smallest section from the compiled output, so CI notices a broken bench. */
describe('npm run bench -- --quick', () => {
  let buildDir: string;
  let scratch: string;

  beforeAll(() => {
    buildDir = buildToTemp();
    scratch = mkdtempSync(join(tmpdir(), 'imera-bench-test-'));
  });
  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('measures durable appends to the file log and SQLite and writes the results', async () => {
    const results = join(scratch, 'results.json');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(buildDir, 'bench', 'main.js'), '--quick', '--only', 'durable-append', 'ingestion', '--results', results, '--work-dir', join(scratch, 'work')],
      { timeout: 60_000 },
    );
    const written = JSON.parse(readFileSync(results, 'utf8'));
    expect(written.failures).toEqual([]);
    expect(written.mode).toBe('quick');
    const figures = new Map<string, { value: number | null; verdict: string }>(written.figures.map((figure: { name: string }) => [figure.name, figure]));
    expect(figures.get('embedded file log, events/s')!.value).toBeGreaterThan(0);
    expect(figures.get('SQLite synchronous=FULL, p99 latency')!.value).toBeGreaterThan(0);
    expect(figures.get('notifications/s over HTTP, embedded')!.verdict).toBe('not measured');
    expect(written.sections['durable-append'].fileLog.appends).toBe(4_000);
    expect(stdout).toContain('Durable append');
  }, 120_000);
});
