import { collect, ManualClock, NewEvent } from '@imera/event-sourcing';
import { InMemoryEventStore } from '@imera/event-store';
import { ExerciseEventStore } from './exercise-event-store';

const event = (id: string, metadata: Record<string, string> = {}): NewEvent => ({
  id,
  type: 'ExportControlRecorded',
  schemaVersion: 1,
  data: {},
  metadata: { correlationId: 'c', actor: 'analyst', ...metadata },
});

describe('an exercise namespace\'s event store', () => {
  it('tags every appended event with the exercise id, whoever decided it', async () => {
    const inner = new InMemoryEventStore(new ManualClock('2025-04-01T00:00:00Z'));
    const store = new ExerciseEventStore(inner, 'drill-1');
    await store.appendToStream('exportControl-a', [event('e1'), event('e2', { exerciseId: 'drill-1' })], { expectedRevision: 'no-stream' });
    expect((await collect(inner.readAll())).map((stored) => stored.metadata.exerciseId)).toEqual(['drill-1', 'drill-1']);
  });

  it('refuses an event that names another exercise, storing nothing of the batch', async () => {
    const inner = new InMemoryEventStore(new ManualClock('2025-04-01T00:00:00Z'));
    const store = new ExerciseEventStore(inner, 'drill-1');
    await expect(store.appendToStream('exportControl-a', [event('e1'), event('e2', { exerciseId: 'drill-2' })], { expectedRevision: 'no-stream' })).rejects.toThrow(
      /belongs to exercise drill-2/,
    );
    expect(await collect(inner.readAll())).toEqual([]);
  });
});
