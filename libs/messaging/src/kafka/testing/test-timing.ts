import { KafkaConsumerTiming } from '../kafka-options';

/** Group timing for a single-node test broker: quick joins and rebalances, fast empty fetches. */
export const TEST_CONSUMER_TIMING: KafkaConsumerTiming = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  rebalanceTimeoutMs: 10_000,
  maxWaitTimeMs: 100,
  partitionsConsumedConcurrently: 3,
};
