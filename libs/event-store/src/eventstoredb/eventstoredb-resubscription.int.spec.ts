import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@imera/event-sourcing';
import { newEvent, waitFor } from '../contract/event-store.contract';
import { SubscriptionDrop } from './all-subscription';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { announceSkip, planTestServer, TestServerPlan, useTestServer } from './testing/eventstoredb-test-server';
import { DroppableTcpProxy, proxyableServer } from './testing/tcp-proxy';

// The subscriber reaches the server through a relay the test can cut, as a crash or a network failure would.
const plan = proxyablePlan(planTestServer());
announceSkip('EventStoreDB resubscription test', plan);

(plan.kind === 'none' ? describe.skip : describe)('EventStoreDB subscription to all across a lost connection', () => {
  jest.setTimeout(60_000);
  const server = plan.kind === 'none' ? undefined : useTestServer(plan);

  it('resubscribes after the connection drops and resumes strictly after the last event handled', async () => {
    const target = proxyableServer(server!.connectionString);
    if (typeof target === 'string') throw new Error(target);
    const proxy = await DroppableTcpProxy.start(target);
    const writer = await EventStoreDbEventStore.connect({ connectionString: server!.connectionString });
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
      const { lastGlobalPosition: start } = await writer.appendToStream(stream, [newEvent('start')], { expectedRevision: 'no-stream' });
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
  });
});

/** The relay works for a single insecure node; anything else is skipped with the reason. */
function proxyablePlan(plan: TestServerPlan): TestServerPlan {
  if (plan.kind !== 'url') return plan;
  const target = proxyableServer(plan.connectionString);
  return typeof target === 'string' ? { kind: 'none', reason: `EVENTSTORE_URL cannot be relayed: ${target}` } : plan;
}
