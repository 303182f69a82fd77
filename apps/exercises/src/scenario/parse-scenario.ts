import { createHash } from 'node:crypto';
import { actorOf, MissingActorDetail } from '../runtime/action-catalogue';
import { Scenario, scenarioSchema } from './scenario.schema';

/** One problem in a scenario file, at a JSON path (`inputs[3].data.material`) or a line and column. */
export interface ScenarioProblem {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export class BadScenarioError extends Error {
  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(`The scenario has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map(describeProblem).join('\n')}`);
  }
}

export function describeProblem(problem: ScenarioProblem): string {
  const where = problem.line !== undefined ? `line ${problem.line}, column ${problem.column}` : problem.path || '(the file)';
  return `${where}: ${problem.message}`;
}

export interface ParsedScenario {
  readonly scenario: Scenario;
  /** sha256 of the file's bytes, for the report. */
  readonly fileHash: string;
}

/** Parses and checks a scenario file's text; throws BadScenarioError naming every problem. */
export function parseScenario(text: string): ParsedScenario {
  const json = parseJson(text);
  return { scenario: checkScenario(json), fileHash: createHash('sha256').update(text).digest('hex') };
}

/** Checks an already parsed scenario (the HTTP API's body). */
export function checkScenario(json: unknown): Scenario {
  const result = scenarioSchema.safeParse(json);
  if (!result.success) throw new BadScenarioError(result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })));
  const actorProblems = result.data.inputs.flatMap((input, index): ScenarioProblem[] => {
    try {
      actorOf(input);
      return [];
    } catch (error) {
      if (!(error instanceof MissingActorDetail)) throw error;
      return [{ path: `inputs[${index}].as.${error.field}`, message: error.message }];
    }
  });
  if (actorProblems.length > 0) throw new BadScenarioError(actorProblems);
  return result.data;
}

/** `['inputs', 3, 'data', 'material']` as `inputs[3].data.material`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    const name = String(part);
    return text ? `${text}.${name}` : name;
  }, '');
}

/** Converts an API field path (`impact.capacityShareAffected`, `materials.2`) into a JSON path suffix. */
export function apiFieldPath(field: string): string {
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    const { line, column } = lineAndColumn(text, position);
    throw new BadScenarioError([{ path: '', line, column, message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}` }]);
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
