import { z } from 'zod';
import { ROLES } from '@imera/auth';
import { ACTION_NAMES } from '../runtime/action-catalogue';

/** The agreed scenario file format, version 1 (docs/exercises/README.md). */
const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant, e.g. 2025-04-01T00:00:00Z');
const mode = z.enum(['normal', 'vigilance', 'emergency']).describe('IMERA mode');
const label = z.string().min(1).optional().describe('Shown in the report instead of a generated description');

export const actorSchema = z
  .strictObject({
    role: z.enum(ROLES),
    memberState: z.string().regex(/^[A-Z]{2}$/, 'a two-letter Member State code').optional(),
    operator: z.string().min(1).optional(),
  })
  .describe('Who acts; the action\'s default actor when absent');

export const inputSchema = z
  .strictObject({
    at: instant,
    action: z.enum(ACTION_NAMES as [string, ...string[]]).describe('The HTTP route the input is sent to (see the action catalogue)'),
    as: actorSchema.optional(),
    params: z.record(z.string(), z.string().min(1)).optional().describe('Path parameters of the route, e.g. measureId'),
    data: z.record(z.string(), z.unknown()).optional().describe('Exactly the body the HTTP API accepts for the action'),
    label,
  })
  .describe('A timed input: one HTTP request to the real API');

const scopeId = z.string().min(1);

export const expectationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mode-at'), label, scope: scopeId, mode, at: instant }).describe('The scope is in the mode at the instant'),
  z.strictObject({ kind: z.literal('mode-reached-by'), label, scope: scopeId, mode, by: instant }).describe('The scope entered the mode (or a higher one) at or before the instant'),
  z.strictObject({ kind: z.literal('mode-never'), label, scope: scopeId, mode }).describe('The scope never entered the mode during the run'),
  z
    .strictObject({
      kind: z.literal('no-instrument-before-mode'),
      label,
      instrument: z.enum(['priority-rated-request', 'stock-distribution', 'joint-procurement', 'information-request']),
      mode,
      scope: scopeId.optional(),
    })
    .describe('No such instrument was issued or opened while the scope was below the mode (a refused attempt counts as respected)'),
  z
    .strictObject({ kind: z.literal('export-control-status'), label, measureId: z.string().min(1), status: z.string().min(1), at: instant })
    .describe('The export control measure has the status at the instant'),
]);

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    scenarioVersion: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    start: instant.describe('The virtual clock starts here'),
    until: instant.describe('After the last input, virtual time advances to this instant'),
    decisions: z.enum(['auto', 'scripted']).describe('auto: the simulated Council acts after the policy delay; scripted: Council acts come from inputs only'),
    policy: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Partial policy deep-merged over config/policy/default-policy.v1.json (arrays replaced)'),
    inputs: z.array(inputSchema),
    expectations: z.array(expectationSchema),
  })
  .superRefine((scenario, context) => {
    if (Date.parse(scenario.until) <= Date.parse(scenario.start)) context.addIssue({ code: 'custom', path: ['until'], message: 'must be after start' });
    let previous = Date.parse(scenario.start);
    scenario.inputs.forEach((input, index) => {
      const at = Date.parse(input.at);
      if (at < previous) context.addIssue({ code: 'custom', path: ['inputs', index, 'at'], message: index === 0 ? 'must not be before start' : 'inputs must be in time order' });
      if (at > Date.parse(scenario.until)) context.addIssue({ code: 'custom', path: ['inputs', index, 'at'], message: 'must not be after until' });
      previous = Math.max(previous, at);
    });
  })
  .describe('An IMERA stress-test exercise scenario (version 1)');

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.infer<typeof inputSchema>;
export type ScenarioExpectation = z.infer<typeof expectationSchema>;

/** The JSON Schema published at docs/exercises/scenario.schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input' });
  return { $schema: generated.$schema, $id: 'https://imera.example.eu/schemas/exercise-scenario.v1.json', title: 'IMERA exercise scenario, version 1', ...generated };
}
