import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const script = join(root, 'infra', 'kafka-local', 'kafka.sh');

export interface ScriptResult {
  readonly code: number;
  readonly output: string;
}

/** Runs `infra/kafka-local/kafka.sh <command>` with extra environment (KAFKA_PORT, KAFKA_RUN_DIR...). */
export function runKafkaScript(command: 'start' | 'stop' | 'status', env: Record<string, string> = {}): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, command], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

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
