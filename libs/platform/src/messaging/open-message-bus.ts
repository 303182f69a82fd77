import { InProcessMessageBus, KafkaMessageBus, MessageBus, MessagingLogger, retryUntilDone } from '@imera/messaging';
import { AppConfig } from '../config/app-config';
import { Readiness } from '../health/readiness';

export const MESSAGE_BUS_COMPONENT = 'message-bus';

/**
 * Picks the adapter: Kafka when KAFKA_BROKERS is set, the in-process bus otherwise. Kafka is connected in
 * the background, retrying until it answers, so the app starts and /health says "message-bus" is not ready
 * (and why) instead of the process failing while a broker is briefly away.
 */
export function openMessageBus(config: AppConfig, readiness: Readiness, logger: MessagingLogger, stopping: AbortSignal): MessageBus {
  readiness.register(MESSAGE_BUS_COMPONENT);
  if (!config.kafkaBrokers) {
    readiness.markReady(MESSAGE_BUS_COMPONENT, 'in-process (embedded default)');
    return new InProcessMessageBus({ logger });
  }
  const bus = new KafkaMessageBus({ brokers: config.kafkaBrokers, clientId: 'imera', topicPrefix: config.kafkaTopicPrefix, logger });
  void connectUntilReady(bus, config.kafkaBrokers, readiness, logger, stopping);
  return bus;
}

async function connectUntilReady(
  bus: KafkaMessageBus,
  brokers: readonly string[],
  readiness: Readiness,
  logger: MessagingLogger,
  stopping: AbortSignal,
): Promise<void> {
  const where = brokers.join(',');
  const prefix = bus.topicPrefix ? ` (topics and groups prefixed "${bus.topicPrefix}")` : '';
  const connected = await retryUntilDone(() => bus.connect().then(() => true), {
    signal: stopping,
    onFailure: (error, attempt) => {
      const reason = error instanceof Error ? error.message : String(error);
      readiness.markNotReady(MESSAGE_BUS_COMPONENT, `connecting to Kafka at ${where}: ${reason}`);
      logger.warn('Kafka not reachable yet; retrying', { brokers: where, attempt, error: reason });
    },
  });
  if (connected) readiness.markReady(MESSAGE_BUS_COMPONENT, `Kafka at ${where}: connected, topics ready${prefix}`);
}
