import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { scenarioSchemaText, SCENARIO_SCHEMA_FILE } from './scenario-schema-file';

/** `npm run exercise:schema`: writes the scenario JSON Schema generated from the zod schema. */
const target = resolve(process.cwd(), SCENARIO_SCHEMA_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, scenarioSchemaText());
process.stdout.write(`wrote ${SCENARIO_SCHEMA_FILE}\n`);
