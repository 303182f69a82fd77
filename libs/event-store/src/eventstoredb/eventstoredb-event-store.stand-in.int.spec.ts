import { EventStore } from '@imera/event-sourcing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { resubscriptionScenario } from './testing/resubscription-scenario';
import { StandInEventStoreDb } from './testing/stand-in-eventstoredb';

// Runs everywhere: the adapter and the real client library over gRPC against an in-process stand-in that
// speaks the server's protocol. It checks our use of the client; the real-server suites check the server.
describe('EventStoreDB adapter against the in-process stand-in', () => {
  jest.setTimeout(30_000);
  let standIn: StandInEventStoreDb;
  beforeAll(async () => {
    standIn = await StandInEventStoreDb.start();
  });
  afterAll(async () => standIn.stop());
  const connect = () => EventStoreDbEventStore.connect({ connectionString: standIn.connectionString });

  describeEventStoreContract(
    'EventStoreDB (stand-in)',
    async () => {
      let store: EventStore = await connect();
      return {
        get store() {
          return store;
        },
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

  it('resubscribes after the connection drops and resumes strictly after the last event handled', () =>
    resubscriptionScenario(standIn.connectionString));
});
