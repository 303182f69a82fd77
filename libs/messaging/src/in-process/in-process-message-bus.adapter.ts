import { ConsumerHandle, ConsumerOptions, MessageBus, OutgoingMessage } from '../messaging.port';
import { defaultMessagingLogger, MessagingLogger } from '../logger';
import { topicSpecs, TopicSpec } from '../topics';
import { BackoffPolicy, DEFAULT_BACKOFF } from '../shared/backoff';
import { consumerStopSignal } from '../shared/key-runs';
import { InProcessConsumerGroup } from './consumer-group';
import { TopicLog, Wakeup } from './partition-log';

export interface InProcessMessageBusOptions {
  /** Topics that exist (created up front, like on the broker); default: every topic of the system. */
  readonly topics?: readonly TopicSpec[];
  readonly logger?: MessagingLogger;
  readonly backoff?: BackoffPolicy;
  /** How long stop() waits for a running handler before giving up on it (default 10 s). */
  readonly stopTimeoutMs?: number;
  /** Messages kept per partition of a topic no group consumes (default 10,000), e.g. dead letters. */
  readonly retainUnconsumed?: number;
}

/**
 * The message bus of the embedded default: the semantics of the Kafka adapter (partitions by key,
 * consumer groups, commit after the handler, retries, dead letters) inside one process. Messages live in
 * memory: what was published but not yet handled is lost if the process dies.
 */
export class InProcessMessageBus implements MessageBus {
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, InProcessConsumerGroup>();
  private readonly consumers = new Set<ConsumerHandle>();
  private readonly wakeup = new Wakeup();
  private readonly logger: MessagingLogger;
  private closed = false;

  constructor(private readonly options: InProcessMessageBusOptions = {}) {
    this.logger = options.logger ?? defaultMessagingLogger();
    for (const spec of options.topics ?? topicSpecs()) this.topics.set(spec.name, new TopicLog(spec.name, spec.partitions));
  }

  /** Nothing to connect to; kept so both adapters start the same way. */
  async connect(): Promise<void> {
    this.assertOpen();
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const log = this.topic(topic);
    for (const { key, value, headers } of messages) {
      log.partitions[log.partitionOf(key)].append({ key, value: Buffer.from(value, 'utf8'), headers: { ...headers } });
    }
    this.trim(topic);
    this.wakeup.notify();
  }

  async consume(options: ConsumerOptions): Promise<ConsumerHandle> {
    this.assertOpen();
    options.topics.forEach((name) => this.topic(name));
    const group = this.group(options.groupId);
    // One worker per partition of every topic it reads, each handling a run at a time.
    const controller = consumerStopSignal(options.topics.reduce((partitions, name) => partitions + this.topic(name).partitions.length, 0));
    const member = {
      topics: new Set(options.topics),
      controller,
      inFlight: new Set<Promise<unknown>>(),
      context: {
        groupId: options.groupId,
        handle: options.handle,
        publish: (topic: string, messages: readonly OutgoingMessage[]) => this.publish(topic, messages),
        backoff: this.options.backoff ?? DEFAULT_BACKOFF,
        logger: this.logger,
        signal: controller.signal,
      },
    };
    group.join(member);
    let stopping: Promise<void> | undefined;
    const handle: ConsumerHandle = {
      stop: () => (stopping ??= this.leave(group, member, handle)),
    };
    this.consumers.add(handle);
    return handle;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.closed = true;
    this.wakeup.notify();
  }

  private async leave(group: InProcessConsumerGroup, member: Parameters<InProcessConsumerGroup['leave']>[0], handle: ConsumerHandle): Promise<void> {
    const timeoutMs = this.options.stopTimeoutMs ?? 10_000;
    const settled = await group.leave(member, timeoutMs);
    this.consumers.delete(handle);
    if (!settled) this.logger.warn('A handler was still running when its consumer stopped', { groupId: group.groupId, timeoutMs });
  }

  private topic(name: string): TopicLog {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`Unknown topic "${name}": topics are created up front (see topics.ts)`);
    return topic;
  }

  private group(groupId: string): InProcessConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new InProcessConsumerGroup(groupId, {
        wakeup: this.wakeup,
        isClosed: () => this.closed,
        topic: (name) => this.topic(name),
        committed: (topic) => this.trim(topic),
      });
      this.groups.set(groupId, group);
    }
    return group;
  }

  /** Keeps memory bounded: drops what every subscribed group has committed, or the oldest if none consumes. */
  private trim(name: string): void {
    const topic = this.topic(name);
    const groups = [...this.groups.values()].filter((group) => group.subscribesTo(name));
    topic.partitions.forEach((log, partition) => {
      if (groups.length === 0) return log.trimBefore(log.end - (this.options.retainUnconsumed ?? 10_000));
      const committed = groups.map((group) => group.committedOffset(name, partition) ?? log.start);
      log.trimBefore(Math.min(...committed));
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The message bus is closed');
  }
}
