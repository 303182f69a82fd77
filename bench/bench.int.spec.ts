import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildToTemp } from '../test/support/compiled';

/** Runs quick sections from the compiled output (the app in its own process over HTTP), so CI notices a broken bench. */
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

  it('measures durable appends and HTTP ingestion of distinct notifications, and writes the results', async () => {
    const results = join(scratch, 'results.json');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(buildDir, 'bench', 'main.js'), '--quick', '--only', 'durable-append', 'ingestion', '--results', results, '--work-dir', join(scratch, 'work')],
      { timeout: 170_000 },
    );
    const written = JSON.parse(readFileSync(results, 'utf8'));
    expect(written.failures).toEqual([]);
    expect(written.mode).toBe('quick');
    const figures = new Map<string, { value: number | null; verdict: string }>(written.figures.map((figure: { name: string }) => [figure.name, figure]));
    expect(figures.get('embedded file log, events/s')!.value).toBeGreaterThan(0);
    expect(figures.get('SQLite synchronous=FULL, p99 latency')!.value).toBeGreaterThan(0);
    expect(figures.get('notifications/s over HTTP, embedded')!.value).toBeGreaterThan(0);
    expect(figures.get('p99 latency, embedded')!.value).toBeGreaterThan(0);
    // Every request was a distinct, valid filing: all answered 201 (recorded), none repeated or refused.
    expect(written.sections.ingestion.embedded.load.statusCodes).toEqual({ 201: 1_000 });
    expect(written.sections.ingestion.embedded.surge.statusCodes).toEqual({ 201: 1_000 });
    expect(figures.get('notifications/s, embedded, every filing about gallium')!.value).toBeGreaterThan(0);
    expect(figures.get('notifications/s over HTTP, Kafka')!.verdict).toBe('not measured');
    expect(written.sections['durable-append'].fileLog.appends).toBe(4_000);
    expect(stdout).toContain('Durable append');
  }, 180_000);
});
