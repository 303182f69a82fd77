import { EventStore } from '@imera/event-sourcing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { announceSkip, planTestServer, useTestServer } from './testing/eventstoredb-test-server';

// A real server: EVENTSTORE_URL, else a container when a runtime answers, else skipped (one line says why).
const plan = planTestServer();
announceSkip('EventStoreDB contract suite', plan);

(plan.kind === 'none' ? describe.skip : describe)('EventStoreDB adapter against a server', () => {
  jest.setTimeout(30_000);
  const server = plan.kind === 'none' ? undefined : useTestServer(plan);
  const connect = () => EventStoreDbEventStore.connect({ connectionString: server!.connectionString });

  describeEventStoreContract(
    'EventStoreDB',
    async () => {
      let store: EventStore = await connect();
      return {
        get store() {
          return store;
        },
        // The server keeps the data; a reopen is a new client connection.
        async reopen() {
          await store.close();
          store = await connect();
          return store;
        },
        dispose: () => store.close(),
      };
    },
    { sharedLog: true },
  );
});
