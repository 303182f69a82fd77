import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaMessageBus } from '@imera/messaging';
import { loadAppConfig, MESSAGE_BUS, RECORDER_GROUP } from '@imera/platform';
import { deleteTestTopics } from '../../../libs/messaging/src/kafka/testing/delete-test-topics';
import { testKafkaBrokers } from '../../../test/kafka/local-broker';
import { IntakeHarness } from './intake-harness';

/**
 * A topic prefix of this test file's own (KAFKA_TOPIC_PREFIX), so no other suite on the shared broker sees
 * its topics or consumer groups, nor it theirs. Its topics are deleted after the file.
 */
export function runPrefix(name: string): string {
  const prefix = `${name}-${randomUUID().slice(0, 8)}.`;
  afterAll(() => deleteTestTopics(testKafkaBrokers(), [prefix]), 30_000);
  return prefix;
}

/** The intake app over the real broker, configured as an operator would (KAFKA_BROKERS, KAFKA_TOPIC_PREFIX). */
export async function startOverKafka(prefix: string, now?: string): Promise<IntakeHarness> {
  const { kafkaBrokers, kafkaTopicPrefix } = loadAppConfig({ KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix });
  const harness = await IntakeHarness.start({ kafkaBrokers, kafkaTopicPrefix, now });
  // The scenarios must really travel through the broker, under this run's prefix.
  const bus = harness.app.get(MESSAGE_BUS);
  if (!(bus instanceof KafkaMessageBus) || bus.topicPrefix !== prefix) {
    await harness.stop();
    throw new Error("the intake app is not on the Kafka bus with this run's prefix");
  }
  return harness;
}

/**
 * While the app is down: moves the event recorder's committed offsets on `topic` back to the start, so on
 * its next start the recorder receives again every message it has already recorded (as after a crash
 * between appending and committing).
 */
export async function rewindRecorder(prefix: string, topic: string): Promise<void> {
  const admin = new Kafka({ clientId: 'imera-test-rewind', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  const groupId = `${prefix}${RECORDER_GROUP}`;
  await admin.connect();
  try {
    await untilGroupEmpty(admin, groupId);
    const committed = () => admin.fetchOffsets({ groupId, topics: [`${prefix}${topic}`] }).then(([{ partitions }]) => partitions.map(({ offset }) => Number(offset)));
    if (!(await committed()).some((offset) => offset > 0)) throw new Error(`the recorder has recorded nothing on ${topic} yet, so there is nothing to deliver again`);
    await admin.resetOffsets({ groupId, topic: `${prefix}${topic}`, earliest: true });
    if ((await committed()).some((offset) => offset > 0)) throw new Error(`the recorder's offsets on ${topic} were not rewound`);
  } finally {
    await admin.disconnect();
  }
}

async function untilGroupEmpty(admin: ReturnType<Kafka['admin']>, groupId: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { groups } = await admin.describeGroups([groupId]);
    if (groups[0].members.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`consumer group ${groupId} still has members: is the app still running?`);
}
