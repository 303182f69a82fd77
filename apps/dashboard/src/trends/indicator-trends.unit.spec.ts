import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordedEvent } from '@imera/event-sourcing';
import { loadPolicyConfiguration } from '@imera/domain/imera-modes';
import { ANNOUNCEMENT_18_2025, IntakeLog, magnetMaker } from '@imera/domain/supply-indicators/testing/intake-log';
import { defaultCrisisScopes } from '@imera/reference-data';
import { CrisisMonitorProjection } from '../../../crisis-monitor/src/monitor/crisis-monitor.projection';
import { IndicatorTrends } from './indicator-trends';

const policy = loadPolicyConfiguration(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'config', 'policy', 'default-policy.v1.json'), 'utf8')));
/** A crisis monitor keeping `pointsKept` trend points per scope, and the dashboard's view of its trends. */
class Charted {
  readonly monitor: CrisisMonitorProjection;
  readonly trends: IndicatorTrends;
  constructor(pointsKept: number) {
    this.monitor = new CrisisMonitorProjection({ policy, scopes: defaultCrisisScopes(), trendPointsKept: pointsKept });
    this.trends = new IndicatorTrends(this.monitor);
  }
  apply(event: RecordedEvent): void {
    this.monitor.apply(event);
  }
  of(scopeId: string) {
    return this.trends.of(scopeId);
  }
}
const trendsKeeping = (pointsKept: number) => new Charted(pointsKept);
const impact = { capacityShareAffected: 0.6, tonnesPerYearAffected: 40, expectedDurationDays: 90, stockCoverDays: 30 };
const values = (trends: Charted, name: 'operatorsAffected' | 'worstShareOfSupplyUnderControls', scopeId = 'rare-earth-magnets') =>
  trends.of(scopeId)!.indicators[name].points.map((point) => point.value);

describe('indicator trends for the dashboard charts', () => {
  it('adds a point to a scope each time an intake event moves its headline indicators', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T08:00:00Z');
    log.file('n-1', 'DE', magnetMaker('DE-1', 'DE', 'Hanau'), 'dysprosium', impact, '2025-04-10T09:00:00Z');
    log.file('n-2', 'FR', magnetMaker('FR-1', 'FR', 'Lyon'), 'dysprosium', impact, '2025-04-11T09:00:00Z');
    const trends = trendsKeeping(180);
    for (const event of log.events) trends.apply(event);

    expect(values(trends, 'operatorsAffected')).toEqual([0, 0, 1, 2]);
    expect(values(trends, 'worstShareOfSupplyUnderControls').at(-1)).toBeGreaterThan(0.25);
    expect(trends.of('rare-earth-magnets')!.indicators.operatorsAffected.points.at(-1)!.at).toBe('2025-04-11T09:00:00Z');
  });

  it('carries the thresholds of the policy in force with each indicator', () => {
    const { indicators, policyRef } = trendsKeeping(10).of('rare-earth-magnets')!;
    expect(policyRef).toBe('default-policy@1');
    expect(indicators.operatorsAffected.thresholds).toEqual({
      vigilance: { direction: 'above', enter: 3, exit: 1 },
      emergency: { direction: 'above', enter: 8, exit: 3 },
    });
    expect(indicators.tonnesPerYearAffected.thresholds).toEqual({});
  });

  it('ignores events it has already applied, and events that change no indicator', () => {
    const log = new IntakeLog();
    const filed = log.file('n-1', 'DE', magnetMaker('DE-1', 'DE', 'Hanau'), 'dysprosium', impact, '2025-04-10T09:00:00Z');
    const unrelated = log.append('scope-rare-earth-magnets', { type: 'VigilanceModeProposed', data: {} }, '2025-04-10T10:00:00Z');
    const trends = trendsKeeping(180);
    for (const event of [filed, filed, unrelated]) trends.apply(event);
    expect(values(trends, 'operatorsAffected')).toEqual([1]);
    expect(trends.of('rare-earth-magnets')!.position).toBe(unrelated.globalPosition);
  });

  it('keeps only the newest points', () => {
    const log = new IntakeLog();
    for (let index = 1; index <= 6; index++) log.file(`n-${index}`, 'DE', magnetMaker(`DE-${index}`, 'DE', 'Hanau'), 'dysprosium', impact, `2025-04-1${index}T09:00:00Z`);
    const trends = trendsKeeping(3);
    for (const event of log.events) trends.apply(event);
    expect(values(trends, 'operatorsAffected')).toEqual([4, 5, 6]);
  });

  it('gives the same series when rebuilt from the same events, and after a restore', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T08:00:00Z');
    log.file('n-1', 'DE', magnetMaker('DE-1', 'DE', 'Hanau'), 'terbium', impact, '2025-04-10T09:00:00Z');
    const [first, second] = [trendsKeeping(180), trendsKeeping(180)];
    for (const event of log.events) first.apply(event);
    second.monitor.restore(JSON.parse(JSON.stringify(first.monitor.snapshot())));
    expect(second.of('rare-earth-magnets')).toEqual(first.of('rare-earth-magnets'));
    for (const event of log.events) second.apply(event);
    expect(second.monitor.snapshot()).toEqual(first.monitor.snapshot());
  });

  it('charts the values the crisis monitor assessed, under the policy it was given', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T08:00:00Z');
    log.file('n-1', 'DE', magnetMaker('DE-1', 'DE', 'Hanau'), 'dysprosium', impact, '2025-04-10T09:00:00Z');
    const strict = loadPolicyConfiguration({ ...JSON.parse(JSON.stringify(policy)), version: 7 });
    const monitor = new CrisisMonitorProjection({ policy: strict, scopes: defaultCrisisScopes() });
    for (const event of log.events) monitor.apply(event);
    const trends = new IndicatorTrends(monitor).of('rare-earth-magnets')!;
    const headline = monitor.scope('rare-earth-magnets')!.headline!;
    expect(trends.policyRef).toBe(`${strict.policy}@7`);
    for (const [name, trend] of Object.entries(trends.indicators)) expect(trend.points.at(-1)!.value).toBe(headline[name as keyof typeof headline]);
    expect(trends.position).toBe(log.events.at(-1)!.globalPosition);
  });

  it('knows no scope the system does not watch', () => {
    expect(trendsKeeping(10).of('unobtainium')).toBeUndefined();
  });
});
