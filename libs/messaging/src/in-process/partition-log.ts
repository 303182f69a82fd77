/** One message as the in-process log keeps it. */
export interface StoredMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** An append-only list of messages with Kafka-like offsets; the head can be trimmed once consumed. */
export class PartitionLog {
  private base = 0;
  private readonly messages: StoredMessage[] = [];

  /** Offset of the oldest message still kept. */
  get start(): number {
    return this.base;
  }

  /** Offset the next message will get. */
  get end(): number {
    return this.base + this.messages.length;
  }

  append(message: StoredMessage): number {
    this.messages.push(message);
    return this.end - 1;
  }

  at(offset: number): StoredMessage | undefined {
    return offset < this.base ? undefined : this.messages[offset - this.base];
  }

  /** Drops every message before `offset`. */
  trimBefore(offset: number): void {
    const count = Math.min(offset, this.end) - this.base;
    if (count <= 0) return;
    this.messages.splice(0, count);
    this.base += count;
  }
}

export class TopicLog {
  readonly partitions: readonly PartitionLog[];

  constructor(readonly name: string, partitionCount: number) {
    this.partitions = Array.from({ length: partitionCount }, () => new PartitionLog());
  }

  /** Same key, same partition: the order of one raw material's messages is kept. */
  partitionOf(key: string): number {
    return fnv1a(key) % this.partitions.length;
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Wakes every waiter at once: the partition workers wait on it for new messages or membership changes. */
export class Wakeup {
  private current = Wakeup.deferred();

  next(): Promise<void> {
    return this.current.promise;
  }

  notify(): void {
    const previous = this.current;
    this.current = Wakeup.deferred();
    previous.resolve();
  }

  private static deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  }
}
