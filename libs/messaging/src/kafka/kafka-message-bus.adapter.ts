import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { ConsumerHandle, ConsumerOptions, MessageBus, OutgoingMessage } from '../messaging.port';
import { defaultMessagingLogger, MessagingLogger } from '../logger';
import { topicSpecs } from '../topics';
import { DEFAULT_BACKOFF, settledWithin } from '../shared/backoff';
import { KafkaGroupConsumer } from './kafka-group-consumer';
import { DEFAULT_CONSUMER_TIMING, KafkaMessageBusOptions } from './kafka-options';
import { kafkajsLogCreator } from './kafkajs-logging';
import { KafkaNamespace } from './kafka-namespace';
import { ensureTopics } from './topic-setup';

/**
 * The message bus on Apache Kafka (kafkajs). Publishing waits for acks from all in-sync replicas, one
 * request in flight so a partition keeps the order; consuming follows the shared delivery rules (commit after
 * the handler, back-off on transient errors, dead letters for poison). connect() creates the topics up front.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly logger: MessagingLogger;
  private readonly consumers = new Set<KafkaGroupConsumer>();
  private readonly namespace: KafkaNamespace;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: KafkaMessageBusOptions) {
    if (options.brokers.length === 0) throw new Error('The Kafka message bus needs at least one broker');
    this.logger = options.logger ?? defaultMessagingLogger();
    this.namespace = new KafkaNamespace(options.topicPrefix);
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'imera',
      brokers: [...options.brokers],
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      // Connection attempts: a few seconds' worth. Longer outages are ridden out by the producer's and the
      // consumers' own retries and by connect() being retried by its caller.
      retry: { initialRetryTime: 200, maxRetryTime: 2_000, retries: 4 },
      logLevel: logLevel.WARN,
      logCreator: kafkajsLogCreator(this.logger),
      ...(options.socketFactory ? { socketFactory: options.socketFactory } : {}),
    });
    this.producer = this.kafka.producer({
      // Not kafkajs's idempotent producer: after a publish that failed for its caller although the broker
      // stored it (a lost answer), it gives the next message the same sequence number, and the broker
      // acknowledges that message as a duplicate without storing it (ADR 0026). Consumers are idempotent
      // on event ids, so a message stored twice is harmless; one acknowledged and dropped is not.
      idempotent: false,
      maxInFlightRequests: 1,
      // murmur2 on the key, as Java clients do: one key, one partition, whichever client published it.
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      // Bounded, so a publish during a long outage fails (and the caller can answer "try later") instead
      // of hanging. A retried publish may store a message twice: consumers are idempotent on event ids.
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: options.publishRetries ?? 10 },
    });
  }

  /** The prefix before every topic and group name on the broker ('' for none). */
  get topicPrefix(): string {
    return this.namespace.prefix;
  }

  /** Connects the producer and creates missing topics. Safe to call again; a failed attempt can be retried. */
  connect(): Promise<void> {
    this.assertOpen();
    this.connecting ??= this.establish().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    await this.connect();
    await this.producer.send({
      topic: this.namespace.topic(topic),
      acks: -1,
      messages: messages.map(({ key, value, headers }) => ({ key, value, headers: headers ? { ...headers } : undefined })),
    });
  }

  async consume(options: ConsumerOptions): Promise<ConsumerHandle> {
    this.assertOpen();
    await this.connect();
    const consumer = new KafkaGroupConsumer(options, {
      kafka: this.kafka,
      publish: (topic, messages) => this.publish(topic, messages),
      namespace: this.namespace,
      logger: this.logger,
      backoff: this.options.backoff ?? DEFAULT_BACKOFF,
      timing: { ...DEFAULT_CONSUMER_TIMING, ...this.options.consumerTiming },
      stopTimeoutMs: this.options.stopTimeoutMs ?? 10_000,
      joinTimeoutMs: this.options.joinTimeoutMs ?? 30_000,
    });
    this.consumers.add(consumer);
    try {
      await consumer.start();
    } catch (error) {
      await consumer.stop();
      this.consumers.delete(consumer);
      throw error;
    }
    return { stop: () => consumer.stop().finally(() => this.consumers.delete(consumer)) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    if (!(await settledWithin(this.producer.disconnect(), 10_000))) this.logger.warn('Kafka producer did not disconnect in time');
  }

  private async establish(): Promise<void> {
    // Few retries here: callers that must wait for the broker retry connect() with their own (abortable)
    // back-off, so close() never leaves a long kafkajs retry running behind it.
    const admin = this.kafka.admin({ retry: { initialRetryTime: 200, maxRetryTime: 1_000, retries: 2 } });
    await admin.connect();
    try {
      const specs = (this.options.topics ?? topicSpecs()).map((spec) => ({ ...spec, name: this.namespace.topic(spec.name) }));
      await ensureTopics(admin, specs, this.logger);
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The message bus is closed');
  }
}
