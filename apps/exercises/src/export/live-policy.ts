import { RecordedHistoryHeader } from '@imera/domain/exercises/recorded-history';
import { policyRef } from '@imera/domain/imera-modes';
import { loadCrisisMonitorSettings } from '../../../crisis-monitor/src/crisis-monitor.config';

/** The policy the live system runs with in this environment (POLICY_FILE, AUTO_COUNCIL_DECISION...). */
export function livePolicy(env: NodeJS.ProcessEnv = process.env): NonNullable<RecordedHistoryHeader['policy']> {
  const settings = loadCrisisMonitorSettings(env);
  return { ref: policyRef(settings.policy), source: settings.policySource, document: settings.policy as unknown as Record<string, unknown> };
}
