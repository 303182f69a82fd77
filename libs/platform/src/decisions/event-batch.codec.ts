import { ExpectedRevision, NewEvent } from '@imera/event-sourcing';
import { IncomingMessage, PoisonMessageError } from '@imera/messaging';
import { jsonDepth } from '../limits/request-limits';

/** What the intake services publish: events decided against a stream at a known revision. */
export interface EventBatch {
  readonly streamName: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
}

export const EVENT_BATCH_CONTENT_TYPE = 'application/vnd.imera.event-batch.v1+json';

/**
 * Bounds on a batch as it arrives from the bus. Defaults, not law: far above what any decision produces
 * (an HTTP body nests at most 16 levels, the batch wraps its event data in 3 more; Kafka's own default
 * message limit is 1 MB). Deeper data would overflow the stack while it is stored, which looks transient
 * and would be retried for ever; larger messages would hold up the partition behind them.
 */
export interface EventBatchLimits {
  readonly maxDepth: number;
  readonly maxBytes: number;
}

export const EVENT_BATCH_LIMITS: EventBatchLimits = { maxDepth: 32, maxBytes: 1024 * 1024 };

export function encodeEventBatch(batch: EventBatch): string {
  return JSON.stringify(batch);
}

/** Decodes and checks a batch; anything malformed is a poison message, never retried. */
export function decodeEventBatch(message: IncomingMessage, limits: EventBatchLimits = EVENT_BATCH_LIMITS): EventBatch {
  if (message.value.length > limits.maxBytes) {
    throw new PoisonMessageError(`batch too large: ${message.value.length} bytes, at most ${limits.maxBytes}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new PoisonMessageError(`not JSON: ${(error as Error).message}`);
  }
  if (jsonDepth(parsed, limits.maxDepth) > limits.maxDepth) {
    throw new PoisonMessageError(`batch nested too deep: more than ${limits.maxDepth} levels of objects and arrays`);
  }
  const problems = batchProblems(parsed);
  if (problems.length > 0) throw new PoisonMessageError(`invalid event batch: ${problems.join('; ')}`);
  return parsed as EventBatch;
}

function batchProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not an object'];
  const problems: string[] = [];
  if (typeof value.streamName !== 'string' || !/^[a-z][a-zA-Z0-9]*-.+$/.test(value.streamName)) problems.push('streamName must be category-id');
  const expected = value.expectedRevision;
  if (!(expected === 'no-stream' || expected === 'any' || (Number.isInteger(expected) && (expected as number) >= 0))) {
    problems.push('expectedRevision must be no-stream, any or a revision');
  }
  if (!Array.isArray(value.events) || value.events.length === 0 || value.events.length > 100) {
    problems.push('events must be a list of 1 to 100 events');
  } else {
    value.events.forEach((event, index) => problems.push(...eventProblems(event).map((problem) => `events.${index}: ${problem}`)));
  }
  return problems;
}

function eventProblems(event: unknown): string[] {
  if (!isObject(event)) return ['not an object'];
  const problems: string[] = [];
  if (typeof event.id !== 'string' || !UUID.test(event.id)) problems.push('id must be a uuid');
  if (typeof event.type !== 'string' || !/^[A-Z][A-Za-z]+$/.test(event.type)) problems.push('type must be an event name');
  if (!Number.isInteger(event.schemaVersion) || (event.schemaVersion as number) < 1) problems.push('schemaVersion must be a positive integer');
  if (!isObject(event.data)) problems.push('data must be an object');
  if (!isObject(event.metadata) || typeof event.metadata.correlationId !== 'string' || typeof event.metadata.actor !== 'string') {
    problems.push('metadata needs correlationId and actor');
  }
  return problems;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
