import { ConsumerHandle, DeadLetterHeaders, deadLetterTopic, MessageBus, Topics } from '@imera/messaging';
import { SystemMetrics } from './system-metrics';

export const DEAD_LETTER_WATCHER_GROUP = 'observability-dead-letters';

/** Counts what reaches the dead-letter topics, by source topic, and logs each with its reason. */
export async function watchDeadLetters(
  bus: MessageBus,
  metrics: SystemMetrics,
  report: (details: Record<string, unknown>) => void,
): Promise<ConsumerHandle> {
  return bus.consume({
    groupId: DEAD_LETTER_WATCHER_GROUP,
    topics: Object.values(Topics).map(deadLetterTopic),
    handle: async (message) => {
      const source = message.headers[DeadLetterHeaders.sourceTopic] ?? message.topic.replace(/\.dlq$/, '');
      metrics.deadLetters.inc({ topic: source });
      report({
        event: 'dead-letter',
        topic: source,
        reason: message.headers[DeadLetterHeaders.reason],
        consumerGroup: message.headers[DeadLetterHeaders.consumerGroup],
        sourcePartition: message.headers[DeadLetterHeaders.sourcePartition],
        sourceOffset: message.headers[DeadLetterHeaders.sourceOffset],
        correlationId: message.headers['correlation-id'],
      });
    },
  });
}
