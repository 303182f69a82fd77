// Exits 0 once the broker answers an admin round trip (metadata and topic list), 1 otherwise.
// Used by kafka.sh after the broker logged that it started.
const { Kafka, logLevel } = require('kafkajs');

async function main() {
  const broker = process.argv[2] ?? '127.0.0.1:9092';
  const kafka = new Kafka({
    clientId: 'imera-kafka-local-ready-check',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    const topics = await admin.listTopics();
    console.log(`broker ${broker} ready: ${cluster.brokers.length} broker(s), ${topics.length} topic(s)`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(`broker not ready: ${error.message}`);
  process.exit(1);
});
