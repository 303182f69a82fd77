import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, Subscription, SubscribeToAllOptions } from '@imera/event-sourcing';

/** Hands every call to the store it wraps; a decorator overrides only what it changes (appends, usually). */
export abstract class EventStoreDecorator implements EventStore {
  protected constructor(protected readonly inner: EventStore) {}

  appendToStream(streamName: string, events: readonly NewEvent[], options: { readonly expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    return this.inner.appendToStream(streamName, events, options);
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(streamName, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  readAllPositions(options?: Pick<ReadAllOptions, 'after'>): AsyncIterable<readonly number[]> {
    return this.inner.readAllPositions(options);
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
