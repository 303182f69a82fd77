import { loadCrisisMonitorSettings } from '../../crisis-monitor/src/crisis-monitor.config';
import { IndicatorTrendsSettings } from './trends/indicator-trends';

/** What the dashboard reads from its environment, checked at start. */
export interface DashboardSettings {
  /** The policy and scopes of the crisis monitor, so the trends match what it computes. */
  readonly trends: IndicatorTrendsSettings;
}

/** DASHBOARD_TREND_POINTS: how many points each scope's trend keeps. Default, not law: 180. */
export function loadDashboardSettings(env: NodeJS.ProcessEnv = process.env): DashboardSettings {
  const { policy, scopes } = loadCrisisMonitorSettings(env);
  return { trends: { policy, scopes, pointsKept: wholeNumber(env, 'DASHBOARD_TREND_POINTS', 180) } };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 2 || parsed > 10_000) throw new Error(`${name} must be a whole number from 2 to 10000, got "${value}"`);
  return parsed;
}
