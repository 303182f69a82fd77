import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { IncomingMessage } from '../messaging.port';
import { settledWithin } from '../shared/backoff';
import { deliver, DeliveryContext } from '../shared/delivery';
import { TopicLog, Wakeup } from './partition-log';

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
 * A consumer group in one process, with Kafka's semantics: each partition is worked by one loop, so a
 * key's messages are handled one at a time and in order; partitions are shared round-robin among the
 * members; the offset moves on only after the handler resolved or the message was dead-lettered.
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
      const stored = log.at(offset);
      const member = stored && this.ownerOf(topic.name, partition);
      if (!stored || !member) {
        await woken;
        continue;
      }
      const message: IncomingMessage = { topic: topic.name, partition, offset: String(offset), ...stored };
      const delivery = deliver(message, member.context);
      member.inFlight.add(delivery);
      const outcome = await delivery.finally(() => member.inFlight.delete(delivery));
      if (outcome === 'abandoned') continue;
      this.offsets.set(key, offset + 1);
      this.host.committed(topic.name);
      // A long backlog of instantly handled messages must not starve timers and I/O.
      if (++handled % 100 === 0) await yieldToEventLoop();
    }
  }
}
