import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@imera/event-store';
import { defaultCrisisScopes } from '@imera/reference-data';
import { AuditTrail } from './audit-trail';

const magnets = defaultCrisisScopes().find((scope) => scope.id === 'rare-earth-magnets')!;

async function append(store: InMemoryEventStore, streamName: string, type: string, data: Record<string, unknown>, scopeId?: string): Promise<void> {
  const metadata = { correlationId: randomUUID(), actor: 'analyst-1', ...(scopeId ? { scopeId } : {}) };
  await store.appendToStream(streamName, [{ id: randomUUID(), type, schemaVersion: 1, data, metadata }], { expectedRevision: 'any' });
}

async function trailOf(store: InMemoryEventStore): Promise<string[]> {
  const types: string[] = [];
  for await (const entry of new AuditTrail(store).scope(magnets)) types.push(entry.type);
  return types;
}

describe('audit trail of a scope', () => {
  it('picks an event’s scope from data.scopeId, else metadata.scopeId, else from the materials it names', async () => {
    const store = new InMemoryEventStore();
    await append(store, 'prr-1', 'PriorityRatedRequestProposed', { prrId: '1', scopeId: magnets.id });
    await append(store, 'prr-2', 'PriorityRatedRequestAccepted', { prrId: '2' }, magnets.id);
    await append(store, 'prr-3', 'PriorityRatedRequestProposed', { prrId: '3', scopeId: 'battery-raw-materials' }, magnets.id);
    await append(store, 'prr-4', 'PriorityRatedRequestAccepted', { prrId: '4', material: 'dysprosium' }, 'battery-raw-materials');
    await append(store, 'notification-5', 'OperatorNotificationFiled', { notificationId: '5', material: 'dysprosium' });
    await append(store, 'notification-6', 'OperatorNotificationFiled', { notificationId: '6', material: 'lithium' });

    expect(await trailOf(store)).toEqual(['PriorityRatedRequestProposed', 'PriorityRatedRequestAccepted', 'OperatorNotificationFiled']);
  });
});
