import { brokerAnswers, runKafkaScript } from './local-broker';

/**
 * Jest global setup of the "kafka" project (runs only when a Kafka suite is selected): uses KAFKA_BROKERS
 * when set, else a broker already answering on 127.0.0.1:KAFKA_PORT (9092), else starts the local one
 * (infra/kafka-local; the first start fetches the jars from Maven Central). A failure does not abort the
 * whole run: it is handed to the Kafka suites, which then fail with this message.
 */
export default async function startKafkaForTests(): Promise<void> {
  if (process.env.KAFKA_BROKERS) return;
  const address = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
  process.env.IMERA_TEST_KAFKA_BROKERS = address;
  if (await brokerAnswers(address)) return;

  process.stdout.write(`\nStarting the local Kafka broker on ${address} for the Kafka suites...\n`);
  const started = await runKafkaScript('start');
  if (started.code !== 0) {
    const reason = started.output.trim().split('\n').slice(-25).join('\n');
    process.env.IMERA_TEST_KAFKA_ERROR = reason || `kafka.sh start exited with ${started.code}`;
    process.stderr.write(`Local Kafka broker failed to start; the Kafka suites will fail:\n${reason}\n`);
    return;
  }
  process.env.IMERA_TEST_KAFKA_STARTED_BY_TESTS = '1';
}
