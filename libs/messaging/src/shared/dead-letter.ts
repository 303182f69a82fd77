import { IncomingMessage, OutgoingMessage } from '../messaging.port';

/** Headers a dead-lettered message carries besides its own, so an operator can see why and where from. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumerGroup: 'dlq-consumer-group',
  deadLetteredAt: 'dlq-dead-lettered-at',
} as const;

/** The message as it goes to the dead-letter topic: same key and value, original headers plus the why. */
export function deadLetterMessage(
  message: IncomingMessage,
  reason: string,
  consumerGroup: string,
  at: Date,
): OutgoingMessage {
  return {
    key: message.key ?? '',
    value: message.value.toString('utf8'),
    headers: {
      ...message.headers,
      [DeadLetterHeaders.reason]: reason,
      [DeadLetterHeaders.sourceTopic]: message.topic,
      [DeadLetterHeaders.sourcePartition]: String(message.partition),
      [DeadLetterHeaders.sourceOffset]: message.offset,
      [DeadLetterHeaders.consumerGroup]: consumerGroup,
      [DeadLetterHeaders.deadLetteredAt]: at.toISOString(),
    },
  };
}
