import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@imera/event-sourcing';
import { newEvent, waitFor } from '../../contract/event-store.contract';
import { SubscriptionDrop } from '../all-subscription';
import { EventStoreDbEventStore } from '../eventstoredb-event-store.adapter';
import { DroppableTcpProxy, proxyableServer } from './tcp-proxy';

/**
 * A subscriber reaches the server through a relay that the scenario cuts and then keeps refusing for a
 * few attempts, as a crash, a restart or a network failure would. Meanwhile events are appended directly.
 * Once the relay lets connections through again, the subscription must resume strictly after the last
 * event it handled: every event once, in order, and the waits between attempts growing.
 */
export async function resubscriptionScenario(connectionString: string): Promise<void> {
  const target = proxyableServer(connectionString);
  if (typeof target === 'string') throw new Error(target);
  const proxy = await DroppableTcpProxy.start(target);
  const writer = await EventStoreDbEventStore.connect({ connectionString });
  const drops: SubscriptionDrop[] = [];
  const subscriber = await EventStoreDbEventStore.connect({
    connectionString: target.via(proxy.port),
    resubscribe: { initialDelayMs: 50, maxDelayMs: 400 },
    onSubscriptionDropped: (drop) => drops.push(drop),
  });
  const stream = `resubscription-${randomUUID()}`;
  const append = async (type: string) => {
    const revision = await writer.streamRevision(stream);
    await writer.appendToStream(stream, [newEvent(type)], { expectedRevision: revision < 0 ? 'no-stream' : revision });
  };

  try {
    const { lastGlobalPosition: start } = await writer.appendToStream(stream, [newEvent('start')], {
      expectedRevision: 'no-stream',
    });
    await append('before-1');
    await append('before-2');
    const seen: RecordedEvent[] = [];
    let caughtUp = false;
    const subscription = subscriber.subscribeToAll({
      after: start,
      onEvent: (event) => {
        if (event.streamName === stream) seen.push(event);
      },
      onCaughtUp: () => (caughtUp = true),
    });
    await waitFor(() => caughtUp && seen.length === 2);

    proxy.refuseConnections(true);
    proxy.cutConnections();
    for (let index = 1; index <= 5; index++) await append(`during-${index}`);
    await waitFor(() => drops.length >= 3, 20_000);
    proxy.refuseConnections(false);

    await waitFor(() => seen.length === 7, 20_000);
    await append('after-1');
    await waitFor(() => seen.length === 8, 20_000);
    await subscription.stop();

    expect(seen.map((event) => event.type)).toEqual([
      'before-1',
      'before-2',
      'during-1',
      'during-2',
      'during-3',
      'during-4',
      'during-5',
      'after-1',
    ]);
    expect(new Set(seen.map((event) => event.id)).size).toBe(seen.length);
    expect(drops[0].resumeAfter).toBeGreaterThanOrEqual(seen[1].globalPosition);
    expect(drops.slice(1).some((drop) => drop.delayMs > drops[0].delayMs)).toBe(true);
  } finally {
    await subscriber.close();
    await writer.close();
    await proxy.close();
  }
}
