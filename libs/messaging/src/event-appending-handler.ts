import {
  DuplicateEventIdError,
  EventStore,
  ExpectedRevision,
  NewEvent,
  WrongExpectedRevisionError,
} from '@imera/event-sourcing';
import { IncomingMessage, PoisonMessageError } from './messaging.port';

/** What one message asks to append. */
export interface DecodedAppend {
  readonly streamName: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
}

/** Turns a message into an append, or throws PoisonMessageError when it never could be one. */
export type AppendDecoder = (message: IncomingMessage) => DecodedAppend | Promise<DecodedAppend>;

/**
 * A consumer handler that appends each message's events to the event store. Idempotent on the events' ids:
 * a redelivered (or twice-published) message re-appends the same ids at the same place, which the store
 * accepts without storing them again. A conflict cannot heal by retrying, so it is poison: someone else's
 * events took that place in the stream (the decision was superseded) or the ids sit elsewhere. Anything
 * else (the store unavailable) is transient and retried by the consumer.
 */
export function eventAppendingHandler(store: EventStore, decode: AppendDecoder): (message: IncomingMessage) => Promise<void> {
  return async (message) => {
    const { streamName, expectedRevision, events } = await decode(message);
    try {
      await store.appendToStream(streamName, events, { expectedRevision });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw new PoisonMessageError(`superseded: ${error.message}`, error);
      if (error instanceof DuplicateEventIdError) throw new PoisonMessageError(`duplicate event id elsewhere: ${error.message}`, error);
      throw error;
    }
  };
}
