import { DynamicModule, Module } from '@nestjs/common';
import { Clock, systemClock } from '@imera/event-sourcing';
import { AppConfig, AuthModule, EventStoreModule, HealthModule } from '@imera/platform';

/**
 * The all-in-one system (the embedded default): every service of the system in one process, wired to the
 * ports' adapters that the configuration selects. Each service stays a module that can run on its own.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: AppModule,
      imports: [HealthModule, EventStoreModule.forRoot(config, clock), AuthModule.forRoot(config, { clock })],
    };
  }
}
