import { AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, Subscription, SubscribeToAllOptions } from '@imera/event-sourcing';

/** An append reached a store opened for reading only. */
export class ReadOnlyEventStoreError extends Error {
  override readonly name = 'ReadOnlyEventStoreError';
  constructor(readonly streamName: string) {
    super(`The event store is open for reading only: nothing may be appended to "${streamName}"`);
  }
}

/**
 * A store opened to look at what was recorded (a finished exercise's namespace on the dashboard): reads and
 * subscriptions go through, every append is refused, whoever attempts it (a request or a schedule).
 */
export class ReadOnlyEventStore implements EventStore {
  constructor(private readonly inner: EventStore) {}

  appendToStream(streamName: string, _events: readonly NewEvent[]): Promise<AppendResult> {
    return Promise.reject(new ReadOnlyEventStoreError(streamName));
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
