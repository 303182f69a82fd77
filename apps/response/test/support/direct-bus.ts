import { ConsumerHandle, MessageBus, OutgoingMessage } from '@imera/messaging';
import { EventStore } from '@imera/event-sourcing';
import { recordingHandler } from '@imera/platform';

/**
 * Test helper: a message bus that records every published decision at once through the event recorder's
 * handler, so workflows can be tested against an in-memory store without a consumer loop.
 */
export class DirectRecordingBus implements MessageBus {
  readonly published: { topic: string; message: OutgoingMessage }[] = [];
  private offset = 0;

  constructor(private readonly store: EventStore, private readonly categories: readonly string[] = ['infoRequest', 'prr', 'stockDistribution', 'jointProcurement']) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    const handle = recordingHandler(this.store, this.categories);
    for (const message of messages) {
      this.published.push({ topic, message });
      await handle({ topic, partition: 0, offset: String(this.offset++), key: message.key, value: Buffer.from(message.value), headers: { ...message.headers } }).catch(() => undefined);
    }
  }

  async consume(): Promise<ConsumerHandle> {
    throw new Error('DirectRecordingBus records on publish; nothing consumes it');
  }

  async close(): Promise<void> {}
}
