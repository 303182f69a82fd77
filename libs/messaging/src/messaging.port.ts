/** A message to publish. All messages with the same key keep their order (one raw material, one key). */
export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Thrown by a handler for a message that can never succeed (undecodable, invalid): the consumer sends it to
 * the dead-letter topic with this reason and moves on. Any other error is treated as transient and retried.
 */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
  constructor(readonly reason: string, readonly details?: unknown) {
    super(reason);
  }
}

export interface ConsumerOptions {
  /** Consumers in one group share the work; each message is handled by one of them. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * Handles one message. At-least-once: the offset is committed only after this resolves, so the handler
   * must make its effects durable first and be idempotent (a redelivery must not duplicate anything).
   */
  readonly handle: (message: IncomingMessage) => Promise<void>;
}

export interface ConsumerHandle {
  stop(): Promise<void>;
}

/** The messaging port: publish to topics, consume as a group. Adapters: in-process and Kafka. */
export interface MessageBus {
  /** Resolves once the broker (or the in-process log) has accepted every message. */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  consume(options: ConsumerOptions): Promise<ConsumerHandle>;
  close(): Promise<void>;
}
