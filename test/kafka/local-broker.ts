import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export { runKafkaScript } from '../support/kafka-script';
export type { ScriptResult } from '../support/kafka-script';

/** Whether a broker answers an admin round trip at this address (ours or anyone's). */
export async function brokerAnswers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'infra', 'kafka-local', 'ready-check.js'), address], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/** Brokers for the Kafka suites, or a failure that says why there are none (those suites must fail, not skip). */
export function testKafkaBrokers(): string[] {
  const error = process.env.IMERA_TEST_KAFKA_ERROR;
  if (error) throw new Error(`The local Kafka broker could not be started, so this Kafka suite cannot run:\n${error}`);
  const brokers = process.env.KAFKA_BROKERS ?? process.env.IMERA_TEST_KAFKA_BROKERS;
  if (!brokers) {
    throw new Error('No Kafka broker: run this suite through Jest (its "kafka" project starts a local broker) or set KAFKA_BROKERS');
  }
  return brokers.split(',').map((broker) => broker.trim());
}
