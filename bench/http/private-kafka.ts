import { runKafkaScript } from '../../test/support/kafka-script';
import { freePort } from '../../test/support/system-process';

/**
 * A real single-node Kafka broker of this run only (`infra/kafka-local/kafka.sh` on a free port with its
 * own run directory under the scratch directory, started as the Kafka test suites start theirs), so it
 * never meets a broker of a test suite.
 */
export class PrivateKafka {
  private constructor(private readonly projectRoot: string, private readonly env: Record<string, string>, readonly brokers: readonly string[]) {}

  static async start(projectRoot: string, runDir: string): Promise<PrivateKafka> {
    const port = await freePort();
    let controllerPort = await freePort();
    while (controllerPort === port) controllerPort = await freePort();
    const env = { KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_RUN_DIR: runDir };
    const kafka = new PrivateKafka(projectRoot, env, [`127.0.0.1:${port}`]);
    const started = await runKafkaScript('start', env, projectRoot);
    if (started.code !== 0) {
      await kafka.stop().catch(() => undefined);
      throw new Error(`kafka.sh start failed (${started.code}): ${started.output.slice(-2_000)}`);
    }
    return kafka;
  }

  async stop(): Promise<void> {
    const stopped = await runKafkaScript('stop', this.env, this.projectRoot);
    if (stopped.code !== 0) throw new Error(`kafka.sh stop failed (${stopped.code}): ${stopped.output.slice(-2_000)}`);
  }
}
