import { RecordedEvent } from './event';
import { EventStore, ReadAllOptions, ReadStreamOptions, SubscribeToAllOptions } from './event-store.port';

/** Lifts one event type from `fromVersion` to `fromVersion + 1`. Pure. */
export interface Upcaster {
  readonly eventType: string;
  readonly fromVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

/** Applies registered upcasters in a chain until an event reaches its newest version. */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): void {
    const key = UpcasterRegistry.key(upcaster.eventType, upcaster.fromVersion);
    if (this.byKey.has(key)) throw new Error(`Two upcasters for ${key}`);
    this.byKey.set(key, upcaster);
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  upcast<E extends RecordedEvent>(event: E): E {
    let current: E = event;
    for (;;) {
      const upcaster = this.byKey.get(UpcasterRegistry.key(current.type, current.schemaVersion));
      if (!upcaster) return current;
      current = {
        ...current,
        schemaVersion: current.schemaVersion + 1,
        data: upcaster.upcast(current.data as Record<string, unknown>),
      };
    }
  }

  private static key(eventType: string, version: number): string {
    return `${eventType}@v${version}`;
  }
}

/** An event store whose reads and subscriptions return every event at its newest schema version. */
export class UpcastingEventStore implements EventStore {
  constructor(private readonly inner: EventStore, private readonly registry: UpcasterRegistry) {}

  appendToStream: EventStore['appendToStream'] = (stream, events, options) =>
    this.inner.appendToStream(stream, events, options);

  async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(streamName, options)) yield this.registry.upcast(event);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readAll(options)) yield this.registry.upcast(event);
  }

  /** Upcasting changes contents, never positions. */
  readAllPositions: EventStore['readAllPositions'] = (options) => this.inner.readAllPositions(options);

  subscribeToAll(options: SubscribeToAllOptions) {
    return this.inner.subscribeToAll({ ...options, onEvent: (event) => options.onEvent(this.registry.upcast(event)) });
  }

  streamRevision(streamName: string): Promise<number> {
    return this.inner.streamRevision(streamName);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
