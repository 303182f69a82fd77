import { ISocketFactory } from 'kafkajs';
import { MessagingLogger } from '../logger';
import { BackoffPolicy } from '../shared/backoff';
import { TopicSpec } from '../topics';

/** Group-membership timing. Defaults, not law: tests pass shorter ones for a single-node broker. */
export interface KafkaConsumerTiming {
  /** A member silent for this long is dropped from its group (default 30 s). */
  readonly sessionTimeoutMs: number;
  /** How often a member says it is alive, also while a long handler runs (default 3 s). */
  readonly heartbeatIntervalMs: number;
  /** How long the group waits for members to rejoin during a rebalance (default 60 s). */
  readonly rebalanceTimeoutMs: number;
  /** Longest a fetch waits on the broker for new messages (default 1 s). */
  readonly maxWaitTimeMs: number;
  /** Partitions handled at once by one consumer; each partition stays in order (default 3). */
  readonly partitionsConsumedConcurrently: number;
}

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /**
   * Put before every topic and consumer-group name on the broker (default none), so suites or deployments
   * sharing a broker never see each other's topics, offsets or dead letters. Set from KAFKA_TOPIC_PREFIX.
   */
  readonly topicPrefix?: string;
  /** Topics created on connect if missing; default: every topic of the system with its dead-letter topic. */
  readonly topics?: readonly TopicSpec[];
  readonly logger?: MessagingLogger;
  /** Back-off between attempts of a failing handler (default 100 ms doubling to 30 s). */
  readonly backoff?: BackoffPolicy;
  /** How long stop() waits for a running handler before leaving it behind (default 10 s). */
  readonly stopTimeoutMs?: number;
  /** How long consume() waits for the first group assignment before returning anyway (default 30 s). */
  readonly joinTimeoutMs?: number;
  /** Attempts of one publish before it fails (default 10, about 40 s of broker outage). */
  readonly publishRetries?: number;
  readonly consumerTiming?: Partial<KafkaConsumerTiming>;
  /** How the client opens its connections to brokers (kafkajs's own when not given): TLS, a proxy, a test's lossy network. */
  readonly socketFactory?: ISocketFactory;
}

export const DEFAULT_CONSUMER_TIMING: KafkaConsumerTiming = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
  partitionsConsumedConcurrently: 3,
};
