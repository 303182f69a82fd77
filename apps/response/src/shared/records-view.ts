import { EventStore, RecordedEvent, streamId } from '@imera/event-sourcing';
import { CheckpointedProjection, entriesOf, refill } from '@imera/platform';

export type RecordEvolver<R> = (record: R | undefined, event: RecordedEvent) => R | undefined;

/** The records of one kind of instrument, one per stream, for lists; a single record is read from its stream. */
export class RecordsView<R extends { readonly scopeId: string }> implements CheckpointedProjection<Array<[string, R]>> {
  private readonly records = new Map<string, R>();
  readonly version: string;

  constructor(
    readonly name: string,
    private readonly accepts: (event: RecordedEvent) => boolean,
    private readonly evolve: RecordEvolver<R>,
    /** Bumped when the record's shape or its evolution changes, so older checkpoints are rebuilt. */
    recordVersion = 1,
  ) {
    this.version = `${name}@${recordVersion}`;
  }

  snapshot(): Array<[string, R]> {
    return entriesOf(this.records);
  }

  restore(saved: Array<[string, R]>): void {
    refill(this.records, saved);
  }

  apply(event: RecordedEvent): void {
    if (!this.accepts(event)) return;
    const id = streamId(event.streamName);
    const next = this.evolve(this.records.get(id), event);
    if (next) this.records.set(id, next);
  }

  get(id: string): R | undefined {
    return this.records.get(id);
  }

  list(scopeId?: string): R[] {
    return [...this.records.values()].filter((record) => scopeId === undefined || record.scopeId === scopeId);
  }
}

/** Read-your-writes: the record folded straight from its stream, so a reader sees its own change at once. */
export async function readRecord<R>(store: EventStore, streamName: string, accepts: (event: RecordedEvent) => boolean, evolve: RecordEvolver<R>): Promise<R | undefined> {
  let record: R | undefined;
  for await (const event of store.readStream(streamName)) if (accepts(event)) record = evolve(record, event);
  return record;
}
