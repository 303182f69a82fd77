import { Clock, EventStore } from '@imera/event-sourcing';
import { FileLogEventStore, InMemoryEventStore } from '@imera/event-store';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

/** Picks the event-store adapter the configuration names and opens it (recovering the file log). */
export async function openEventStore(config: AppConfig, clock: Clock): Promise<{ store: EventStore; detail: string }> {
  switch (config.eventStore) {
    case 'memory':
      return { store: new InMemoryEventStore(clock), detail: 'in-memory (nothing survives a restart)' };
    case 'file': {
      const store = await FileLogEventStore.open({ dir: join(config.dataDir, 'event-log'), clock });
      const { eventsIndexed, bytesTruncated } = store.recovery;
      return { store, detail: `file log: ${eventsIndexed} events recovered, ${bytesTruncated} torn bytes cut` };
    }
    case 'eventstoredb':
      throw new Error('EVENT_STORE=eventstoredb needs the EventStoreDB adapter');
  }
}
