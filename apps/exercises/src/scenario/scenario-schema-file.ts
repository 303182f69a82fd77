import { scenarioJsonSchema } from './scenario.schema';

/** Where the published scenario schema lives, from the repository root. */
export const SCENARIO_SCHEMA_FILE = 'docs/exercises/scenario.schema.json';

export function scenarioSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
