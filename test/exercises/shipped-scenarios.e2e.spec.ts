import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExerciseReport, runExercise } from '../../apps/exercises/src/runner';
import { parseScenario } from '../../apps/exercises/src/scenario/parse-scenario';
import { buildToTemp } from '../support/compiled';

const SCENARIOS_DIR = join(__dirname, '..', '..', 'scenarios');
/** The four scenarios built from real events (issue 8); every file in scenarios/ is run. */
const BUILT_FROM_REAL_EVENTS = ['gallium-germanium-2023.json', 'rare-earths-april-2025.json', 'october-2025-package.json', 'defence-materials-stress-test.json'];
const SHIPPED = readdirSync(SCENARIOS_DIR).filter((file) => file.endsWith('.json')).sort();

const scenarioText = (file: string) => readFileSync(join(SCENARIOS_DIR, file), 'utf8');

/** The inputs a scenario plays as refused attempts: their label says so. */
const refusedByDesign = (scenario: { inputs: Array<{ label?: string }> }) =>
  scenario.inputs.flatMap((input, index) => (/\brefused\b/.test(input.label ?? '') ? [index] : []));

/**
 * The scenarios shipped in scenarios/ run green through the exercise runner: every expectation met, every
 * input accepted by the real API except the attempts the scenario plays as refused. A copy with one wrong
 * expectation fails: the compiled CLI exits 1 and its report names the failed expectation.
 */
describe('shipped exercise scenarios', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'imera-shipped-scenarios-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('ships the four scenarios, each with sources in its description and the expectation kinds the issue asks for', () => {
    expect(SHIPPED).toEqual(expect.arrayContaining(BUILT_FROM_REAL_EVENTS));
    for (const file of BUILT_FROM_REAL_EVENTS) {
      const { scenario } = parseScenario(scenarioText(file));
      expect(scenario.description).toMatch(/MOFCOM/);
      expect(scenario.expectations.map((expectation) => expectation.kind)).toEqual(
        expect.arrayContaining(['mode-reached-by', 'no-instrument-before-mode', 'export-control-status']),
      );
    }
    expect(parseScenario(scenarioText('defence-materials-stress-test.json')).scenario.description).toMatch(/^HYPOTHETICAL/);
  });

  describe.each(SHIPPED)('%s', (file) => {
    let report: ExerciseReport;
    let onDurableStore: ExerciseReport;
    const parsed = parseScenario(scenarioText(file));
    const exerciseId = file.replace(/\.json$/, '');
    beforeAll(async () => {
      report = await runExercise(parsed, { exerciseId, dataDir, store: 'memory' });
      onDurableStore = await runExercise(parsed, { exerciseId, dataDir: join(dataDir, 'durable'), store: 'file' });
    }, 120_000);

    it('gives the same report on the durable event log as in memory (what falls due at one instant is decided in one order)', () => {
      expect(JSON.stringify(onDurableStore)).toBe(JSON.stringify(report));
    });

    it('meets every expectation', () => {
      const failed = report.expectations.filter((result) => !result.met).map((result) => `${result.label}: ${result.reason}`);
      expect(failed).toEqual([]);
      expect(report.expectations).toHaveLength(parsed.scenario.expectations.length);
      expect(report.outcome).toMatchObject({ passed: true, expectationsFailed: 0 });
    });

    it('has every input accepted by the API, except the attempts it plays as refused (422, listed as refusals)', () => {
      const refused = report.inputs.filter((input) => input.result === 'refused');
      expect(refused.map((input) => input.index)).toEqual(refusedByDesign(parsed.scenario));
      expect(refused.every((input) => input.status === 422)).toBe(true);
      expect(report.instruments.refused.map((attempt) => attempt.input)).toEqual(refused.map((input) => input.index));
      expect(report.inputs.filter((input) => input.result === 'accepted').every((input) => input.status === 200 || input.status === 201)).toBe(true);
    });
  });

  describe('a copy with a deliberately wrong expectation, through the compiled CLI', () => {
    let buildDir: string;
    let workDir: string;
    beforeAll(() => {
      buildDir = buildToTemp();
      workDir = mkdtempSync(join(tmpdir(), 'imera-wrong-expectation-'));
    }, 180_000);
    afterAll(() => {
      rmSync(buildDir, { recursive: true, force: true });
      rmSync(workDir, { recursive: true, force: true });
    });

    const exercise = (...args: string[]) =>
      spawnSync(process.execPath, [join(buildDir, 'apps', 'exercises', 'src', 'cli', 'exercise.main.js'), ...args], {
        env: { PATH: process.env.PATH, DATA_DIR: join(workDir, 'data') },
        encoding: 'utf8',
      });
    const reportIn = (dir: string): ExerciseReport => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));

    it('the shipped scenario passes: exit 0', () => {
      const run = exercise('run', join(SCENARIOS_DIR, 'gallium-germanium-2023.json'), '--memory', '--report', join(workDir, 'shipped'));
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(reportIn(join(workDir, 'shipped')).outcome.passed).toBe(true);
    }, 120_000);

    it('the copy claiming emergency by the end of 2023 fails: exit 1, that expectation named as failed, the others met', () => {
      const scenario = JSON.parse(scenarioText('gallium-germanium-2023.json'));
      const wrong = { label: 'Deliberately wrong: emergency by the end of 2023', kind: 'mode-reached-by', scope: 'defence-raw-materials', mode: 'emergency', by: '2023-12-31T00:00:00Z' };
      scenario.expectations.push(wrong);
      const file = join(workDir, 'gallium-germanium-2023.wrong.json');
      writeFileSync(file, JSON.stringify(scenario, null, 2));

      const run = exercise('run', file, '--memory', '--report', join(workDir, 'wrong'));
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`FAILED ${wrong.label}`);
      const report = reportIn(join(workDir, 'wrong'));
      expect(report.outcome).toMatchObject({ passed: false, expectationsFailed: 1, expectationsMet: scenario.expectations.length - 1 });
      expect(report.expectations.filter((result) => !result.met)).toEqual([
        expect.objectContaining({ label: wrong.label, kind: 'mode-reached-by', met: false }),
      ]);
    }, 120_000);
  });
});
