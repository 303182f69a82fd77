import fc from 'fast-check';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { NotificationImpact } from '@imera/domain/operator-notifications';
import { indicatorSettingsSchema } from './indicator-settings';
import { bucketSummary } from './notification-summary';
import { evolveSupplyIndicators, initialSupplyIndicatorsState, SupplyIndicatorsState } from './supply-indicators.projection';
import { IntakeLog, magnetMaker } from './testing/intake-log';

const severity = indicatorSettingsSchema.parse(policyFile.indicators).notificationSeverity;
const AT = '2025-04-05T08:00:00.000Z';

const impact: fc.Arbitrary<NotificationImpact> = fc.record(
  {
    capacityShareAffected: fc.double({ min: 0, max: 1, noNaN: true }),
    tonnesPerYearAffected: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 5_000, noNaN: true })),
    expectedDurationDays: fc.integer({ min: 1, max: 365 }),
    stockCoverDays: fc.integer({ min: 0, max: 200 }),
  },
  { requiredKeys: ['capacityShareAffected', 'tonnesPerYearAffected', 'expectedDurationDays'] },
);
const filing = fc.record({ memberState: fc.constantFrom('DE', 'FR', 'IT'), operator: fc.nat(4), impact, asked: fc.boolean() });

function gallium(state: SupplyIndicatorsState) {
  return state.openNotifications.find(([code]) => code === 'gallium')![1];
}

describe('a material bucket summary', () => {
  it('after each filing equals a pass over the bucket, whether or not the summary was asked for in between', () => {
    fc.assert(
      fc.property(fc.array(filing, { minLength: 1, maxLength: 40 }), (filings) => {
        const log = new IntakeLog();
        let state = initialSupplyIndicatorsState();
        filings.forEach((next, index) => {
          const operator = magnetMaker(`op-${next.operator}`, next.memberState, 'site');
          state = evolveSupplyIndicators(state, log.file(`n-${index}`, next.memberState, operator, 'gallium', next.impact, AT));
          if (!next.asked && index < filings.length - 1) return;
          const bucket = gallium(state);
          // A copy has no history: its summary is a pass over every notification.
          expect(bucketSummary(bucket, severity)).toEqual({ ...bucketSummary([...bucket], severity), notifications: bucket });
        });
      }),
      { numRuns: 100 },
    );
  });

  it('extends the last summary by the new filing instead of counting the bucket again', () => {
    const log = new IntakeLog();
    const file = (state: SupplyIndicatorsState, id: string, memberState: string, operatorId: string) =>
      evolveSupplyIndicators(state, log.file(id, memberState, magnetMaker(operatorId, memberState, 'site'), 'gallium', { capacityShareAffected: 0.5, tonnesPerYearAffected: 100, expectedDurationDays: 30 }, AT));
    const first = file(initialSupplyIndicatorsState(), 'n-1', 'DE', 'op-1');
    const before = bucketSummary(gallium(first), severity);
    const sameFiler = bucketSummary(gallium(file(first, 'n-2', 'DE', 'op-1')), severity);
    const newFiler = bucketSummary(gallium(file(first, 'n-3', 'FR', 'op-2')), severity);

    expect(sameFiler.memberStates).toBe(before.memberStates);
    expect(sameFiler.operators).toBe(before.operators);
    expect([...newFiler.memberStates]).toEqual(['DE', 'FR']);
    expect([...before.memberStates]).toEqual(['DE']);
    expect(sameFiler.tonnesPerYearAffected).toBe(200);
  });
});
