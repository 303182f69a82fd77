import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@imera/event-sourcing';
import { APP_CONFIG, AppConfig, EVENT_STORE, ProjectionRunner, projectionSnapshots, Readiness } from '@imera/platform';
import { DashboardSettings, loadDashboardSettings } from './dashboard.config';
import { DashboardAssets } from './page/dashboard-assets';
import { DashboardPageController } from './page/dashboard-page.controller';
import { DashboardSessionController } from './session/dashboard-session.controller';
import { IndicatorTrends } from './trends/indicator-trends';
import { IndicatorTrendsController } from './trends/indicator-trends.controller';

const DASHBOARD_SETTINGS = Symbol('DashboardSettings');
const TRENDS_RUNNER = Symbol('IndicatorTrendsRunner');
const logger = new Logger('dashboard');

/**
 * The crisis cell's live dashboard: the page at `/` (its files under `/dashboard/`), the signed-in session
 * and the indicator trends it charts. Scopes, modes and the live stream come from the crisis monitor, the
 * instruments from the response service.
 */
@Module({
  controllers: [DashboardPageController, DashboardSessionController, IndicatorTrendsController],
  providers: [
    { provide: DASHBOARD_SETTINGS, useFactory: () => loadDashboardSettings() },
    { provide: DashboardAssets, useFactory: () => DashboardAssets.load() },
    { provide: IndicatorTrends, inject: [DASHBOARD_SETTINGS], useFactory: (settings: DashboardSettings) => new IndicatorTrends(settings.trends) },
    {
      provide: TRENDS_RUNNER,
      inject: [IndicatorTrends, EVENT_STORE, Readiness, APP_CONFIG],
      useFactory: (trends: IndicatorTrends, store: EventStore, readiness: Readiness, config: AppConfig) =>
        new ProjectionRunner(trends, {
          store,
          readiness,
          onError: (name, error) => logger.error(`projection ${name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
          onNotice: (name, message) => logger.log(`projection ${name}: ${message}`),
          // Resumes after its saved state, as the crisis monitor does; the in-memory store starts from nothing.
          snapshots: projectionSnapshots(config),
        }),
    },
  ],
})
export class DashboardModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(TRENDS_RUNNER) private readonly trends: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    this.trends.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.trends.stop();
  }
}
