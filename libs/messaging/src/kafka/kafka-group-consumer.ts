import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { ConsumerHandle, ConsumerOptions, IncomingMessage, MessageBus } from '../messaging.port';
import { MessagingLogger } from '../logger';
import { BackoffPolicy, backoffDelay, pause, settledWithin } from '../shared/backoff';
import { deliver, DeliveryOutcome } from '../shared/delivery';
import { committable, consumerStopSignal, MAX_RUN, runOfDistinctKeys } from '../shared/key-runs';
import { KafkaNamespace } from './kafka-namespace';
import { KafkaConsumerTiming } from './kafka-options';

export interface GroupConsumerSettings {
  readonly kafka: Kafka;
  /** Publishes under logical topic names (the dead letters). */
  readonly publish: MessageBus['publish'];
  /** Maps the logical topic and group names to the broker's. */
  readonly namespace: KafkaNamespace;
  readonly logger: MessagingLogger;
  readonly backoff: BackoffPolicy;
  readonly timing: KafkaConsumerTiming;
  readonly stopTimeoutMs: number;
  readonly joinTimeoutMs: number;
}

/**
 * One member of a Kafka consumer group. Offsets are resolved one message at a time, only after the
 * handler resolved (or the message went to the dead-letter topic); kafkajs commits resolved offsets after
 * each batch, every second, before a rebalance and on stop. So a commit never runs ahead of the handler.
 */
export class KafkaGroupConsumer implements ConsumerHandle {
  private consumer: Consumer | undefined;
  private readonly controller: AbortController;
  private stopping: Promise<void> | undefined;
  private restarts = 0;

  constructor(private readonly options: ConsumerOptions, private readonly settings: GroupConsumerSettings) {
    this.controller = consumerStopSignal(settings.timing.partitionsConsumedConcurrently);
  }

  /** Starts consuming; resolves once the group assigned partitions (or after the join timeout). */
  async start(): Promise<void> {
    const consumer = this.createConsumer();
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics.map((topic) => this.settings.namespace.topic(topic)), fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.timing.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    if (!(await settledWithin(joined, this.settings.joinTimeoutMs))) {
      this.settings.logger.warn('Consumer has not joined its group yet; it keeps trying', { groupId: this.options.groupId });
    }
  }

  stop(): Promise<void> {
    return (this.stopping ??= this.shutDown());
  }

  private createConsumer(): Consumer {
    const { timing } = this.settings;
    const consumer = this.settings.kafka.consumer({
      groupId: this.settings.namespace.group(this.options.groupId),
      sessionTimeout: timing.sessionTimeoutMs,
      heartbeatInterval: timing.heartbeatIntervalMs,
      rebalanceTimeout: timing.rebalanceTimeoutMs,
      maxWaitTimeInMs: timing.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) void this.restartAfterCrash(payload.error);
    });
    this.consumer = consumer;
    return consumer;
  }

  /** kafkajs restarts itself after retriable errors; after any other crash this member starts anew. */
  private async restartAfterCrash(error: Error): Promise<void> {
    if (this.controller.signal.aborted) return;
    this.restarts += 1;
    const delay = backoffDelay(this.settings.backoff, this.restarts);
    this.settings.logger.error('Consumer crashed; starting it again', { groupId: this.options.groupId, error: error.message, delayMs: delay });
    await pause(delay, this.controller.signal);
    if (this.controller.signal.aborted) return;
    await this.start().catch((failure: Error) => this.restartAfterCrash(failure));
  }

  /** Runs of messages with distinct keys are handled at once (see key-runs.ts); offsets move on per run. */
  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    const topic = this.settings.namespace.logicalTopic(batch.topic);
    for (let next = 0; next < batch.messages.length; ) {
      if (!isRunning() || isStale() || this.controller.signal.aborted) return;
      const run = runOfDistinctKeys(batch.messages.slice(next, next + MAX_RUN).map((raw) => ({ raw, key: raw.key?.toString('utf8') })));
      const outcomes = await Promise.all(run.map(({ raw }) => this.deliverAlive(toIncoming(topic, batch.partition, raw), heartbeat)));
      const done = committable(outcomes);
      if (done > 0) resolveOffset(run[done - 1].raw.offset);
      if (done < run.length) return;
      next += done;
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /**
   * Delivers while heartbeating, so a long handler or a long retry does not get this member thrown out of
   * its group. Once stop() is called the handler gets stopTimeoutMs to finish; after that the message is
   * left uncommitted (it will be delivered again) and the member leaves.
   */
  private async deliverAlive(message: IncomingMessage, heartbeat: () => Promise<void>): Promise<DeliveryOutcome> {
    const beat = setInterval(() => heartbeat().catch(() => undefined), this.settings.timing.heartbeatIntervalMs);
    const stopped = whenAborted(this.controller.signal);
    try {
      const delivery = deliver(message, {
        groupId: this.options.groupId,
        handle: this.options.handle,
        publish: this.settings.publish,
        backoff: this.settings.backoff,
        logger: this.settings.logger,
        signal: this.controller.signal,
      });
      const first = await Promise.race([delivery, stopped.promise]);
      if (first !== 'stopped') return first;
      if (await settledWithin(delivery, this.settings.stopTimeoutMs)) return delivery;
      this.settings.logger.warn('A handler was still running when its consumer stopped', { groupId: this.options.groupId });
      return 'abandoned';
    } finally {
      clearInterval(beat);
      stopped.dispose();
    }
  }

  private async shutDown(): Promise<void> {
    this.controller.abort();
    const consumer = this.consumer;
    if (!consumer) return;
    // kafkajs waits for the running batch (bounded above) and then leaves the group; bound that too.
    const disconnected = settledWithin(consumer.disconnect(), this.settings.stopTimeoutMs + 5_000);
    if (!(await disconnected)) this.settings.logger.warn('Consumer did not disconnect in time; left behind', { groupId: this.options.groupId });
  }
}

function whenAborted(signal: AbortSignal): { promise: Promise<'stopped'>; dispose: () => void } {
  let listener = () => undefined as void;
  const promise = new Promise<'stopped'>((resolve) => {
    listener = () => resolve('stopped');
    if (signal.aborted) resolve('stopped');
    else signal.addEventListener('abort', listener, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', listener) };
}

function toIncoming(topic: string, partition: number, raw: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: raw.offset,
    key: raw.key?.toString('utf8'),
    value: raw.value ?? Buffer.alloc(0),
    headers: headersOf(raw.headers),
  };
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    result[name] = last.toString();
  }
  return result;
}
