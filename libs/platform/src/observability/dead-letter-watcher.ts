import { ConsumerHandle, ConsumerOptions, DeadLetterHeaders, deadLetterTopic, MessageBus, Topics } from '@imera/messaging';
import { consumeWhenReachable } from '../messaging/consume-when-reachable';
import { SystemMetrics } from './system-metrics';

export const DEAD_LETTER_WATCHER_GROUP = 'observability-dead-letters';

/**
 * Counts what reaches the dead-letter topics, by source topic, and logs each with its reason. Started in the
 * background: while the broker cannot be reached it keeps trying (`waiting` hears each failed attempt).
 */
export function watchDeadLetters(
  bus: MessageBus,
  metrics: SystemMetrics,
  report: (details: Record<string, unknown>) => void,
  waiting?: (reason: string, attempt: number) => void,
): ConsumerHandle {
  const options: ConsumerOptions = {
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
  };
  return consumeWhenReachable(bus, options, { onWaiting: (reason, attempt) => waiting?.(reason, attempt) });
}
