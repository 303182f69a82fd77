import { AppendResult, EventStore, ExpectedRevision, NewEvent } from '@imera/event-sourcing';
import { EventStoreDecorator } from './event-store-decorator';

/**
 * The event store of a stress-test exercise's namespace: every event appended carries the exercise id in its
 * metadata, whoever decided it (an HTTP request, a schedule, the scope-modes process manager). An event that
 * names another exercise is refused: it does not belong here.
 */
export class ExerciseEventStore extends EventStoreDecorator {
  constructor(
    inner: EventStore,
    readonly exerciseId: string,
  ) {
    super(inner);
  }

  override async appendToStream(streamName: string, events: readonly NewEvent[], options: { readonly expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const tagged = events.map((event) => {
      const stated = event.metadata.exerciseId;
      if (stated !== undefined && stated !== this.exerciseId) {
        throw new Error(`event ${event.id} belongs to exercise ${String(stated)}, not to ${this.exerciseId}`);
      }
      return { ...event, metadata: { ...event.metadata, exerciseId: this.exerciseId } };
    });
    return this.inner.appendToStream(streamName, tagged, options);
  }
}
