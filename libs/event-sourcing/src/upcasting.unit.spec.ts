import { InMemoryEventStore } from '@imera/event-store';
import { collect } from './event-store.port';
import { UpcasterRegistry, UpcastingEventStore } from './upcasting';

const v1ToV2 = {
  eventType: 'OperatorNotificationFiled',
  fromVersion: 1,
  upcast: (data: Record<string, unknown>) => ({ ...data, confidential: data.confidential ?? true }),
};
const v2ToV3 = {
  eventType: 'OperatorNotificationFiled',
  fromVersion: 2,
  upcast: ({ tonnes, ...rest }: Record<string, unknown>) => ({ ...rest, impact: { tonnesPerYearAffected: tonnes } }),
};

function event(schemaVersion: number, data: Record<string, unknown>) {
  return { id: `id-${schemaVersion}`, type: 'OperatorNotificationFiled', schemaVersion, data, metadata: { correlationId: 'c', actor: 'a' } };
}

describe('upcasting on read', () => {
  it('lifts an old event through every step to the newest version', async () => {
    const inner = new InMemoryEventStore();
    await inner.appendToStream('notification-1', [event(1, { tonnes: 40 })], { expectedRevision: 'no-stream' });
    const store = new UpcastingEventStore(inner, new UpcasterRegistry([v1ToV2, v2ToV3]));

    const [read] = await collect(store.readStream('notification-1'));
    expect(read.schemaVersion).toBe(3);
    expect(read.data).toEqual({ confidential: true, impact: { tonnesPerYearAffected: 40 } });
    const [fromAll] = await collect(store.readAll());
    expect(fromAll.data).toEqual(read.data);
  });

  it('leaves events already at the newest version and other types untouched', async () => {
    const registry = new UpcasterRegistry([v1ToV2]);
    const current = { ...event(2, { confidential: false }), streamName: 's-1', streamRevision: 0, globalPosition: 0, recordedAt: '' };
    expect(registry.upcast(current)).toBe(current);
    const other = { ...current, type: 'ExportControlRecorded', schemaVersion: 1 };
    expect(registry.upcast(other)).toBe(other);
  });

  it('upcasts events delivered by a subscription', async () => {
    const inner = new InMemoryEventStore();
    const store = new UpcastingEventStore(inner, new UpcasterRegistry([v1ToV2]));
    const seen: number[] = [];
    const subscription = store.subscribeToAll({ onEvent: (e) => void seen.push(e.schemaVersion) });
    await inner.appendToStream('notification-2', [event(1, {})], { expectedRevision: 'no-stream' });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    await subscription.stop();
    expect(seen).toEqual([2]);
  });

  it('refuses two upcasters for the same version', () => {
    expect(() => new UpcasterRegistry([v1ToV2, v1ToV2])).toThrow(/Two upcasters/);
  });
});
