import { EventStore } from '@imera/event-sourcing';
import { eventAppendingHandler, IncomingMessage, PoisonMessageError } from '@imera/messaging';
import { decodeEventBatch, EventBatch } from './event-batch.codec';

/**
 * Appends a published decision to the event store, idempotently (see eventAppendingHandler). Only streams
 * of the categories that belong on the message's topic are accepted; anything else is poison.
 */
export function recordingHandler(store: EventStore, allowedStreamCategories: readonly string[]) {
  return eventAppendingHandler(store, (message: IncomingMessage): EventBatch => {
    const batch = decodeEventBatch(message);
    const category = batch.streamName.slice(0, batch.streamName.indexOf('-'));
    if (!allowedStreamCategories.includes(category)) {
      throw new PoisonMessageError(`stream category "${category}" does not belong on topic ${message.topic}`);
    }
    return batch;
  });
}
