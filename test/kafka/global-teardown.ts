import { runKafkaScript } from './local-broker';

/** Stops the local broker if (and only if) the global setup started it. */
export default async function stopKafkaAfterTests(): Promise<void> {
  if (process.env.IMERA_TEST_KAFKA_STARTED_BY_TESTS !== '1') return;
  delete process.env.IMERA_TEST_KAFKA_STARTED_BY_TESTS;
  const stopped = await runKafkaScript('stop');
  if (stopped.code !== 0) process.stderr.write(`Stopping the local Kafka broker failed:\n${stopped.output}\n`);
}
