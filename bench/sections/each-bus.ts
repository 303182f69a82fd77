import { join } from 'node:path';
import { BenchContext, KafkaAvailability } from './section';

export interface OnEachBus<T> {
  readonly embedded: T;
  /** Absent when the run has no Kafka broker (`kafka` says why). */
  readonly overKafka?: T;
  readonly kafka: KafkaAvailability;
  /** A figure note saying why the Kafka figures are missing, or nothing. */
  readonly kafkaNote: { note?: string };
}

/**
 * A section's measurement with the embedded message bus (data under `embedded/`), then again with the run's
 * Kafka broker as the bus (data under `kafka/`), or a logged reason why not. `label` starts the log lines.
 */
export async function onEachBus<T>(context: BenchContext, label: string, measure: (dataDir: string, env: Record<string, string>) => Promise<T>): Promise<OnEachBus<T>> {
  const embedded = await measure(join(context.workDir, 'embedded'), {});
  const kafka = await context.kafka();
  if (!('brokers' in kafka)) {
    context.log(`${label} over Kafka skipped: ${kafka.skipped}`);
    return { embedded, kafka, kafkaNote: { note: kafka.skipped } };
  }
  context.log(`${label}: the same over Kafka (${kafka.brokers.join(',')})`);
  const overKafka = await measure(join(context.workDir, 'kafka'), { KAFKA_BROKERS: kafka.brokers.join(',') });
  return { embedded, overKafka, kafka, kafkaNote: {} };
}
