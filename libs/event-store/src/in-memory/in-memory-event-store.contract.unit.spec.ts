import { describeEventStoreContract } from '../contract/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store.adapter';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, dispose: () => store.close() };
});
