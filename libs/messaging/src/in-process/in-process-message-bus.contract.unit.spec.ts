import { describeMessageBusContract } from '../contract/message-bus.contract';
import { silentMessagingLogger } from '../logger';
import { InProcessMessageBus } from './in-process-message-bus.adapter';

describeMessageBusContract(
  'in-process',
  async (topics) =>
    new InProcessMessageBus({ topics, logger: silentMessagingLogger, stopTimeoutMs: 500, backoff: { initialMs: 5, maxMs: 50, factor: 2 } }),
  { waitMs: 5_000, testTimeoutMs: 10_000 },
);
