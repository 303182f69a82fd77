/**
 * A domain event as the domain sees it: a past-tense type name, its payload and a schema version.
 * `Event<'VigilanceModeActivated', {...}>` gives a literal union the compiler can check in every switch.
 */
export type Event<Type extends string = string, Data extends object = Record<string, unknown>> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export interface EventMetadata {
  /** The request or message that started the chain of work. */
  readonly correlationId: string;
  /** The message or event that directly caused this one. */
  readonly causationId?: string;
  /** Who acted: a user subject, a service name or `system:<policy>`. */
  readonly actor: string;
  /** Present when the event belongs to a stress-test exercise rather than live data. */
  readonly exerciseId?: string;
  readonly [key: string]: unknown;
}

/** What a writer hands to the event store. The id is chosen by the writer so re-appends are idempotent. */
export interface NewEvent<E extends Event = Event> {
  readonly id: string;
  readonly type: E['type'];
  readonly schemaVersion: number;
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/** A stored event with its place in its stream and in the whole log. */
export interface RecordedEvent<E extends Event = Event> extends NewEvent<E> {
  readonly streamName: string;
  /** 0-based position of the event in its stream. */
  readonly streamRevision: number;
  /** Opaque, strictly increasing position in the whole store; use it as a checkpoint. */
  readonly globalPosition: number;
  /** ISO-8601 time at which the store recorded the event. */
  readonly recordedAt: string;
}
