import { randomUUID } from 'node:crypto';
import { KafkaMessageBus } from '@imera/messaging';
import { loadAppConfig, MESSAGE_BUS } from '@imera/platform';
import { deleteTestTopics } from '../../../libs/messaging/src/kafka/testing/delete-test-topics';
import { testKafkaBrokers } from '../../../test/kafka/local-broker';
import { describeIntake } from './intake-scenarios';
import { IntakeHarness } from './intake-harness';

/**
 * The intake scenarios over the real Kafka broker, configured as an operator would (KAFKA_BROKERS), under a
 * topic prefix of this run's own (KAFKA_TOPIC_PREFIX), so no other suite on the shared broker sees its
 * topics or consumer groups, nor it theirs.
 */
const PREFIX = `intake-${randomUUID().slice(0, 8)}.`;

afterAll(() => deleteTestTopics(testKafkaBrokers(), [PREFIX]), 30_000);

describeIntake('real Kafka broker', async () => {
  const { kafkaBrokers, kafkaTopicPrefix } = loadAppConfig({ KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: PREFIX });
  const harness = await IntakeHarness.start({ kafkaBrokers, kafkaTopicPrefix });
  // The scenarios must really travel through the broker, under this run's prefix.
  const bus = harness.app.get(MESSAGE_BUS);
  if (!(bus instanceof KafkaMessageBus) || bus.topicPrefix !== PREFIX) throw new Error('the intake app is not on the Kafka bus with this run\'s prefix');
  return harness;
});
