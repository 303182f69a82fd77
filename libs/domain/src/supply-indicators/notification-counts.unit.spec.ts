import fc from 'fast-check';
import { crisisScope } from '@imera/reference-data';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { RecordedEvent } from '@imera/event-sourcing';
import { NotificationImpact } from '@imera/domain/operator-notifications';
import { defaultIndicatorContext } from './indicator-context';
import { indicatorSettingsSchema, notificationSeverity } from './indicator-settings';
import { scopeIndicators } from './scope-indicators';
import { evolveSupplyIndicators, initialSupplyIndicatorsState, TrackedNotification } from './supply-indicators.projection';
import { IntakeLog, magnetMaker } from './testing/intake-log';

const settings = indicatorSettingsSchema.parse(policyFile.indicators);
const scope = crisisScope('rare-earth-magnets')!;
const MATERIALS = ['dysprosium', 'terbium', 'neodymium', 'samarium', 'gallium'];

type Step =
  | { kind: 'file'; material: number; memberState: number; operator: number; impact: NotificationImpact }
  | { kind: 'update' | 'resolve'; pick: number; impact: NotificationImpact };

const impact = fc.record(
  {
    capacityShareAffected: fc.double({ min: 0, max: 1, noNaN: true }),
    tonnesPerYearAffected: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 5_000, noNaN: true })),
    expectedDurationDays: fc.integer({ min: 1, max: 365 }),
    stockCoverDays: fc.integer({ min: 0, max: 200 }),
  },
  { requiredKeys: ['capacityShareAffected', 'tonnesPerYearAffected', 'expectedDurationDays'] },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('file' as const), material: fc.nat(4), memberState: fc.nat(3), operator: fc.nat(5), impact }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('update' as const, 'resolve' as const), pick: fc.nat(), impact }) },
);

/** The counts as a plain pass over every open notification of the scope gives them, evidence included. */
function recount(open: readonly TrackedNotification[]) {
  const evidence = (items: readonly TrackedNotification[]) =>
    items.flatMap((item) => item.evidence).sort((a, b) => a.globalPosition - b.globalPosition);
  const severity = (item: TrackedNotification) => notificationSeverity(item.impact, settings.notificationSeverity);
  const significant = open.filter((item) => ['high', 'critical'].includes(severity(item)));
  const critical = open.filter((item) => severity(item) === 'critical');
  const covers = open.filter((item) => item.impact.stockCoverDays !== undefined);
  return {
    tonnes: { value: open.reduce((total, item) => total + item.impact.tonnesPerYearAffected, 0), evidence: evidence(open) },
    memberStates: new Set(open.map((item) => item.memberState)).size,
    operators: new Set(open.map((item) => item.operatorId)).size,
    significant: { value: significant.length, evidence: evidence(significant) },
    critical: { value: critical.length, evidence: evidence(critical) },
    cover: covers.length === 0 ? null : { value: Math.min(...covers.map((item) => item.impact.stockCoverDays!)), evidence: evidence(covers) },
  };
}

describe('notification counts kept per material bucket', () => {
  it('equal a plain recount over the open notifications after every filing, update and resolution', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const log = new IntakeLog();
        const open: { id: string; material: string; memberState: string }[] = [];
        let state = initialSupplyIndicatorsState();
        steps.forEach((next, index) => {
          const at = new Date(Date.UTC(2025, 3, 5) + index * 60_000).toISOString();
          let event: RecordedEvent;
          if (next.kind === 'file' || open.length === 0) {
            const filing = next.kind === 'file' ? next : { material: 0, memberState: 0, operator: 0 };
            const filed = { id: `n-${index}`, material: MATERIALS[filing.material], memberState: ['DE', 'FR', 'IT', 'EE'][filing.memberState] };
            event = log.file(filed.id, filed.memberState, magnetMaker(`op-${filing.operator}`, 'DE', 'site'), filed.material, next.impact, at);
            open.push(filed);
          } else {
            const target = open[next.pick % open.length];
            const base = { notificationId: target.id, memberState: target.memberState, material: target.material };
            if (next.kind === 'resolve') open.splice(open.indexOf(target), 1);
            event =
              next.kind === 'update'
                ? log.notification({ type: 'OperatorNotificationUpdated', data: { ...base, impact: next.impact, description: 'revised', updatedAt: at } }, at)
                : log.notification({ type: 'OperatorNotificationResolved', data: { ...base, description: 'resolved', resolvedAt: at } }, at);
          }
          state = evolveSupplyIndicators(state, event);
          const context = defaultIndicatorContext(settings, at);
          const entries = new Set(scope.materials.map((material) => material.code));
          const inScope = state.openNotifications
            .flatMap(([, bucket]) => bucket)
            .filter((item) => context.countsTowards(item.material).some((entry) => entries.has(entry)))
            .sort((a, b) => a.evidence[0].globalPosition - b.evidence[0].globalPosition);
          const expected = recount(inScope);
          const indicators = scopeIndicators(state, scope, context);
          expect(indicators.tonnesPerYearAffected).toEqual(expected.tonnes);
          expect(indicators.memberStatesAffected).toEqual({ value: expected.memberStates, evidence: expected.tonnes.evidence });
          expect(indicators.operatorsAffected).toEqual({ value: expected.operators, evidence: expected.tonnes.evidence });
          expect(indicators.significantNotifications).toEqual(expected.significant);
          expect(indicators.criticalNotifications).toEqual(expected.critical);
          if (expected.cover === null) expect(indicators.shortestOperatorStockCoverDays.value).toBeNull();
          else expect(indicators.shortestOperatorStockCoverDays).toEqual(expected.cover);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('add up tonnes in filing order and serialise with the evidence in place, read before or not', () => {
    const log = new IntakeLog();
    const at = '2025-04-05T08:00:00.000Z';
    let state = initialSupplyIndicatorsState();
    // Added per material first, 0.1 + 1.1 + 0.1 would give 1.3000000000000003: the sum keeps filing order.
    const filings = [['dysprosium', 0.1], ['terbium', 0.1], ['dysprosium', 1.1]] as const;
    for (const [index, [material, tonnesPerYearAffected]] of filings.entries()) {
      const filed = log.file(`n-${index}`, 'DE', magnetMaker(`op-${index}`, 'DE', 'site'), material, { capacityShareAffected: 0.9, tonnesPerYearAffected, expectedDurationDays: 30, stockCoverDays: 10 }, at);
      state = evolveSupplyIndicators(state, filed);
    }
    const context = defaultIndicatorContext(settings, at);
    const unread = JSON.parse(JSON.stringify(scopeIndicators(state, scope, context)));
    const read = scopeIndicators(state, scope, context);
    expect(read.criticalNotifications.evidence.map((ref) => ref.globalPosition)).toEqual(log.events.map((event) => event.globalPosition));
    expect(Object.keys(read.tonnesPerYearAffected)).toEqual(['value', 'evidence']);
    expect(JSON.parse(JSON.stringify(read))).toEqual(unread);
    expect(unread.tonnesPerYearAffected).toEqual({ value: 0.1 + 0.1 + 1.1, evidence: log.events.map((event) => ({ eventId: event.id, globalPosition: event.globalPosition, streamName: event.streamName, type: event.type })) });
    expect({ ...read.worstShareOfConsumptionAffected }).toEqual(unread.worstShareOfConsumptionAffected);
  });
});
