import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from '../../../../test/kafka/local-broker';
import { eventually } from '../contract/message-bus.contract';
import { silentMessagingLogger } from '../logger';
import { IncomingMessage, PoisonMessageError } from '../messaging.port';
import { DeadLetterHeaders } from '../shared/dead-letter';
import { deadLetterTopic, topicSpecs } from '../topics';
import { KafkaMessageBus } from './kafka-message-bus.adapter';
import { deleteTestTopics } from './testing/delete-test-topics';
import { TEST_CONSUMER_TIMING } from './testing/test-timing';

const run = randomUUID().slice(0, 8);
const ORDERS = 'prefix-test.orders';
const prefixes = { a: `ns-a-${run}.`, b: `ns-b-${run}.` };

function busWithPrefix(topicPrefix: string): KafkaMessageBus {
  return new KafkaMessageBus({
    brokers: testKafkaBrokers(),
    clientId: 'imera-prefix-test',
    topicPrefix,
    topics: topicSpecs([ORDERS], 2),
    logger: silentMessagingLogger,
    backoff: { initialMs: 20, maxMs: 200, factor: 2 },
    stopTimeoutMs: 1_000,
    consumerTiming: TEST_CONSUMER_TIMING,
  });
}

/** Two deployments on one broker, each with its own KAFKA_TOPIC_PREFIX, under the same logical names. */
describe('Kafka message bus with a topic prefix', () => {
  const buses = { a: busWithPrefix(prefixes.a), b: busWithPrefix(prefixes.b) };
  const admin = new Kafka({ clientId: 'imera-prefix-test-admin', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();

  beforeAll(async () => {
    await Promise.all([buses.a.connect(), buses.b.connect(), admin.connect()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([buses.a.close(), buses.b.close()]);
    await admin.disconnect();
    await deleteTestTopics(testKafkaBrokers(), Object.values(prefixes));
  }, 60_000);

  it('creates its topics under the prefix and keeps the logical names for the application', async () => {
    const topics = await admin.listTopics();
    for (const prefix of Object.values(prefixes)) expect(topics).toEqual(expect.arrayContaining([`${prefix}${ORDERS}`, `${prefix}${deadLetterTopic(ORDERS)}`]));
    expect(topics).not.toContain(ORDERS);
    expect(buses.a.topicPrefix).toBe(prefixes.a);
  });

  it('carries messages only within one prefix, for consumer groups of the same name, and dead-letters under the prefix', async () => {
    const seen = { a: [] as IncomingMessage[], b: [] as IncomingMessage[], letters: [] as IncomingMessage[] };
    const handler = (into: IncomingMessage[]) => async (message: IncomingMessage) => {
      if (message.value.toString() === 'poison') throw new PoisonMessageError('not an order');
      into.push(message);
    };
    const consumers = [
      await buses.a.consume({ groupId: 'order-recorder', topics: [ORDERS], handle: handler(seen.a) }),
      await buses.b.consume({ groupId: 'order-recorder', topics: [ORDERS], handle: handler(seen.b) }),
      await buses.a.consume({ groupId: 'order-letters', topics: [deadLetterTopic(ORDERS)], handle: async (message) => void seen.letters.push(message) }),
    ];
    try {
      await buses.a.publish(ORDERS, [{ key: 'gallium', value: 'from a' }, { key: 'gallium', value: 'poison' }]);
      await buses.b.publish(ORDERS, [{ key: 'gallium', value: 'from b' }]);
      await eventually(() => seen.a.length === 1 && seen.b.length === 1 && seen.letters.length === 1, 'each side to get its own message', 30_000);
      // A moment more: nothing of the other prefix may arrive late.
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      expect(seen.a.map((message) => [message.topic, message.value.toString()])).toEqual([[ORDERS, 'from a']]);
      expect(seen.b.map((message) => [message.topic, message.value.toString()])).toEqual([[ORDERS, 'from b']]);
      expect(seen.letters).toHaveLength(1);
      expect(seen.letters[0].topic).toBe(deadLetterTopic(ORDERS));
      expect(seen.letters[0].headers[DeadLetterHeaders.sourceTopic]).toBe(ORDERS);
      expect(seen.letters[0].headers[DeadLetterHeaders.reason]).toBe('not an order');

      const groups = (await admin.listGroups()).groups.map((group) => group.groupId);
      expect(groups).toEqual(expect.arrayContaining([`${prefixes.a}order-recorder`, `${prefixes.b}order-recorder`, `${prefixes.a}order-letters`]));
      expect(groups).not.toContain('order-recorder');
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    }
  }, 60_000);

  it('refuses a prefix that is not a valid part of a topic name', () => {
    expect(() => busWithPrefix('has space/')).toThrow(/letters, digits/);
  });
});
