import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, Subscription, SubscribeToAllOptions } from '@imera/event-sourcing';

/**
 * The event store of a stress-test exercise's namespace: every event appended carries the exercise id in its
 * metadata, whoever decided it (an HTTP request, a schedule, the scope-modes process manager). An event that
 * names another exercise is refused: it does not belong here.
 */
export class ExerciseEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    readonly exerciseId: string,
  ) {}

  async appendToStream(streamName: string, events: readonly NewEvent[], options: { readonly expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const tagged = events.map((event) => {
      const stated = event.metadata.exerciseId;
      if (stated !== undefined && stated !== this.exerciseId) {
        throw new Error(`event ${event.id} belongs to exercise ${String(stated)}, not to ${this.exerciseId}`);
      }
      return { ...event, metadata: { ...event.metadata, exerciseId: this.exerciseId } };
    });
    return this.inner.appendToStream(streamName, tagged, options);
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(streamName, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  streamRevision(streamName: string): Promise<number> {
    return this.inner.streamRevision(streamName);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
