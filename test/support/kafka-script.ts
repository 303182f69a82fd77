import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface ScriptResult {
  readonly code: number;
  readonly output: string;
}

/**
 * Runs `infra/kafka-local/kafka.sh <command>` with extra environment (KAFKA_PORT, KAFKA_RUN_DIR...). The
 * project root is this file's, unless a compiled caller (the benchmark, under `dist/`) names it.
 */
export function runKafkaScript(command: 'start' | 'stop' | 'status', env: Record<string, string> = {}, projectRoot = root): Promise<ScriptResult> {
  const script = join(projectRoot, 'infra', 'kafka-local', 'kafka.sh');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, command], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
