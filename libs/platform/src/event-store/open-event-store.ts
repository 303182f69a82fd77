import { Logger } from '@nestjs/common';
import { Clock, EventStore } from '@imera/event-sourcing';
import {
  describeConnection,
  EventStoreDbEventStore,
  FileLogEventStore,
  InMemoryEventStore,
  SubscriptionDrop,
} from '@imera/event-store';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ExerciseEventStore } from './exercise-event-store';
import { ReadOnlyEventStore } from './read-only-event-store';

/** Picks the event-store adapter the configuration names and opens it (recovering the file log). */
export async function openEventStore(config: AppConfig, clock: Clock): Promise<{ store: EventStore; detail: string }> {
  const opened = await openAdapter(config, clock);
  const guarded = config.readOnly ? { store: new ReadOnlyEventStore(opened.store), detail: `${opened.detail}, read-only` } : opened;
  if (config.exerciseId === undefined) return guarded;
  return { store: new ExerciseEventStore(guarded.store, config.exerciseId), detail: `${guarded.detail}, exercise ${config.exerciseId}` };
}

async function openAdapter(config: AppConfig, clock: Clock): Promise<{ store: EventStore; detail: string }> {
  switch (config.eventStore) {
    case 'memory':
      return { store: new InMemoryEventStore(clock), detail: 'in-memory (nothing survives a restart)' };
    case 'file': {
      const store = await FileLogEventStore.open({ dir: join(config.dataDir, 'event-log'), clock });
      const { eventsIndexed, bytesTruncated } = store.recovery;
      return { store, detail: `file log: ${eventsIndexed} events recovered, ${bytesTruncated} torn bytes cut` };
    }
    case 'eventstoredb':
      return openEventStoreDb(config.eventStoreUrl);
  }
}

/** EventStoreDB keeps time itself (`recordedAt` is the server's), so the clock is not handed on. */
async function openEventStoreDb(url: string | undefined): Promise<{ store: EventStore; detail: string }> {
  if (!url) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_URL, for example esdb://127.0.0.1:2113?tls=false');
  const logger = new Logger('EventStoreDB');
  const store = await EventStoreDbEventStore.connect({
    connectionString: url,
    onSubscriptionDropped: (drop) => logger.warn(describeDrop(drop)),
  });
  return { store, detail: `EventStoreDB at ${describeConnection(url)}` };
}

function describeDrop({ error, attempt, delayMs, resumeAfter }: SubscriptionDrop): string {
  const reason = error instanceof Error ? error.message : String(error);
  const from = resumeAfter === undefined ? 'the beginning' : `position ${resumeAfter}`;
  return `Subscription to all dropped (${reason}); attempt ${attempt} in ${delayMs} ms, resuming after ${from}`;
}
