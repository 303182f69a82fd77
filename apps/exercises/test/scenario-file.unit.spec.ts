import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadScenarioError, parseScenario, ScenarioProblem } from '../src/scenario/parse-scenario';
import { SCENARIO_SCHEMA_FILE, scenarioSchemaText } from '../src/scenario/scenario-schema-file';

const root = join(__dirname, '..', '..', '..');
const fixture = readFileSync(join(__dirname, 'fixtures', 'small-rare-earth-controls.json'), 'utf8');

function problemsOf(text: string): ScenarioProblem[] {
  try {
    parseScenario(text);
  } catch (error) {
    if (error instanceof BadScenarioError) return [...error.problems];
    throw error;
  }
  throw new Error('the scenario was accepted');
}

function changed(edit: (scenario: any) => void): string {
  const scenario = JSON.parse(fixture);
  edit(scenario);
  return JSON.stringify(scenario, null, 2);
}

describe('scenario files', () => {
  it('accepts the fixture and hashes its bytes', () => {
    const { scenario, fileHash } = parseScenario(fixture);
    expect(scenario.name).toBe('Small rare-earth controls drill');
    expect(scenario.inputs).toHaveLength(3);
    expect(fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(parseScenario(`${fixture} `).fileHash).not.toBe(fileHash);
  });

  it('names the JSON path of every field at fault', () => {
    const problems = problemsOf(
      changed((scenario) => {
        scenario.decisions = 'sometimes';
        scenario.inputs[1].action = 'priority-rated-request.grant';
        scenario.inputs[2].at = 'yesterday';
        scenario.expectations[2].mode = 'alert';
        scenario.expectations.push({ kind: 'mode-at', scope: 'rare-earth-magnets', mode: 'vigilance' });
      }),
    );
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining(['decisions', 'inputs[1].action', 'inputs[2].at', 'expectations[2].mode', 'expectations[5].at']),
    );
    expect(problems.every((problem) => problem.message.length > 0 && problem.line === undefined)).toBe(true);
  });

  it('refuses unknown fields, inputs out of time order or after until, and until before start', () => {
    const paths = problemsOf(
      changed((scenario) => {
        scenario.inputs[0].when = 'now';
        scenario.inputs[2].at = '2025-04-01T00:00:00Z';
      }),
    ).map((problem) => `${problem.path}: ${problem.message}`);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^inputs\[0\]: .*when/), 'inputs[2].at: inputs must be in time order']));
    expect(problemsOf(changed((scenario) => (scenario.until = '2025-03-01T00:00:00Z'))).map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['until', 'inputs[0].at']),
    );
  });

  it('asks for the Member State when an authority acts and none can be told from the data', () => {
    const problems = problemsOf(changed((scenario) => (scenario.inputs[1].as = { role: 'member-state-authority' })));
    expect(problems).toEqual([{ path: 'inputs[1].as.memberState', message: expect.stringMatching(/Member State/) }]);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const broken = fixture.replace('"decisions": "auto",', '"decisions": "auto"');
    const [problem] = problemsOf(broken);
    const line = fixture.split('\n').findIndex((text) => text.includes('"decisions"')) + 2;
    expect(problem).toMatchObject({ line, column: 3, message: expect.stringMatching(/^not valid JSON/) });
    expect(problemsOf('{\n  "name": "x",\n')[0]).toMatchObject({ line: 3, column: 1 });
  });

  it('publishes the JSON Schema generated from the zod schema (run npm run exercise:schema when this fails)', () => {
    expect(readFileSync(join(root, SCENARIO_SCHEMA_FILE), 'utf8')).toBe(scenarioSchemaText());
    const schema = JSON.parse(scenarioSchemaText());
    expect(schema.required).toEqual(expect.arrayContaining(['scenarioVersion', 'name', 'start', 'until', 'decisions', 'inputs', 'expectations']));
  });
});
