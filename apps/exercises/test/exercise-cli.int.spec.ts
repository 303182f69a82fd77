import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToTemp } from '../../../test/support/compiled';

const FIXTURE = join(__dirname, 'fixtures', 'small-rare-earth-controls.json');

/** `npm run exercise -- run`, as the compiled CLI, on a private data directory. */
describe('exercise CLI', () => {
  let buildDir: string;
  let work: string;
  beforeAll(() => {
    buildDir = buildToTemp();
    work = mkdtempSync(join(tmpdir(), 'imera-exercise-cli-'));
  }, 120_000);
  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const exercise = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(buildDir, 'apps', 'exercises', 'src', 'cli', 'exercise.main.js'), ...args], {
      env: { ...process.env, DATA_DIR: join(work, 'data'), LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const read = (dir: string, file: string) => readFileSync(join(work, dir, file), 'utf8');

  it('runs the scenario green, keeps the namespace and its report, and prints the wall-clock time on stdout only', () => {
    const run = exercise('run', FIXTURE, '--report', join(work, 'first'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/Exercise small-rare-earth-controls-drill: passed \(5\/5 expectations met, 3 inputs, \d+ events, 61 virtual days\) in \d+\.\d\d s wall-clock/);
    const report = JSON.parse(read('first', 'report.json'));
    expect(report.outcome).toMatchObject({ passed: true, expectationsMet: 5, inputsRefused: 2 });
    expect(JSON.stringify(report)).not.toMatch(/wall-clock/);
    expect(readdirSync(join(work, 'data', 'exercises'))).toEqual(['small-rare-earth-controls-drill']);
    expect(read('data/exercises/small-rare-earth-controls-drill', 'report.json')).toBe(read('first', 'report.json'));
  }, 60_000);

  it('gives byte-identical JSON and HTML reports on a second run, and from an in-memory namespace', () => {
    expect(exercise('run', FIXTURE, '--report', join(work, 'second')).code).toBe(0);
    expect(exercise('run', FIXTURE, '--memory', '--report', join(work, 'memory')).code).toBe(0);
    for (const file of ['report.json', 'report.html']) {
      expect(read('second', file)).toBe(read('first', file));
      expect(read('memory', file)).toBe(read('first', file));
    }
    expect(read('first', 'report.html')).toContain('EXERCISE small-rare-earth-controls-drill: not live data');
  }, 90_000);

  it('fails with exit code 1 when an expectation is wrong, and the report says which and why', () => {
    const scenario = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    scenario.expectations.push({ kind: 'mode-reached-by', scope: 'rare-earth-magnets', mode: 'emergency', by: '2025-05-01T00:00:00Z', label: 'deliberately wrong: emergency by May' });
    const file = join(work, 'wrong.json');
    writeFileSync(file, JSON.stringify(scenario, null, 2));
    const run = exercise('run', file, '--memory', '--report', join(work, 'wrong'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAILED deliberately wrong: emergency by May: rare-earth-magnets never reached emergency mode');
    const report = JSON.parse(read('wrong', 'report.json'));
    expect(report.outcome).toMatchObject({ passed: false, expectationsMet: 5, expectationsFailed: 1 });
    expect(report.expectations.filter((result: any) => !result.met)).toEqual([
      { index: 5, label: 'deliberately wrong: emergency by May', kind: 'mode-reached-by', met: false, reason: 'rare-earth-magnets never reached emergency mode' },
    ]);
    expect(read('wrong', 'report.html')).toMatch(/deliberately wrong: emergency by May<\/td><td><span class="bad">failed/);
  }, 60_000);

  it('exits 2 on a bad scenario file, naming the path, the line and column, or the API field at fault; nothing is kept', () => {
    const file = join(work, 'bad.json');
    writeFileSync(file, readFileSync(FIXTURE, 'utf8').replace('"decisions": "auto",', '"decisions": "auto"'));
    const syntax = exercise('run', file);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/line \d+, column 3: not valid JSON/);

    const scenario = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    scenario.name = 'Bad data drill';
    scenario.inputs[0].data.materials = ['unobtainium'];
    writeFileSync(file, JSON.stringify(scenario));
    const refused = exercise('run', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('inputs[0].data.materials: materials must be a raw-material code of the reference data');
    expect(readdirSync(join(work, 'data', 'exercises'))).toEqual(['small-rare-earth-controls-drill']);
  }, 60_000);

  it('does not replace a namespace another process has open', () => {
    const log = join(work, 'data', 'exercises', 'held-drill', 'event-log');
    mkdirSync(log, { recursive: true });
    writeFileSync(join(log, 'LOCK'), String(process.pid));
    const run = exercise('run', FIXTURE, '--id', 'held-drill');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Exercise held-drill is in use by process ${process.pid}`);
    expect(readFileSync(join(log, 'LOCK'), 'utf8')).toBe(String(process.pid));
    expect(exercise('delete', 'held-drill')).toMatchObject({ code: 1, stderr: `Exercise held-drill is in use by process ${process.pid}\n` });
  }, 30_000);

  it('lists the namespaces and deletes one', () => {
    const listed = exercise('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n')).toEqual(['held-drill\tincomplete\t', 'small-rare-earth-controls-drill\tcomplete passed\tSmall rare-earth controls drill']);
    expect(exercise('delete', 'small-rare-earth-controls-drill')).toMatchObject({ code: 0, stdout: 'Deleted exercise small-rare-earth-controls-drill\n' });
    expect(readdirSync(join(work, 'data', 'exercises'))).toEqual(['held-drill']);
    expect(exercise('delete', 'small-rare-earth-controls-drill')).toMatchObject({ code: 1, stderr: 'No exercise small-rare-earth-controls-drill\n' });
  }, 30_000);
});
