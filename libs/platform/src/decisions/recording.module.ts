import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@imera/event-sourcing';
import { ConsumerHandle, IncomingMessage, MessageBus } from '@imera/messaging';
import { Readiness } from '../health/readiness';
import { EVENT_STORE, MESSAGE_BUS } from '../event-store/tokens';
import { recordingHandler } from './recording-handler';

/** Which stream categories may arrive on a topic: anything else is poison. */
export interface RecordedTopic {
  readonly topic: string;
  readonly streamCategories: readonly string[];
}

const RECORDED_TOPICS = Symbol('RecordedTopics');
export const RECORDER_GROUP = 'event-recorder';

/**
 * The event recorder: consumes published decisions and appends them to the event store, idempotently.
 * Runs inside the all-in-one app, or on its own next to a distributed deployment.
 */
@Module({})
export class RecordingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: ConsumerHandle | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(RECORDED_TOPICS) private readonly topics: readonly RecordedTopic[],
    @Inject(Readiness) private readonly readiness: Readiness,
  ) {
    readiness.register('event-recorder');
  }

  static forTopics(topics: readonly RecordedTopic[]): DynamicModule {
    return { module: RecordingModule, providers: [{ provide: RECORDED_TOPICS, useValue: topics }] };
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = new Map(this.topics.map(({ topic, streamCategories }) => [topic, recordingHandler(this.store, streamCategories)]));
    this.consumer = await this.bus.consume({
      groupId: RECORDER_GROUP,
      topics: this.topics.map(({ topic }) => topic),
      handle: (message: IncomingMessage) => handlers.get(message.topic)!(message),
    });
    this.readiness.markReady('event-recorder', `consuming ${this.topics.map(({ topic }) => topic).join(', ')}`);
    new Logger('event-recorder').log(`Recording ${this.topics.length} topics into the event store`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
