import { randomUUID } from 'node:crypto';
import { collect, EventStore, EventStoreUnavailableError, NewEvent } from '@imera/event-sourcing';
import { InMemoryEventStore } from '@imera/event-store';
import { eventually } from './contract/message-bus.contract';
import { DecodedAppend, eventAppendingHandler } from './event-appending-handler';
import { InProcessMessageBus } from './in-process/in-process-message-bus.adapter';
import { silentMessagingLogger } from './logger';
import { IncomingMessage, PoisonMessageError } from './messaging.port';
import { deadLetterTopic, topicSpecs } from './topics';
import { DeadLetterHeaders } from './shared/dead-letter';

const event = (type = 'OperatorNotificationFiled'): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: { material: 'gallium' },
  metadata: { correlationId: randomUUID(), actor: 'ms:FR' },
});

const asMessage = (append: DecodedAppend, offset = '0'): IncomingMessage => ({
  topic: 'notifications',
  partition: 0,
  offset,
  key: 'gallium',
  value: Buffer.from(JSON.stringify(append)),
  headers: {},
});

function decode(message: IncomingMessage): DecodedAppend {
  try {
    return JSON.parse(message.value.toString('utf8')) as DecodedAppend;
  } catch {
    throw new PoisonMessageError('not JSON');
  }
}

describe('event-appending handler', () => {
  let store: EventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  it('appends the events of a message, and a redelivery stores nothing twice', async () => {
    const handle = eventAppendingHandler(store, decode);
    const filed = { streamName: 'notification-1', expectedRevision: 'no-stream' as const, events: [event(), event('OperatorNotificationUpdated')] };
    const updated = { streamName: 'notification-1', expectedRevision: 1, events: [event('OperatorNotificationResolved')] };

    await handle(asMessage(filed));
    await handle(asMessage(updated, '1'));
    await handle(asMessage(filed));
    await handle(asMessage(updated, '1'));

    const stored = await collect(store.readStream('notification-1'));
    expect(stored.map((e) => e.id)).toEqual([...filed.events, ...updated.events].map((e) => e.id));
  });

  it('calls a message superseded (poison) when other events took its place in the stream', async () => {
    const handle = eventAppendingHandler(store, decode);
    await store.appendToStream('notification-2', [event()], { expectedRevision: 'no-stream' });
    const late = { streamName: 'notification-2', expectedRevision: 'no-stream' as const, events: [event()] };
    await expect(handle(asMessage(late))).rejects.toMatchObject({ name: 'PoisonMessageError', reason: expect.stringMatching(/^superseded/) });
  });

  it('lets a store failure through as transient, and a decoding failure as poison', async () => {
    const unavailable = { appendToStream: () => Promise.reject(new EventStoreUnavailableError('fsync failed')) } as unknown as EventStore;
    const append = { streamName: 'notification-3', expectedRevision: 'any' as const, events: [event()] };
    await expect(eventAppendingHandler(unavailable, decode)(asMessage(append))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const garbage = { ...asMessage(append), value: Buffer.from('{oops') };
    await expect(eventAppendingHandler(store, decode)(garbage)).rejects.toBeInstanceOf(PoisonMessageError);
  });

  it('over the in-process bus: a message published twice is stored once, a bad one goes to the dead letters', async () => {
    const bus = new InProcessMessageBus({ topics: topicSpecs(['notifications'], 2), logger: silentMessagingLogger });
    const consumer = await bus.consume({ groupId: 'recorder', topics: ['notifications'], handle: eventAppendingHandler(store, decode) });
    const dead: IncomingMessage[] = [];
    const reader = await bus.consume({ groupId: 'dlq', topics: [deadLetterTopic('notifications')], handle: async (m) => void dead.push(m) });
    const filed = { streamName: 'notification-4', expectedRevision: 'no-stream' as const, events: [event()] };
    const message = { key: 'gallium', value: JSON.stringify(filed) };

    await bus.publish('notifications', [message, message, { key: 'gallium', value: 'not json' }]);
    await eventually(() => dead.length === 1, 'the dead letter', 5_000);
    expect(await collect(store.readStream('notification-4'))).toHaveLength(1);
    expect(dead[0].headers[DeadLetterHeaders.reason]).toBe('not JSON');
    await consumer.stop();
    await reader.stop();
    await bus.close();
  });
});
