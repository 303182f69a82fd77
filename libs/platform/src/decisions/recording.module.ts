import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@imera/event-sourcing';
import { BackoffPolicy, ConsumerHandle, DEFAULT_BACKOFF, IncomingMessage, MessageBus } from '@imera/messaging';
import { Readiness } from '../health/readiness';
import { EVENT_STORE, MESSAGE_BUS } from '../event-store/tokens';
import { consumeWhenReachable } from '../messaging/consume-when-reachable';
import { recordingHandler } from './recording-handler';

/** Which stream categories may arrive on a topic: anything else is poison. */
export interface RecordedTopic {
  readonly topic: string;
  readonly streamCategories: readonly string[];
}

const RECORDED_TOPICS = Symbol('RecordedTopics');
const RECORDER_BACKOFF = Symbol('RecorderBackoff');
export const RECORDER_GROUP = 'event-recorder';
export const RECORDER_COMPONENT = 'event-recorder';

/**
 * The event recorder: consumes published decisions and appends them to the event store, idempotently.
 * Runs inside the all-in-one app, or on its own next to a distributed deployment.
 *
 * It joins its consumer group in the background and keeps trying (with back-off) while the broker cannot be
 * reached, so the app still starts; `/health` says the recorder is not ready, and why, until it consumes.
 */
@Module({})
export class RecordingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: ConsumerHandle | undefined;
  private readonly logger = new Logger('event-recorder');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(RECORDED_TOPICS) private readonly topics: readonly RecordedTopic[],
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(RECORDER_BACKOFF) private readonly backoff: BackoffPolicy,
  ) {
    readiness.register(RECORDER_COMPONENT);
  }

  /** `backoff`: waits between attempts to join while the broker is away (default: 100 ms doubling to 30 s). */
  static forTopics(topics: readonly RecordedTopic[], backoff: BackoffPolicy = DEFAULT_BACKOFF): DynamicModule {
    return {
      module: RecordingModule,
      providers: [
        { provide: RECORDED_TOPICS, useValue: topics },
        { provide: RECORDER_BACKOFF, useValue: backoff },
      ],
    };
  }

  onApplicationBootstrap(): void {
    const handlers = new Map(this.topics.map(({ topic, streamCategories }) => [topic, recordingHandler(this.store, streamCategories)]));
    const names = this.topics.map(({ topic }) => topic).join(', ');
    const options = { groupId: RECORDER_GROUP, topics: this.topics.map(({ topic }) => topic), handle: (message: IncomingMessage) => handlers.get(message.topic)!(message) };
    this.consumer = consumeWhenReachable(this.bus, options, {
      backoff: this.backoff,
      onWaiting: (reason, attempt, retryInMs) => {
        this.readiness.markNotReady(RECORDER_COMPONENT, `cannot consume ${names} yet (attempt ${attempt}, next in ${retryInMs} ms): ${reason}`);
        this.logger.warn(`Cannot consume ${names} yet; retrying in ${retryInMs} ms: ${reason}`);
      },
      onStarted: () => {
        this.readiness.markReady(RECORDER_COMPONENT, `consuming ${names}`);
        this.logger.log(`Recording ${this.topics.length} topics into the event store`);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
