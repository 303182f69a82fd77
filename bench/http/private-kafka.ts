import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../test/support/system-process';

const run = promisify(execFile);

/**
 * A real single-node Kafka broker of this run only (`infra/kafka-local/kafka.sh` on a free port with its
 * own run directory under the scratch directory), so it never meets a broker of a test suite.
 */
export class PrivateKafka {
  private constructor(private readonly script: string, private readonly env: NodeJS.ProcessEnv, readonly brokers: readonly string[]) {}

  static async start(projectRoot: string, runDir: string): Promise<PrivateKafka> {
    const port = await freePort();
    let controllerPort = await freePort();
    while (controllerPort === port) controllerPort = await freePort();
    const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_RUN_DIR: runDir };
    const kafka = new PrivateKafka(join(projectRoot, 'infra', 'kafka-local', 'kafka.sh'), env, [`127.0.0.1:${port}`]);
    try {
      await run('bash', [kafka.script, 'start'], { env, timeout: 600_000 });
    } catch (error) {
      await kafka.stop().catch(() => undefined);
      throw error;
    }
    return kafka;
  }

  async stop(): Promise<void> {
    await run('bash', [this.script, 'stop'], { env: this.env, timeout: 120_000 });
  }
}
