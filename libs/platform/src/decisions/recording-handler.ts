import { DuplicateEventIdError, EventStore, WrongExpectedRevisionError } from '@imera/event-sourcing';
import { IncomingMessage, PoisonMessageError } from '@imera/messaging';
import { decodeEventBatch } from './event-batch.codec';

/**
 * Appends a published decision to the event store. A redelivered message appends nothing twice: the same
 * event ids at the same place are recognised by the store. A decision overtaken by another change can never
 * succeed (its publisher already answered "conflict"), so it goes to the dead letters with that reason.
 */
export function recordingHandler(store: EventStore, allowedStreamCategories: readonly string[]) {
  return async (message: IncomingMessage): Promise<void> => {
    const batch = decodeEventBatch(message);
    const category = batch.streamName.slice(0, batch.streamName.indexOf('-'));
    if (!allowedStreamCategories.includes(category)) {
      throw new PoisonMessageError(`stream category "${category}" does not belong on topic ${message.topic}`);
    }
    try {
      await store.appendToStream(batch.streamName, batch.events, { expectedRevision: batch.expectedRevision });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError) {
        throw new PoisonMessageError(`superseded: ${error.message}`);
      }
      throw error;
    }
  };
}
