import { collect, EventStore, EventStoreUnavailableError } from '@imera/event-sourcing';
import { newEvent, uniqueStream } from '../../../event-store/src/contract/event-store.contract';
import { StandInEventStoreDb } from '../../../event-store/src/eventstoredb/testing/stand-in-eventstoredb';
import { AppConfig } from '../config/app-config';
import { openEventStore } from './open-event-store';

const config = (eventStoreUrl?: string): AppConfig => ({
  host: '127.0.0.1',
  port: 0,
  dataDir: '/nonexistent',
  eventStore: 'eventstoredb',
  eventStoreUrl,
});
const clock = { now: () => new Date('2026-03-02T09:30:00Z') };

describe('EVENT_STORE=eventstoredb', () => {
  let standIn: StandInEventStoreDb;
  let store: EventStore | undefined;
  beforeAll(async () => {
    standIn = await StandInEventStoreDb.start();
  });
  afterEach(async () => store?.close());
  afterAll(async () => standIn.stop());

  it('opens the EventStoreDB adapter at EVENTSTORE_URL and names the server without credentials', async () => {
    const url = standIn.connectionString.replace('esdb://', 'esdb://ops:s3cret@');
    const opened = await openEventStore(config(url), clock);
    store = opened.store;
    expect(opened.detail).toBe(`EventStoreDB at ${standIn.connectionString}`);

    const stream = uniqueStream('scope');
    await store.appendToStream(stream, [newEvent('VigilanceModeProposed')], { expectedRevision: 'no-stream' });
    expect((await collect(store.readStream(stream))).map((event) => event.type)).toEqual(['VigilanceModeProposed']);
  });

  it('needs EVENTSTORE_URL', async () => {
    await expect(openEventStore(config(undefined), clock)).rejects.toThrow(/needs EVENTSTORE_URL/);
  });

  it('refuses to start when the server does not answer', async () => {
    const refused = openEventStore(config('esdb://127.0.0.1:1?tls=false'), clock);
    await expect(refused).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(refused).rejects.toThrow(/EventStoreDB at esdb:\/\/127\.0\.0\.1:1\?tls=false cannot be used/);
  });
});
