import { AppendResult, EventStore } from '@imera/event-sourcing';
import { EventStoreDecorator } from './event-store-decorator';

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
export class ReadOnlyEventStore extends EventStoreDecorator {
  constructor(inner: EventStore) {
    super(inner);
  }

  override appendToStream(streamName: string): Promise<AppendResult> {
    return Promise.reject(new ReadOnlyEventStoreError(streamName));
  }
}
