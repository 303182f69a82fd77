import { rm } from 'node:fs/promises';
import { buildTimeline, evaluateExpectations, Expectation, Instrument, RefusedAttempt, scopeFigures, TimelineEvent } from '@imera/domain/exercises';
import { loadPolicyConfiguration, policyRef } from '@imera/domain/imera-modes';
import { RecordedEvent } from '@imera/event-sourcing';
import { actorOf, ExerciseNamespace, InputOutcome } from '../runtime';
import { apiFieldPath, BadScenarioError, ParsedScenario, ScenarioProblem } from '../scenario/parse-scenario';
import { Scenario, ScenarioInput } from '../scenario/scenario.schema';
import { ExerciseReport, InputRecord, REPORT_VERSION } from './exercise-report';

export interface RunOptions {
  readonly exerciseId: string;
  /** The live data directory; the namespace lives under its `exercises/<id>/`. */
  readonly dataDir: string;
  readonly store: 'file' | 'memory';
}

/** Actions that put an instrument to use: a refusal of one counts as the mode guard respected. */
const INSTRUMENT_ACTIONS: Readonly<Record<string, Instrument>> = {
  'information-request.issue': 'information-request',
  'priority-rated-request.propose': 'priority-rated-request',
  'priority-rated-request.issue': 'priority-rated-request',
  'stock-distribution.open': 'stock-distribution',
  'joint-procurement.open': 'joint-procurement',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs a scenario in its own namespace: each input at its instant through the real API, then virtual time
 * to `until`; the report is built from the namespace's log. An input the API finds malformed (400) makes the
 * scenario bad: the run stops, its namespace is removed and the problems name `inputs[i].data.<field>`.
 */
export async function runExercise({ scenario, fileHash }: ParsedScenario, options: RunOptions): Promise<ExerciseReport> {
  const namespace = await ExerciseNamespace.open(options.exerciseId, {
    decisions: scenario.decisions,
    start: scenario.start,
    policy: scenario.policy,
    store: options.store,
    dataDir: options.dataDir,
  });
  let failed = true;
  try {
    const inputs = await applyInputs(namespace, scenario);
    await namespace.advanceTo(scenario.until);
    const report = buildReport(scenario, fileHash, namespace, inputs, await namespace.events());
    failed = false;
    return report;
  } finally {
    await namespace.close();
    if (failed) await rm(namespace.dir, { recursive: true, force: true });
  }
}

async function applyInputs(namespace: ExerciseNamespace, scenario: Scenario): Promise<InputRecord[]> {
  const records: InputRecord[] = [];
  for (const [index, input] of scenario.inputs.entries()) {
    await namespace.advanceTo(input.at);
    const outcome = await namespace.apply(input, `${namespace.exerciseId}.input-${index}`);
    if (outcome.status === 400) throw new BadScenarioError(badRequestProblems(index, outcome));
    records.push(inputRecord(index, input, outcome));
  }
  return records;
}

function inputRecord(index: number, input: ScenarioInput, outcome: InputOutcome): InputRecord {
  const accepted = outcome.status >= 200 && outcome.status < 300;
  return {
    index,
    at: new Date(input.at).toISOString(),
    action: input.action,
    label: input.label ?? null,
    actor: actorOf(input).subject,
    status: outcome.status,
    result: accepted ? 'accepted' : 'refused',
    reason: accepted ? null : reasonOf(outcome.body),
  };
}

/** The API's 400 as problems at the input's fields. */
function badRequestProblems(index: number, outcome: InputOutcome): ScenarioProblem[] {
  const body = outcome.body as { fields?: Array<{ field: string; errors: string[] }>; message?: unknown };
  if (Array.isArray(body?.fields) && body.fields.length > 0) {
    return body.fields.map(({ field, errors }) => ({ path: `inputs[${index}].data${apiFieldPath(field)}`, message: errors.join('; ') }));
  }
  return [{ path: `inputs[${index}]`, message: reasonOf(body) }];
}

function reasonOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const { error, message } = body as { error?: unknown; message?: unknown };
    const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : '';
    return [typeof error === 'string' ? error : undefined, text || undefined].filter(Boolean).join(': ') || 'refused';
  }
  return typeof body === 'string' && body.length > 0 ? body : 'refused';
}

function buildReport(scenario: Scenario, fileHash: string, namespace: ExerciseNamespace, inputs: InputRecord[], events: RecordedEvent[]): ExerciseReport {
  const timeline = buildTimeline(events.map(timelineEvent));
  const refusals: RefusedAttempt[] = inputs
    .filter((record) => record.result === 'refused' && INSTRUMENT_ACTIONS[record.action])
    .map((record) => ({ input: record.index, instrument: INSTRUMENT_ACTIONS[record.action], at: record.at, status: record.status }));
  const expectations = evaluateExpectations(scenario.expectations as Expectation[], timeline, refusals);
  const start = new Date(scenario.start).toISOString();
  const until = new Date(scenario.until).toISOString();
  const met = expectations.filter((result) => result.met).length;
  return {
    reportVersion: REPORT_VERSION,
    exercise: { id: namespace.exerciseId, scenario: scenario.name, description: scenario.description ?? null, scenarioFileSha256: fileHash, decisions: scenario.decisions },
    policy: { ref: policyRef(loadPolicyConfiguration(namespace.policyDocument)), source: namespace.policySource, changes: scenario.policy ?? {} },
    outcome: {
      passed: met === expectations.length,
      expectations: expectations.length,
      expectationsMet: met,
      expectationsFailed: expectations.length - met,
      inputs: inputs.length,
      inputsRefused: inputs.filter((record) => record.result === 'refused').length,
      eventsRecorded: events.length,
    },
    virtualTime: {
      start,
      until,
      days: Math.round(((Date.parse(until) - Date.parse(start)) / DAY_MS) * 100) / 100,
      scopes: timeline.scopes.map((scope) => scopeFigures(scope, start, until)),
    },
    scopes: timeline.scopes,
    inputs,
    instruments: { used: timeline.instruments, refused: refusals },
    exportControls: timeline.exportControls,
    expectations,
  };
}

function timelineEvent(event: RecordedEvent, index: number): TimelineEvent {
  return {
    ordinal: index + 1,
    globalPosition: event.globalPosition,
    type: event.type,
    streamName: event.streamName,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    data: event.data as Record<string, unknown>,
  };
}
