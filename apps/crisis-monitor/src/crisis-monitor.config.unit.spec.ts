import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY_FILE, loadCrisisMonitorSettings } from './crisis-monitor.config';

describe('crisis monitor settings', () => {
  it('reads the shipped policy with simulated Council acts off, and the documented defaults', () => {
    const settings = loadCrisisMonitorSettings({});
    expect(settings.policySource).toBe(`default-policy@1 from ${DEFAULT_POLICY_FILE}`);
    expect(settings.policy.autoDecision.enabled).toBe(false);
    expect(settings.modeRules).toEqual({ emergencyMaxPeriodMonths: 6 });
    expect(settings.scopes.map((scope) => scope.id)).toContain('rare-earth-magnets');
    expect([settings.snapshotEveryEvents, settings.snapshotEveryMs, settings.liveChangesKept, settings.trendPointsKept]).toEqual([5_000, 10_000, 10_000, 180]);
  });

  it('lets the environment turn simulated acts on for an exercise, and says so', () => {
    const settings = loadCrisisMonitorSettings({ AUTO_COUNCIL_DECISION: 'on', AUTO_COUNCIL_DECISION_DELAY_HOURS: '2', PROJECTION_SNAPSHOT_EVERY_EVENTS: '100' });
    expect(settings.policy.autoDecision).toMatchObject({ enabled: true, delayHours: 2 });
    expect(settings.policySource).toMatch(/environment: autoDecision.enabled=true, autoDecision.delayHours=2/);
    expect(settings.snapshotEveryEvents).toBe(100);
    expect(loadCrisisMonitorSettings({ DASHBOARD_TREND_POINTS: '30' }).trendPointsKept).toBe(30);
  });

  it('refuses malformed settings and a policy file that breaks the law it names', () => {
    expect(() => loadCrisisMonitorSettings({ AUTO_COUNCIL_DECISION: 'yes' })).toThrow(/on or off/);
    expect(() => loadCrisisMonitorSettings({ PROJECTION_SNAPSHOT_EVERY_MS: '0' })).toThrow(/whole number/);
    expect(() => loadCrisisMonitorSettings({ DASHBOARD_TREND_POINTS: '1' })).toThrow(/DASHBOARD_TREND_POINTS must be a whole number from 2/);
    const dir = mkdtempSync(join(tmpdir(), 'imera-policy-'));
    try {
      const policy = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8'));
      policy.autoDecision.periodMonths.vigilance = 7;
      writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
      expect(() => loadCrisisMonitorSettings({ POLICY_FILE: join(dir, 'policy.json') })).toThrow(/IMERA Art 14-15/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
