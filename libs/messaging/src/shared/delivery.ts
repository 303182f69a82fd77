import { IncomingMessage, MessageBus, PoisonMessageError } from '../messaging.port';
import { MessagingLogger } from '../logger';
import { deadLetterTopic } from '../topics';
import { backoffDelay, BackoffPolicy, pause, retryUntilDone } from './backoff';
import { deadLetterMessage } from './dead-letter';

/**
 * - handled: the handler resolved; commit.
 * - dead-lettered: poison, now on the dead-letter topic; commit and move on.
 * - abandoned: the consumer is stopping before the message was handled; do NOT commit (it is redelivered).
 */
export type DeliveryOutcome = 'handled' | 'dead-lettered' | 'abandoned';

export interface DeliveryContext {
  readonly groupId: string;
  readonly handle: (message: IncomingMessage) => Promise<void>;
  readonly publish: MessageBus['publish'];
  readonly backoff: BackoffPolicy;
  readonly logger: MessagingLogger;
  /** Aborts back-off waits when the consumer stops. */
  readonly signal: AbortSignal;
  readonly now?: () => Date;
}

export function isPoison(error: unknown): error is PoisonMessageError {
  return error instanceof PoisonMessageError || (error instanceof Error && error.name === 'PoisonMessageError');
}

/**
 * Runs the handler until it succeeds: transient errors are retried with capped back-off (never skipped),
 * poison goes to the dead-letter topic. The one loop both adapters share, so they behave alike.
 */
export async function deliver(message: IncomingMessage, context: DeliveryContext): Promise<DeliveryOutcome> {
  for (let attempt = 1; !context.signal.aborted; attempt++) {
    try {
      await context.handle(message);
      if (attempt > 1) context.logger.info('Message handled after retries', { ...where(message), attempts: attempt });
      return 'handled';
    } catch (error) {
      if (isPoison(error)) return deadLetter(message, error.reason, context);
      logTransient(message, error, attempt, context);
      await pause(backoffDelay(context.backoff, attempt), context.signal);
    }
  }
  return 'abandoned';
}

async function deadLetter(message: IncomingMessage, reason: string, context: DeliveryContext): Promise<DeliveryOutcome> {
  const target = deadLetterTopic(message.topic);
  const letter = deadLetterMessage(message, reason, context.groupId, (context.now ?? (() => new Date()))());
  const published = await retryUntilDone(() => context.publish(target, [letter]).then(() => true), {
    signal: context.signal,
    policy: context.backoff,
    onFailure: (error, attempt) => logTransient(message, error, attempt, context, 'Dead-letter publish failed; retrying'),
  });
  if (!published) return 'abandoned';
  context.logger.warn('Poison message sent to the dead-letter topic', { ...where(message), deadLetterTopic: target, reason });
  return 'dead-lettered';
}

/** Logs the first failure and then every 10th, so a long outage does not flood the log. */
function logTransient(message: IncomingMessage, error: unknown, attempt: number, context: DeliveryContext, text = 'Handler failed; retrying'): void {
  if (attempt !== 1 && attempt % 10 !== 0) return;
  context.logger.warn(text, {
    ...where(message),
    groupId: context.groupId,
    attempt,
    error: error instanceof Error ? error.message : String(error),
  });
}

function where(message: IncomingMessage): Record<string, unknown> {
  return { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key };
}
