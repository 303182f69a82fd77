import { resolve } from 'node:path';

export type EventStoreKind = 'file' | 'memory' | 'eventstoredb';

/** Everything the services read from the environment, in one place, checked at start. */
export interface AppConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore: EventStoreKind;
  readonly eventStoreUrl?: string;
  readonly kafkaBrokers?: readonly string[];
  /**
   * Put before every Kafka topic and consumer-group name (KAFKA_TOPIC_PREFIX, default none), so several
   * deployments or test suites can share a broker without seeing each other's topics and groups.
   */
  readonly kafkaTopicPrefix?: string;
  /**
   * Set only when the app runs a stress-test exercise's namespace: every event it appends is tagged with
   * this id (metadata.exerciseId), and its store is the namespace's own, never the live one.
   */
  readonly exerciseId?: string;
  /** An escalation policy given in code (an exercise's), used instead of POLICY_FILE and the environment. */
  readonly policy?: PolicyOverride;
  /** The store is opened to read what was recorded: every append is refused (a finished exercise on view). */
  readonly readOnly?: boolean;
  /**
   * The schedules and the scope-modes process manager act only when kicked, never on their own timers or on
   * changes: an exercise's virtual time drives them one after the other, so what falls due at one instant
   * is decided in the same order on every run.
   */
  readonly schedulesDriven?: boolean;
  /** How often the read models that keep every record save their checkpoints (READ_MODEL_SNAPSHOT_EVERY_MS). */
  readonly readModelSnapshotEveryMs?: number;
}

export interface PolicyOverride {
  /** The complete policy document, checked like the policy file. */
  readonly document: unknown;
  /** Where it came from, for the logs and reports. */
  readonly source: string;
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const eventStoreUrl = nonEmpty(env.EVENTSTORE_URL);
  const kafkaBrokers = nonEmpty(env.KAFKA_BROKERS)?.split(',').map((broker) => broker.trim());
  return {
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT ?? '3000'),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    eventStore: parseEventStoreKind(env.EVENT_STORE ?? (eventStoreUrl ? 'eventstoredb' : 'file')),
    eventStoreUrl,
    kafkaBrokers,
    kafkaTopicPrefix: nonEmpty(env.KAFKA_TOPIC_PREFIX),
    readModelSnapshotEveryMs: optionalMilliseconds(env, 'READ_MODEL_SNAPSHOT_EVERY_MS'),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}

function optionalMilliseconds(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = nonEmpty(env[name]);
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1) throw new Error(`${name} must be a whole number of milliseconds above 0, got "${value}"`);
  return ms;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, got "${value}"`);
  return port;
}

function parseEventStoreKind(value: string): EventStoreKind {
  if (value === 'file' || value === 'memory' || value === 'eventstoredb') return value;
  throw new Error(`EVENT_STORE must be file, memory or eventstoredb, got "${value}"`);
}
