import { Admin, Kafka, logLevel } from 'kafkajs';
import { KafkaNamespace } from '@imera/messaging';
import { ConsumerLag, ConsumerLagProbe } from './consumer-lag.port';

/** Lag from the broker: each partition's high watermark minus the group's committed offset. */
export class KafkaConsumerLagProbe implements ConsumerLagProbe {
  private admin: Admin | undefined;
  private connecting: Promise<Admin> | undefined;

  private readonly namespace: KafkaNamespace;

  /** `topicPrefix`: the bus's KAFKA_TOPIC_PREFIX; groups are looked up, and topics reported, as the app names them. */
  constructor(private readonly brokers: readonly string[], topicPrefix?: string) {
    this.namespace = new KafkaNamespace(topicPrefix);
  }

  async lag(group: string): Promise<ConsumerLag[]> {
    const admin = await this.connected();
    // Without a topic list the broker answers for every topic the group has committed offsets on.
    const committed = await admin.fetchOffsets({ groupId: this.namespace.group(group) });
    return Promise.all(
      committed.map(async ({ topic, partitions }) => {
        const ends = await admin.fetchTopicOffsets(topic);
        const lag = ends.reduce((sum, end) => {
          const done = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
          // Nothing committed yet: everything still kept on the broker is waiting.
          const from = done >= 0 ? done : Number(end.low);
          return sum + Math.max(0, Number(end.high) - from);
        }, 0);
        return { topic: this.namespace.logicalTopic(topic), lag };
      }),
    );
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connecting = undefined;
    await admin?.disconnect();
  }

  private connected(): Promise<Admin> {
    this.connecting ??= (async () => {
      const kafka = new Kafka({ clientId: 'imera-metrics', brokers: [...this.brokers], logLevel: logLevel.NOTHING, retry: { retries: 1 } });
      const admin = kafka.admin();
      try {
        await admin.connect();
      } catch (error) {
        this.connecting = undefined;
        throw error;
      }
      this.admin = admin;
      return admin;
    })();
    return this.connecting;
  }
}
