import { BeforeApplicationShutdown, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, EventStore } from '@imera/event-sourcing';
import { MessageBus } from '@imera/messaging';
import {
  APP_CONFIG,
  AppConfig,
  CLOCK,
  DecisionPublisher,
  EVENT_STORE,
  MESSAGE_BUS,
  ProjectionRunner,
  projectionSnapshots,
  Readiness,
} from '@imera/platform';
import { CouncilActIntake } from './council-acts/council-act-intake';
import { CrisisMonitorSettings, loadCrisisMonitorSettings } from './crisis-monitor.config';
import { LiveChanges } from './live/live-changes';
import { LiveStream } from './live/live-stream';
import { LiveStreamController } from './live/live-stream.controller';
import { CrisisMonitorProjection } from './monitor/crisis-monitor.projection';
import { ScopeModeDecisions } from './scope-modes/scope-mode-decisions';
import { ScopeModesProcessManager } from './scope-modes/scope-modes.process-manager';
import { ScopeQueries } from './scopes/scope-queries';
import { ScopesController } from './scopes/scopes.controller';
import { StockReportIntake } from './stock-reports/stock-report-intake';
import { StockReportsController } from './stock-reports/stock-reports.controller';

export const CRISIS_MONITOR_SETTINGS = Symbol('CrisisMonitorSettings');
export const CRISIS_MONITOR_RUNNER = Symbol('CrisisMonitorProjectionRunner');
const logger = new Logger('crisis-monitor');

/**
 * The crisis monitor: supply indicators and scope modes as a checkpointed projection, the scope-modes
 * process manager (escalation policy, expiries, simulated acts for exercises), Council acts and national
 * stock reports over HTTP, scope queries and the live stream for the dashboard.
 */
@Module({
  controllers: [ScopesController, StockReportsController, LiveStreamController],
  providers: [
    { provide: CRISIS_MONITOR_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadCrisisMonitorSettings(process.env, { policy: config.policy }) },
    { provide: DecisionPublisher, inject: [EVENT_STORE, MESSAGE_BUS], useFactory: (store: EventStore, bus: MessageBus) => new DecisionPublisher(store, bus) },
    { provide: CrisisMonitorProjection, inject: [CRISIS_MONITOR_SETTINGS], useFactory: (settings: CrisisMonitorSettings) => new CrisisMonitorProjection(settings) },
    {
      provide: CRISIS_MONITOR_RUNNER,
      inject: [CrisisMonitorProjection, EVENT_STORE, Readiness, APP_CONFIG, CRISIS_MONITOR_SETTINGS],
      useFactory: (monitor: CrisisMonitorProjection, store: EventStore, readiness: Readiness, config: AppConfig, settings: CrisisMonitorSettings) =>
        new ProjectionRunner(monitor, {
          store,
          readiness,
          onError: (name, error) => logger.error(`projection ${name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
          onNotice: (name, message) => logger.log(`projection ${name}: ${message}`),
          // Exercises and tests on the in-memory store start from nothing: there is nothing to resume.
          snapshots: projectionSnapshots(config, { everyEvents: settings.snapshotEveryEvents, everyMs: settings.snapshotEveryMs }),
        }),
    },
    {
      provide: ScopeModeDecisions,
      inject: [EVENT_STORE, DecisionPublisher, CRISIS_MONITOR_SETTINGS],
      useFactory: (store: EventStore, publisher: DecisionPublisher, settings: CrisisMonitorSettings) => new ScopeModeDecisions(store, publisher, settings.modeRules),
    },
    {
      provide: CouncilActIntake,
      inject: [ScopeModeDecisions, CLOCK, CRISIS_MONITOR_SETTINGS],
      useFactory: (decisions: ScopeModeDecisions, clock: Clock, settings: CrisisMonitorSettings) => new CouncilActIntake(decisions, clock, settings.scopes),
    },
    {
      provide: StockReportIntake,
      inject: [EVENT_STORE, DecisionPublisher, CLOCK],
      useFactory: (store: EventStore, publisher: DecisionPublisher, clock: Clock) => new StockReportIntake(store, publisher, clock),
    },
    {
      provide: ScopeQueries,
      inject: [CrisisMonitorProjection, ScopeModeDecisions, CLOCK, CRISIS_MONITOR_SETTINGS],
      useFactory: (monitor: CrisisMonitorProjection, decisions: ScopeModeDecisions, clock: Clock, settings: CrisisMonitorSettings) =>
        new ScopeQueries(monitor, decisions, clock, settings),
    },
    {
      provide: LiveChanges,
      inject: [CrisisMonitorProjection, CRISIS_MONITOR_SETTINGS],
      useFactory: (monitor: CrisisMonitorProjection, settings: CrisisMonitorSettings) => {
        const changes = new LiveChanges(monitor, settings.liveChangesKept);
        monitor.onChanges((batch) => changes.record(batch));
        return changes;
      },
    },
    {
      provide: LiveStream,
      inject: [LiveChanges, CrisisMonitorProjection, ScopeQueries],
      useFactory: (changes: LiveChanges, monitor: CrisisMonitorProjection, queries: ScopeQueries) =>
        new LiveStream({
          changes,
          position: () => monitor.position,
          notifications: (id) => monitor.state.notifications[id],
          scopes: () => queries.list(),
        }),
    },
    {
      provide: ScopeModesProcessManager,
      inject: [CrisisMonitorProjection, ScopeModeDecisions, CLOCK, CRISIS_MONITOR_SETTINGS],
      useFactory: (monitor: CrisisMonitorProjection, decisions: ScopeModeDecisions, clock: Clock, settings: CrisisMonitorSettings) =>
        new ScopeModesProcessManager(monitor, decisions, clock, settings, {
          warn: (message) => logger.warn(message),
          error: (message) => logger.error(message),
        }),
    },
  ],
  exports: [CrisisMonitorProjection, ScopeModeDecisions, ScopeModesProcessManager, CRISIS_MONITOR_RUNNER],
})
export class CrisisMonitorModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(CRISIS_MONITOR_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(ScopeModesProcessManager) private readonly processManager: ScopeModesProcessManager,
    @Inject(LiveStream) private readonly live: LiveStream,
    @Inject(CRISIS_MONITOR_SETTINGS) private readonly settings: CrisisMonitorSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    logger.log(`Escalation policy ${this.settings.policySource}${this.settings.policy.autoDecision.enabled ? '; simulated Council acts ON (exercises only)' : ''}`);
    this.runner.start();
    // The policy judges from the complete picture, so it starts once the monitor has caught up.
    if (!this.config.schedulesDriven) void this.runner.caughtUp.then(() => this.processManager.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.live.closeAll();
    await this.processManager.stop();
    await this.runner.stop();
  }
}
