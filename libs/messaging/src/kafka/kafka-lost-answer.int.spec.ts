import { randomUUID } from 'node:crypto';
import { testKafkaBrokers } from '../../../../test/kafka/local-broker';
import { eventually } from '../contract/message-bus.contract';
import { silentMessagingLogger } from '../logger';
import { topicSpecs } from '../topics';
import { KafkaMessageBus } from './kafka-message-bus.adapter';
import { deleteTestTopics } from './testing/delete-test-topics';
import { LossyNetwork } from './testing/lossy-network';

/**
 * A publish can fail for its caller although the broker stored it: the broker's answer was lost (a broker
 * stopping, a network cut). The caller sends again, so the message may be stored twice (consumers are
 * idempotent); what must never happen is that the next, different message is acknowledged and not stored.
 */
describe('Kafka publish after a publish whose answer was lost', () => {
  afterAll(() => deleteTestTopics(testKafkaBrokers(), ['lost-answer.']), 30_000);

  it('stores the next message it acknowledges', async () => {
    const topic = `lost-answer.${randomUUID()}`;
    const network = new LossyNetwork();
    const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), topics: topicSpecs([topic], 1), logger: silentMessagingLogger, publishRetries: 1, socketFactory: network.socketFactory });
    // The reader is on the plain network: only the publisher's answers are lost.
    const reader = new KafkaMessageBus({ brokers: testKafkaBrokers(), topics: topicSpecs([topic], 1), logger: silentMessagingLogger });
    const seen: string[] = [];
    const consumer = await reader.consume({ groupId: `lost-answer-${randomUUID()}`, topics: [topic], handle: async (message) => void seen.push(message.value.toString()) });
    try {
      await bus.publish(topic, [{ key: 'gallium', value: 'first' }]);
      network.losing = true;
      await expect(bus.publish(topic, [{ key: 'gallium', value: 'answer lost' }])).rejects.toThrow();
      network.losing = false;
      await bus.publish(topic, [{ key: 'germanium', value: 'acknowledged after' }]);

      await eventually(() => seen.includes('acknowledged after'), 'the message acknowledged after the lost answer', 20_000);
      expect(seen).toContain('answer lost');
    } finally {
      await consumer.stop();
      await Promise.all([bus.close(), reader.close()]);
    }
  }, 60_000);
});
