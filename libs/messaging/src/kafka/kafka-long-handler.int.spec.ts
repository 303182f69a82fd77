import { randomUUID } from 'node:crypto';
import { testKafkaBrokers } from '../../../../test/kafka/local-broker';
import { eventually } from '../contract/message-bus.contract';
import { silentMessagingLogger } from '../logger';
import { topicSpecs } from '../topics';
import { KafkaMessageBus } from './kafka-message-bus.adapter';
import { deleteTestTopics } from './testing/delete-test-topics';

/**
 * A handler that runs longer than the group session must not cost the consumer its membership: the
 * adapter heartbeats while it runs. Without that the broker would drop the member mid-handler, the commit
 * would fail, and the message would be handled a second time.
 */
describe('Kafka consumer with a handler longer than its session', () => {
  afterAll(() => deleteTestTopics(testKafkaBrokers(), ['long-handler.']), 30_000);

  it('keeps its membership and commits, so the message is handled once', async () => {
    const topic = `long-handler.${randomUUID()}`;
    const bus = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      topics: topicSpecs([topic], 1),
      logger: silentMessagingLogger,
      stopTimeoutMs: 1_000,
      consumerTiming: { sessionTimeoutMs: 2_000, heartbeatIntervalMs: 300, rebalanceTimeoutMs: 5_000, maxWaitTimeMs: 100 },
    });
    const seen: string[] = [];
    const consumer = await bus.consume({
      groupId: `long-${randomUUID()}`,
      topics: [topic],
      handle: async (message) => {
        seen.push(message.value.toString());
        if (message.value.toString() === 'slow') await new Promise((resolve) => setTimeout(resolve, 4_000));
      },
    });
    await bus.publish(topic, [{ key: 'rare-earths', value: 'slow' }, { key: 'rare-earths', value: 'next' }]);
    await eventually(() => seen.includes('next'), 'the message after the slow one', 30_000);
    await consumer.stop();
    await bus.close();
    expect(seen).toEqual(['slow', 'next']);
  }, 60_000);
});
