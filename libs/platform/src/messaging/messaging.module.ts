import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Module } from '@nestjs/common';
import { MessageBus } from '@imera/messaging';
import { AppConfig } from '../config/app-config';
import { Readiness } from '../health/readiness';
import { nestMessagingLogger } from './nest-messaging-logger';
import { openMessageBus } from './open-message-bus';
import { MESSAGE_BUS } from '../event-store/tokens';

const STOPPING = Symbol('MessageBusStopping');

/**
 * Provides MESSAGE_BUS to every module: Kafka when KAFKA_BROKERS is set, in-process otherwise. The bus is
 * closed before the other shutdown hooks run, so consumers stop before the event store closes under them.
 */
@Global()
@Module({})
export class MessagingModule implements BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(STOPPING) private readonly stopping: AbortController,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: STOPPING, useFactory: () => new AbortController() },
        {
          provide: MESSAGE_BUS,
          inject: [Readiness, STOPPING],
          useFactory: (readiness: Readiness, stopping: AbortController) =>
            openMessageBus(config, readiness, nestMessagingLogger(), stopping.signal),
        },
      ],
      exports: [MESSAGE_BUS],
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.bus.close();
  }
}
