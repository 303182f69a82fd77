import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Clock, EventStore, systemClock } from '@imera/event-sourcing';
import { AppConfig } from '../config/app-config';
import { Readiness } from '../health/readiness';
import { openEventStore } from './open-event-store';
import { APP_CONFIG, CLOCK, EVENT_STORE } from './tokens';

/** Provides the event store, the clock and the configuration to every module of an app. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        {
          provide: EVENT_STORE,
          inject: [Readiness],
          useFactory: async (readiness: Readiness) => {
            readiness.register('event-store');
            const { store, detail } = await openEventStore(config, clock);
            readiness.markReady('event-store', detail);
            return store;
          },
        },
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
