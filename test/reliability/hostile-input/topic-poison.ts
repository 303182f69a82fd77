import { randomUUID } from 'node:crypto';
import { EventStore } from '@imera/event-sourcing';
import { DeadLetterHeaders, deadLetterTopic, IncomingMessage, MessageBus, OutgoingMessage } from '@imera/messaging';

/** A recorded topic and a stream category that belongs on it. */
export interface RecordedTopicCase {
  readonly topic: string;
  readonly category: string;
}

const event = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'ProbeRecorded',
  schemaVersion: 1,
  data: { probe: true },
  metadata: { correlationId: randomUUID(), actor: 'reliability-suite' },
  ...overrides,
});

/** Messages no consumer can ever record: each must reach the dead-letter topic with a reason. */
export function poisonMessages(category: string, foreignCategory: string): Array<{ label: string; message: OutgoingMessage }> {
  const batch = (overrides: Record<string, unknown>) => JSON.stringify({ streamName: `${category}-${randomUUID()}`, expectedRevision: 'no-stream', events: [event()], ...overrides });
  const cases: Array<[string, string]> = [
    ['not JSON', '{"streamName": '],
    ['empty', ''],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['no events', batch({ events: [] })],
    ['101 events', batch({ events: Array.from({ length: 101 }, () => event()) })],
    ['event id not a uuid', batch({ events: [event({ id: "1'; DROP TABLE events; --" })] })],
    ['event without metadata', batch({ events: [event({ metadata: undefined })] })],
    ['event type with markup', batch({ events: [event({ type: '<script>alert(1)</script>' })] })],
    ['negative expected revision', batch({ expectedRevision: -5 })],
    ['stream name without a category', batch({ streamName: 'no-category-dash'.replace(/-/g, '') })],
    [`stream of another topic (${foreignCategory})`, batch({ streamName: `${foreignCategory}-${randomUUID()}` })],
    ['data not an object', batch({ events: [event({ data: 'text' })] })],
    ['deeply nested data', batch({ events: [event({ data: JSON.parse(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`) })] })],
    // Built as text: serialising a value this deep would overflow the stack here already.
    ['data nested 50,000 levels', batch({ events: [event({ data: 'NESTED' })] }).replace('"NESTED"', `${'['.repeat(50_000)}${']'.repeat(50_000)}`)],
  ];
  return cases.map(([label, value]) => ({ label, message: { key: 'gallium', value, headers: { 'correlation-id': `poison-${label}` } } }));
}

/** A well-formed batch for the topic: recorded after the poison, it shows the consumer moved on. */
export function goodMessage(category: string): { message: OutgoingMessage; streamName: string } {
  const streamName = `${category}-${randomUUID()}`;
  return { streamName, message: { key: 'gallium', value: JSON.stringify({ streamName, expectedRevision: 'no-stream', events: [event()] }) } };
}

/** Collects what reaches the dead-letter topics of the given topics, with each message's reason. */
export async function deadLetterReader(bus: MessageBus, topics: readonly string[], groupId: string) {
  const seen: IncomingMessage[] = [];
  const consumer = await bus.consume({ groupId, topics: topics.map(deadLetterTopic), handle: async (message) => void seen.push(message) });
  return {
    seen,
    reasonOf: (message: IncomingMessage) => message.headers[DeadLetterHeaders.reason],
    stop: () => consumer.stop(),
  };
}

export async function streamLength(store: EventStore, streamName: string): Promise<number> {
  return (await store.streamRevision(streamName)) + 1;
}
