import { Admin } from 'kafkajs';
import { MessagingLogger } from '../logger';
import { TopicSpec } from '../topics';

/**
 * Creates the missing topics (replication from the broker's default) and checks the partition counts of
 * existing ones. A count is never changed here: more partitions would move keys and break their order.
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[], logger: MessagingLogger): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        topics: missing.map((spec) => ({ topic: spec.name, numPartitions: spec.partitions })),
        waitForLeaders: true,
      });
      logger.info('Kafka topics created', { topics: missing.map((spec) => spec.name) });
    } catch (error) {
      // Another instance may have created them at the same moment; the check below decides.
      logger.debug('Topic creation reported an error; checking what exists', { error: String(error) });
    }
  }
  await checkPartitions(admin, specs, logger);
}

async function checkPartitions(admin: Admin, specs: readonly TopicSpec[], logger: MessagingLogger): Promise<void> {
  const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.name) });
  for (const spec of specs) {
    const found = topics.find((topic) => topic.name === spec.name);
    if (!found) throw new Error(`Kafka topic "${spec.name}" does not exist and could not be created`);
    if (found.partitions.length !== spec.partitions) {
      logger.warn('Kafka topic has another partition count than configured; keeping it', {
        topic: spec.name,
        partitions: found.partitions.length,
        configured: spec.partitions,
      });
    }
  }
}
