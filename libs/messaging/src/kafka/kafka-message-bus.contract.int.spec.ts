import { testKafkaBrokers } from '../../../../test/kafka/local-broker';
import { describeMessageBusContract } from '../contract/message-bus.contract';
import { silentMessagingLogger } from '../logger';
import { KafkaMessageBus } from './kafka-message-bus.adapter';
import { deleteTestTopics } from './testing/delete-test-topics';
import { TEST_CONSUMER_TIMING } from './testing/test-timing';

afterAll(() => deleteTestTopics(testKafkaBrokers(), ['contract.']), 30_000);

describeMessageBusContract(
  'Kafka',
  async (topics) => {
    const bus = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      clientId: 'imera-contract-test',
      topics,
      logger: silentMessagingLogger,
      backoff: { initialMs: 20, maxMs: 200, factor: 2 },
      stopTimeoutMs: 1_000,
      consumerTiming: TEST_CONSUMER_TIMING,
    });
    await bus.connect();
    return bus;
  },
  { waitMs: 30_000, testTimeoutMs: 60_000 },
);
