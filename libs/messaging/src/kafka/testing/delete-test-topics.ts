import { Kafka, logLevel } from 'kafkajs';

/** Removes the throw-away topics a test run created, so a developer's local broker does not pile them up. */
export async function deleteTestTopics(brokers: readonly string[], prefixes: readonly string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'imera-test-cleanup', brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => prefixes.some((prefix) => topic.startsWith(prefix)));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}
