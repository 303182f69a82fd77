import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { IncomingMessage } from '../messaging.port';
import { settledWithin } from '../shared/backoff';
import { deliver, DeliveryContext, DeliveryOutcome } from '../shared/delivery';
import { committable, MAX_RUN, runOfDistinctKeys } from '../shared/key-runs';
import { StoredMessage, TopicLog, Wakeup } from './partition-log';

export interface GroupMember {
  readonly topics: ReadonlySet<string>;
  readonly context: DeliveryContext;
  readonly controller: AbortController;
  readonly inFlight: Set<Promise<unknown>>;
}

/** What a group needs from the bus that owns it. */
export interface GroupHost {
  readonly wakeup: Wakeup;
  isClosed(): boolean;
  topic(name: string): TopicLog;
  /** Called after a commit so the bus can drop messages every group has consumed. */
  committed(topic: string): void;
}

/**
 * A consumer group in one process, with Kafka's semantics: each partition is worked by one loop, which hands
 * out runs of messages with distinct keys at once, so a key's messages are handled one at a time and in
 * order; partitions are shared round-robin among the members; the offset moves on only after the handlers
 * of a run resolved or their messages were dead-lettered.
 */
export class InProcessConsumerGroup {
  private members: GroupMember[] = [];
  private readonly offsets = new Map<string, number>();
  private readonly workers = new Map<string, Promise<void>>();

  constructor(readonly groupId: string, private readonly host: GroupHost) {}

  join(member: GroupMember): void {
    this.members.push(member);
    for (const name of member.topics) {
      const topic = this.host.topic(name);
      topic.partitions.forEach((_, partition) => this.ensureWorker(topic, partition));
    }
    this.host.wakeup.notify();
  }

  /** Stops handing messages to the member and waits (bounded) for its running handler calls. */
  async leave(member: GroupMember, timeoutMs: number): Promise<boolean> {
    this.members = this.members.filter((other) => other !== member);
    member.controller.abort();
    this.host.wakeup.notify();
    return settledWithin(Promise.all(member.inFlight), timeoutMs);
  }

  subscribesTo(topic: string): boolean {
    return [...this.workers.keys()].some((key) => key.startsWith(`${topic}#`));
  }

  /** Next offset to consume; undefined when nothing was committed yet. */
  committedOffset(topic: string, partition: number): number | undefined {
    return this.offsets.get(`${topic}#${partition}`);
  }

  /** Resolves once every partition loop has ended (after the bus closed). */
  async drained(): Promise<void> {
    await Promise.all(this.workers.values());
  }

  private ownerOf(topic: string, partition: number): GroupMember | undefined {
    const candidates = this.members.filter((member) => member.topics.has(topic));
    return candidates.length === 0 ? undefined : candidates[partition % candidates.length];
  }

  private ensureWorker(topic: TopicLog, partition: number): void {
    const key = `${topic.name}#${partition}`;
    if (!this.workers.has(key)) this.workers.set(key, this.work(topic, partition, key));
  }

  private async work(topic: TopicLog, partition: number, key: string): Promise<void> {
    const log = topic.partitions[partition];
    for (let handled = 0; !this.host.isClosed(); ) {
      const woken = this.host.wakeup.next();
      const offset = Math.max(this.offsets.get(key) ?? log.start, log.start);
      const member = log.at(offset) && this.ownerOf(topic.name, partition);
      if (!member) {
        await woken;
        continue;
      }
      const run = runOfDistinctKeys(backlog(log, offset));
      const outcomes = await Promise.all(run.map((stored, index) => this.deliverTo(member, { topic: topic.name, partition, offset: String(offset + index), ...stored })));
      const done = committable(outcomes);
      if (done === 0) continue;
      this.offsets.set(key, offset + done);
      this.host.committed(topic.name);
      // A long backlog of instantly handled messages must not starve timers and I/O.
      handled += done;
      if (handled >= 100) {
        handled = 0;
        await yieldToEventLoop();
      }
    }
  }

  private deliverTo(member: GroupMember, message: IncomingMessage): Promise<DeliveryOutcome> {
    const delivery = deliver(message, member.context);
    member.inFlight.add(delivery);
    return delivery.finally(() => member.inFlight.delete(delivery));
  }
}

/** The messages from `offset` on, up to the longest run the consumer would take. */
function backlog(log: TopicLog['partitions'][number], offset: number): StoredMessage[] {
  const messages: StoredMessage[] = [];
  for (let at = offset; messages.length < MAX_RUN; at++) {
    const stored = log.at(at);
    if (!stored) break;
    messages.push(stored);
  }
  return messages;
}
