import { Module } from '@nestjs/common';
import { CrisisMonitorModule } from '../../crisis-monitor/src/crisis-monitor.module';
import { CrisisMonitorProjection } from '../../crisis-monitor/src/monitor/crisis-monitor.projection';
import { DashboardAssets } from './page/dashboard-assets';
import { DashboardPageController } from './page/dashboard-page.controller';
import { DashboardSessionController } from './session/dashboard-session.controller';
import { IndicatorTrends } from './trends/indicator-trends';
import { IndicatorTrendsController } from './trends/indicator-trends.controller';

/**
 * The crisis cell's live dashboard: the page at `/` (its files under `/dashboard/`), the signed-in session
 * and the indicator trends it charts. Scopes, modes, trends and the live stream come from the crisis monitor,
 * the instruments from the response service.
 */
@Module({
  imports: [CrisisMonitorModule],
  controllers: [DashboardPageController, DashboardSessionController, IndicatorTrendsController],
  providers: [
    { provide: DashboardAssets, useFactory: () => DashboardAssets.load() },
    { provide: IndicatorTrends, inject: [CrisisMonitorProjection], useFactory: (monitor: CrisisMonitorProjection) => new IndicatorTrends(monitor) },
  ],
})
export class DashboardModule {}
