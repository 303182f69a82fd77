import { join } from 'node:path';
import { PrivateKafka } from '../http/private-kafka';
import { KafkaAvailability } from './section';

export type KafkaChoice = 'auto' | 'on' | 'off';

/**
 * The Kafka broker the sections share in one run: started on first use (a broker takes half a minute to
 * start here), stopped at the end. `auto` starts one in a full run and skips Kafka in a quick run.
 */
export class KafkaForRun {
  private started: Promise<PrivateKafka> | undefined;

  constructor(private readonly choice: KafkaChoice, private readonly mode: 'full' | 'quick', private readonly projectRoot: string, private readonly workDir: string, private readonly log: (line: string) => void) {}

  async availability(): Promise<KafkaAvailability> {
    if (this.choice === 'off' || (this.choice === 'auto' && this.mode === 'quick')) {
      return { skipped: this.choice === 'off' ? 'Kafka switched off (--kafka off)' : 'quick run: Kafka only with --kafka on' };
    }
    if (!this.started) {
      this.log('starting a private Kafka broker (infra/kafka-local/kafka.sh)');
      this.started = PrivateKafka.start(this.projectRoot, join(this.workDir, 'kafka'));
    }
    return { brokers: (await this.started).brokers };
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    const kafka = await this.started.catch(() => undefined);
    if (kafka) {
      this.log('stopping the private Kafka broker');
      await kafka.stop();
    }
  }
}
