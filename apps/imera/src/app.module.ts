import { DynamicModule, Module, Type } from '@nestjs/common';
import { Clock, systemClock } from '@imera/event-sourcing';
import { Topics } from '@imera/messaging';
import {
  AppConfig,
  AuthModule,
  createStructuredLogger,
  EventStoreModule,
  HealthModule,
  MessagingModule,
  ObservabilityModule,
  ObservabilityOptions,
  RecordedTopic,
  RecordingModule,
  SystemMetrics,
} from '@imera/platform';
import { AuditModule } from '../../audit/src/audit.module';
import { CrisisMonitorModule } from '../../crisis-monitor/src/crisis-monitor.module';
import { DashboardModule } from '../../dashboard/src/dashboard.module';
import { IntakeModule } from '../../intake/src/intake.module';
import { ResponseModule } from '../../response/src/response.module';

/** What the event recorder appends, by topic: each topic carries only its own stream categories. */
const RECORDED_TOPICS: readonly RecordedTopic[] = [
  { topic: Topics.operatorNotifications, streamCategories: ['notification'] },
  { topic: Topics.exportControls, streamCategories: ['exportControl'] },
  { topic: Topics.responseInstruments, streamCategories: ['infoRequest', 'prr', 'stockDistribution', 'jointProcurement'] },
  { topic: Topics.scopeModes, streamCategories: ['scope'] },
  { topic: Topics.strategicStocks, streamCategories: ['strategicStock'] },
];

/**
 * The all-in-one system (the embedded default): every service of the system in one process, wired to the
 * ports' adapters that the configuration selects. Each service stays a module that can run on its own.
 */
@Module({})
export class AppModule {
  /**
   * `authEnv`: where the token settings come from (process.env by default; an exercise namespace passes its
   * own). `extraModules`: modules added by the process that starts the app (the exercises API).
   */
  static forRoot(
    config: AppConfig,
    options: { clock?: Clock; observability?: ObservabilityOptions; authEnv?: NodeJS.ProcessEnv; extraModules?: ReadonlyArray<Type<unknown> | DynamicModule> } = {},
  ): DynamicModule {
    const clock = options.clock ?? systemClock;
    const observability = options.observability ?? { metrics: new SystemMetrics(), logger: createStructuredLogger() };
    return {
      module: AppModule,
      imports: [
        HealthModule,
        EventStoreModule.forRoot(config, clock),
        MessagingModule.forRoot(config),
        AuthModule.forRoot(config, { clock, env: options.authEnv }),
        ObservabilityModule.forRoot(config, observability),
        RecordingModule.forTopics(RECORDED_TOPICS),
        IntakeModule,
        ResponseModule,
        CrisisMonitorModule,
        AuditModule,
        DashboardModule,
        ...(options.extraModules ?? []),
      ],
    };
  }
}
