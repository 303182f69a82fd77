import { logCreator, logLevel } from 'kafkajs';
import { MessagingLogger } from '../logger';

/** The same kafkajs message is reported at most once per this window: a broker outage repeats it a lot. */
const REPEAT_WINDOW_MS = 30_000;

/** Lines kafkajs reports loudly that are expected and handled: error responses it retries on its own. */
const ROUTINE = [/^Response \w+\(key: \d+, version: \d+\)$/];

/** Sends kafkajs' own warnings and errors to our logger, without repeating the same line every retry. */
export function kafkajsLogCreator(logger: MessagingLogger): logCreator {
  const lastSeen = new Map<string, number>();
  return () => ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _name, ...extra } = log as { message: string } & Record<string, unknown>;
    const now = Date.now();
    const key = `${namespace}:${message}`;
    if (now - (lastSeen.get(key) ?? -Infinity) < REPEAT_WINDOW_MS) return;
    lastSeen.set(key, now);
    if (lastSeen.size > 1000) lastSeen.clear();
    const context = { kafkajs: namespace, ...pick(extra) };
    if (ROUTINE.some((pattern) => pattern.test(message))) logger.debug(`Kafka client: ${message}`, context);
    else if (level === logLevel.ERROR) logger.error(`Kafka client: ${message}`, context);
    else if (level === logLevel.WARN) logger.warn(`Kafka client: ${message}`, context);
    else logger.debug(`Kafka client: ${message}`, context);
  };
}

/** Keeps the small, useful fields of a kafkajs log entry (not stacks or whole requests). */
function pick(extra: Record<string, unknown>): Record<string, unknown> {
  const keep = ['groupId', 'topic', 'partition', 'broker', 'error', 'retryCount', 'retryTime'];
  return Object.fromEntries(Object.entries(extra).filter(([key]) => keep.includes(key)));
}
