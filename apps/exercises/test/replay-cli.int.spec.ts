import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRecordedHistory } from '@imera/domain/exercises/recorded-history';
import { buildToTemp } from '../../../test/support/compiled';
import { LiveHistory } from './support/live-history';

const LOWER_THRESHOLDS = join(__dirname, 'fixtures', 'lower-emergency-thresholds.policy.json');

/** `npm run events:export` and `npm run exercise -- replay`, as the compiled CLIs, on a copy of a live data directory. */
describe('events:export and exercise replay on the command line', () => {
  let buildDir: string;
  let work: string;
  let dataDir: string;

  beforeAll(async () => {
    buildDir = buildToTemp();
    work = mkdtempSync(join(tmpdir(), 'imera-replay-cli-'));
    dataDir = join(work, 'data');
    const live = await LiveHistory.start('2025-04-04T09:00:00Z');
    try {
      await live.playApril2025();
      await live.harness.app.close();
      cpSync(live.harness.dataDir, dataDir, { recursive: true });
    } finally {
      rmSync(live.harness.dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const node = (script: string[], args: string[]) => {
    const result = spawnSync(process.execPath, [join(buildDir, 'apps', 'exercises', 'src', ...script), ...args], {
      cwd: work,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const exportEvents = (...args: string[]) => node(['export', 'events-export.main.js'], args);
  const exercise = (...args: string[]) => node(['cli', 'exercise.main.js'], args);
  const read = (...path: string[]) => readFileSync(join(work, ...path), 'utf8');

  it('exports the live store and says what it wrote', () => {
    const run = exportEvents('--out', 'live.jsonl');
    expect(run.code).toBe(0);
    const history = decodeRecordedHistory(read('live.jsonl'));
    expect(JSON.parse(run.stdout)).toMatchObject({ eventCount: history.events.length, firstRecordedAt: '2025-04-04T10:00:00.000Z', lastRecordedAt: '2025-10-08T00:00:00.000Z', policy: 'default-policy@1' });
    expect(history.header.source).toEqual({ kind: 'live' });
  }, 60_000);

  it('refuses to export a log another running process holds, naming it, and writes nothing', () => {
    const lock = join(dataDir, 'event-log', 'LOCK');
    writeFileSync(lock, String(process.pid));
    try {
      const run = exportEvents('--out', 'held.jsonl');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`is held by process ${process.pid} (its LOCK file): a running system owns it. Stop that process first, or export from a copy of the data directory.`);
      expect(existsSync(join(work, 'held.jsonl'))).toBe(false);
    } finally {
      rmSync(lock);
    }
  }, 60_000);

  it('replays under the recorded policy: no differences, byte-identical reports on a second run', () => {
    const first = exercise('replay', 'live.jsonl', '--report', 'same-1', '--tolerance-seconds', '0', '--expect-identical');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/Replay of live\.jsonl under default-policy@1 \(recording\): no differences: the replay reproduces the recorded mode timelines; \d+\.\d\d s wall-clock/);
    expect(exercise('replay', 'live.jsonl', '--report', 'same-2', '--tolerance-seconds', '0').code).toBe(0);
    for (const file of ['replay-report.json', 'replay-report.html']) expect(read('same-2', file)).toBe(read('same-1', file));
    expect(read('same-1', 'replay-report.json')).not.toMatch(/wall-clock/);
    expect(JSON.parse(read('same-1', 'replay-report.json')).outcome).toMatchObject({ identical: true, differences: 0 });
  }, 90_000);

  it('replays under lower thresholds: prints each difference, and exits 1 when identity was expected', () => {
    const run = exercise('replay', 'live.jsonl', '--policy', LOWER_THRESHOLDS, '--report', 'lower', '--expect-identical');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('moved   rare-earth-magnets EmergencyModeProposed (emergency-proposed): recorded 2025-04-12T08:00:00.000Z, replayed 2025-04-10T08:00:00.000Z');
    expect(run.stdout).toContain('(lower-emergency-thresholds.policy.json): 1 difference in 1 scope');
    expect(read('lower', 'replay-report.html')).toContain('a changed policy');
  }, 60_000);

  it('a corrupt recording is refused with the line at fault (exit 2)', () => {
    const lines = read('live.jsonl').split('\n');
    lines[6] = lines[6].slice(0, 30);
    writeFileSync(join(work, 'corrupt.jsonl'), lines.join('\n'));
    const run = exercise('replay', 'corrupt.jsonl', '--report', 'corrupt');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^corrupt\.jsonl: line 7: not valid JSON/);
    expect(existsSync(join(work, 'corrupt'))).toBe(false);
  }, 60_000);

  it('a policy it cannot replay under is refused with what is wrong (exit 2), nothing replayed', () => {
    writeFileSync(join(work, 'broken.policy.json'), JSON.stringify({ escalation: { vigilance: { triggers: 'none' } } }));
    const broken = exercise('replay', 'live.jsonl', '--policy', join(work, 'broken.policy.json'), '--report', 'broken');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^live\.jsonl: Policy configuration is malformed/);
    const missing = exercise('replay', 'live.jsonl', '--policy', join(work, 'no-such.policy.json'), '--report', 'missing');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--policy');
    expect(existsSync(join(work, 'broken'))).toBe(false);
    expect(existsSync(join(work, 'missing'))).toBe(false);
  }, 60_000);

  it('does not replace a kept namespace another process has open: exit 2, naming the process', () => {
    const log = join(dataDir, 'exercises', 'held-replay', 'event-log');
    mkdirSync(log, { recursive: true });
    writeFileSync(join(log, 'LOCK'), String(process.pid));
    const run = exercise('replay', 'live.jsonl', '--keep', 'held-replay', '--report', 'held');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Exercise held-replay is in use by process ${process.pid}`);
    expect(readFileSync(join(log, 'LOCK'), 'utf8')).toBe(String(process.pid));
  }, 60_000);

  it("a kept replay is an exercise namespace: its store exports with --exercise and replays to the same modes", () => {
    expect(exercise('replay', 'live.jsonl', '--keep', 'april-replay', '--report', 'kept').code).toBe(0);
    const run = exportEvents('--out', 'exercise.jsonl', '--exercise', 'april-replay');
    expect(run.code).toBe(0);
    const history = decodeRecordedHistory(read('exercise.jsonl'));
    expect(history.header).toMatchObject({ source: { kind: 'exercise', exerciseId: 'april-replay' } });
    expect(history.header.policy).toBeUndefined();
    expect(history.events.every((event) => event.metadata.exerciseId === 'april-replay')).toBe(true);
    const again = exercise('replay', 'exercise.jsonl', '--report', 'from-exercise', '--tolerance-seconds', '0', '--expect-identical');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(shipped default-policy@1 (the recording names no policy)): no differences');
  }, 90_000);
});
