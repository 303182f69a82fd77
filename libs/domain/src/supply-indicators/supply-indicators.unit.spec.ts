import { crisisScope } from '@imera/reference-data';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { defaultIndicatorContext } from './indicator-context';
import { indicatorSettingsSchema } from './indicator-settings';
import { materialIndicators } from './material-indicators';
import { scopeIndicators } from './scope-indicators';
import { projectSupplyIndicators } from './supply-indicators.projection';
import {
  ANNOUNCEMENT_18_2025,
  ANNOUNCEMENT_23_2023,
  ANNOUNCEMENT_46_2024,
  ANNOUNCEMENT_57_2025,
  IntakeLog,
  magnetMaker,
} from './testing/intake-log';

const settings = indicatorSettingsSchema.parse(policyFile.indicators);
const context = (asOf: string) => defaultIndicatorContext(settings, asOf);
const positions = (refs: readonly { globalPosition: number }[]) => refs.map((ref) => ref.globalPosition);

/** April 2025: China's licences for seven rare earths, and magnet makers in three Member States notify delays. */
function april2025() {
  const log = new IntakeLog();
  const measure = log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T10:00:00Z');
  log.recordMeasure(ANNOUNCEMENT_46_2024, '2025-04-04T10:05:00Z');
  const dysprosium = log.file(
    'n-de-1',
    'DE',
    magnetMaker('op-de-1', 'DE', 'Hanau'),
    'dysprosium',
    { capacityShareAffected: 0.4, tonnesPerYearAffected: 30, expectedDurationDays: 60, stockCoverDays: 30 },
    '2025-04-22T08:00:00Z',
  );
  const terbium = log.file(
    'n-ee-1',
    'EE',
    magnetMaker('op-ee-1', 'EE', 'Narva'),
    'terbium',
    { capacityShareAffected: 0.3, tonnesPerYearAffected: 5, expectedDurationDays: 90 },
    '2025-04-25T08:00:00Z',
  );
  const samarium = log.file(
    'n-fr-1',
    'FR',
    magnetMaker('op-fr-1', 'FR', 'Sarreguemines'),
    'samarium',
    { capacityShareAffected: 0.15, tonnesPerYearAffected: 2, expectedDurationDays: 30 },
    '2025-05-02T08:00:00Z',
  );
  return { log, measure, dysprosium, terbium, samarium };
}

describe('supply indicators per material', () => {
  it("weighs the April 2025 rare-earth licences by China's share of EU sourcing at the most exposed stage", () => {
    const { log } = april2025();
    const state = projectSupplyIndicators(log.events);
    const heavy = materialIndicators(state, 'heavy-rare-earth-elements', context('2025-05-10T00:00:00Z'));

    // China supplies 100% of the EU's processed heavy rare earths; a licence requirement weighs 0.5 by default.
    expect(heavy.shareOfSupplyUnderControls.value).toBe(0.5);
    expect(heavy.controls).toEqual([
      {
        measureId: 'cn-mofcom-2025-18',
        reference: 'MOFCOM/GAC Announcement No. 18 of 2025',
        country: 'CN',
        type: 'licence-requirement',
        weight: 0.5,
        matchedCodes: ['gadolinium', 'terbium', 'dysprosium', 'lutetium', 'yttrium'],
        stage: 'processing',
        countryShareOfEuSourcing: 1,
      },
    ]);
    const light = materialIndicators(state, 'light-rare-earth-elements', context('2025-05-10T00:00:00Z'));
    expect(light.shareOfSupplyUnderControls.value).toBeCloseTo(0.425);
    expect(light.controls[0]).toMatchObject({
      matchedCodes: ['samarium'],
      stage: 'processing',
      countryShareOfEuSourcing: 0.85,
    });
    expect(
      materialIndicators(state, 'scandium', context('2025-05-10T00:00:00Z')).shareOfSupplyUnderControls.value,
    ).toBeCloseTo(0.03);
  });

  it('counts the notifications of magnet makers with their severity, and cites every event', () => {
    const { log, measure, dysprosium, terbium } = april2025();
    const heavy = materialIndicators(
      projectSupplyIndicators(log.events),
      'heavy-rare-earth-elements',
      context('2025-05-10T00:00:00Z'),
    );

    expect(heavy.tonnesPerYearAffected.value).toBe(35);
    expect(heavy.memberStatesAffected.value).toBe(2);
    expect(heavy.operatorsAffected.value).toBe(2);
    // 40% of capacity is high; the operator's 30 days of stock run out before the 60-day disruption: critical.
    expect(heavy.notificationsBySeverity).toEqual({ low: 0, medium: 0, high: 1, critical: 1 });
    expect(positions(heavy.tonnesPerYearAffected.evidence)).toEqual([
      dysprosium.globalPosition,
      terbium.globalPosition,
    ]);
    expect(positions(heavy.criticalNotifications.evidence)).toEqual([dysprosium.globalPosition]);
    expect(heavy.shareOfSupplyUnderControls.evidence[0]).toEqual({
      eventId: measure.id,
      globalPosition: measure.globalPosition,
      streamName: 'exportControl-cn-mofcom-2025-18',
      type: 'ExportControlRecorded',
    });
    expect(heavy.shortestOperatorStockCoverDays.value).toBe(30);
  });

  it('says what is unknown instead of guessing: heavy rare-earth consumption and stocks are not published', () => {
    const { log } = april2025();
    const heavy = materialIndicators(
      projectSupplyIndicators(log.events),
      'heavy-rare-earth-elements',
      context('2025-05-10T00:00:00Z'),
    );
    expect(heavy.shareOfConsumptionAffected.value).toBeNull();
    expect(heavy.shareOfConsumptionAffected.unknown).toEqual([
      'EU annual consumption of heavy-rare-earth-elements is not known',
    ]);
    expect(heavy.daysOfStockCover.value).toBeNull();
    expect(heavy.tonnesInStrategicStocks.unknown).toEqual([
      'no Member State has reported strategic stocks of heavy-rare-earth-elements',
    ]);
  });

  it('ignores a control whose destinations leave out the EU', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_46_2024, '2024-12-03T10:00:00Z');
    const gallium = materialIndicators(projectSupplyIndicators(log.events), 'gallium', context('2025-01-01T00:00:00Z'));
    expect(gallium.shareOfSupplyUnderControls).toEqual({ value: 0, evidence: [] });
    expect(gallium.controls).toEqual([]);
  });

  it('computes the share of consumption and the days of stock cover where EU consumption is known (gallium)', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_23_2023, '2023-08-01T00:00:00Z');
    log.file(
      'n-de-ga',
      'DE',
      { ...magnetMaker('op-de-ga', 'DE', 'Freiberg'), role: 'component-manufacturing' },
      'gallium',
      { capacityShareAffected: 0.6, tonnesPerYearAffected: 10, expectedDurationDays: 90 },
      '2025-03-01T00:00:00Z',
    );
    const fr = log.stock(
      {
        type: 'StrategicStockReported',
        data: {
          reportId: 's1',
          memberState: 'FR',
          material: 'gallium',
          tonnesHeld: 5,
          reportedAt: '2025-02-28',
          recordedAt: '2025-03-01T00:00:00Z',
        },
      },
      '2025-03-01T00:00:00Z',
    );
    log.stock(
      {
        type: 'StrategicStockReported',
        data: {
          reportId: 's2',
          memberState: 'DE',
          material: 'gallium',
          tonnesHeld: 4,
          reportedAt: '2025-01-31',
          recordedAt: '2025-03-01T00:00:00Z',
        },
      },
      '2025-03-01T00:00:00Z',
    );
    const de = log.stock(
      {
        type: 'StrategicStockReported',
        data: {
          reportId: 's3',
          memberState: 'DE',
          material: 'gallium',
          tonnesHeld: 3,
          reportedAt: '2025-02-28',
          recordedAt: '2025-03-02T00:00:00Z',
        },
      },
      '2025-03-02T00:00:00Z',
    );

    const gallium = materialIndicators(projectSupplyIndicators(log.events), 'gallium', context('2025-03-05T00:00:00Z'));
    expect(gallium.shareOfSupplyUnderControls.value).toBeCloseTo(0.355);
    // 10 t of 40-45 t a year: the lower bound of consumption gives the larger share.
    expect(gallium.shareOfConsumptionAffected.value).toBeCloseTo(0.25);
    expect(gallium.tonnesInStrategicStocks.value).toBe(8);
    // 8 t against the upper bound of daily consumption (45 t / 365): the shorter cover.
    expect(gallium.daysOfStockCover.value).toBeCloseTo((8 / 45) * 365);
    expect(positions(gallium.daysOfStockCover.evidence)).toEqual([fr.globalPosition, de.globalPosition]);
  });

  it('follows a notification through update and resolution', () => {
    const { log } = april2025();
    log.notification(
      {
        type: 'OperatorNotificationUpdated',
        data: {
          notificationId: 'n-de-1',
          memberState: 'DE',
          material: 'dysprosium',
          impact: { capacityShareAffected: 0.8, tonnesPerYearAffected: 60, expectedDurationDays: 120 },
          description: 'worse',
          updatedAt: '2025-05-20T00:00:00Z',
        },
      },
      '2025-05-20T00:00:00Z',
    );
    let heavy = materialIndicators(
      projectSupplyIndicators(log.events),
      'heavy-rare-earth-elements',
      context('2025-05-21T00:00:00Z'),
    );
    expect(heavy.tonnesPerYearAffected.value).toBe(65);
    expect(heavy.notificationsBySeverity.critical).toBe(1);
    expect(heavy.tonnesPerYearAffected.evidence).toHaveLength(3);

    log.notification(
      {
        type: 'OperatorNotificationResolved',
        data: {
          notificationId: 'n-de-1',
          memberState: 'DE',
          material: 'dysprosium',
          description: 'licence granted',
          resolvedAt: '2025-06-20T00:00:00Z',
        },
      },
      '2025-06-20T00:00:00Z',
    );
    heavy = materialIndicators(
      projectSupplyIndicators(log.events),
      'heavy-rare-earth-elements',
      context('2025-06-21T00:00:00Z'),
    );
    expect(heavy.tonnesPerYearAffected.value).toBe(5);
    expect(heavy.operatorsAffected.value).toBe(1);
  });

  it('counts a suspended measure from the start of its suspension until the suspension expires', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_57_2025, '2025-10-09T12:00:00Z', false);
    log.enterIntoForce(
      ANNOUNCEMENT_57_2025.measureId,
      '2025-11-08',
      ANNOUNCEMENT_57_2025.materials,
      '2025-11-08T00:00:00Z',
    );
    log.control(
      {
        type: 'ExportControlSuspended',
        data: {
          measureId: ANNOUNCEMENT_57_2025.measureId,
          reference: 'MOFCOM Announcement No. 70 of 2025',
          suspendedFrom: '2025-11-10',
          suspendedUntil: '2026-11-10',
          recordedAt: '2025-11-09T00:00:00Z',
        },
      },
      '2025-11-09T00:00:00Z',
    );
    const state = projectSupplyIndicators(log.events);
    const share = (asOf: string, events = state) =>
      materialIndicators(events, 'heavy-rare-earth-elements', context(asOf)).shareOfSupplyUnderControls.value;
    expect(share('2025-11-09T12:00:00Z')).toBe(0.5);
    expect(share('2025-11-10T00:00:00Z')).toBe(0);

    log.control(
      {
        type: 'ExportControlSuspensionExpired',
        data: {
          measureId: ANNOUNCEMENT_57_2025.measureId,
          suspendedUntil: '2026-11-10',
          materials: ANNOUNCEMENT_57_2025.materials,
        },
      },
      '2026-11-10T00:00:00Z',
    );
    expect(share('2026-11-10T00:00:00Z', projectSupplyIndicators(log.events))).toBe(0.5);
  });

  it('does not count an announced measure before it enters into force, nor a lifted one', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_57_2025, '2025-10-09T12:00:00Z', false);
    const share = () =>
      materialIndicators(
        projectSupplyIndicators(log.events),
        'heavy-rare-earth-elements',
        context('2025-11-09T00:00:00Z'),
      ).shareOfSupplyUnderControls.value;
    expect(share()).toBe(0);
    log.enterIntoForce(
      ANNOUNCEMENT_57_2025.measureId,
      '2025-11-08',
      ANNOUNCEMENT_57_2025.materials,
      '2025-11-08T00:00:00Z',
    );
    expect(share()).toBe(0.5);
    log.control(
      {
        type: 'ExportControlLifted',
        data: {
          measureId: ANNOUNCEMENT_57_2025.measureId,
          reference: 'hypothetical lifting',
          liftedOn: '2025-11-09',
          recordedAt: '2025-11-09T00:00:00Z',
        },
      },
      '2025-11-09T00:00:00Z',
    );
    expect(share()).toBe(0);
  });

  it('counts a measure whose lifting is recorded in advance until the lifting date, and drops it when the lifting takes effect', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_57_2025, '2025-11-08T00:00:00Z');
    const lifting = { measureId: ANNOUNCEMENT_57_2025.measureId, reference: 'hypothetical lifting', liftedOn: '2025-12-01' };
    log.control({ type: 'ExportControlLifted', data: { ...lifting, recordedAt: '2025-11-20T00:00:00Z' } }, '2025-11-20T00:00:00Z');
    const share = (asOf: string) =>
      materialIndicators(projectSupplyIndicators(log.events), 'heavy-rare-earth-elements', context(asOf)).shareOfSupplyUnderControls.value;
    expect(share('2025-11-30T23:00:00Z')).toBe(0.5);
    expect(share('2025-12-01T00:00:00Z')).toBe(0);
    expect(projectSupplyIndicators(log.events).measures[lifting.measureId]).toMatchObject({ liftedFrom: '2025-12-01' });

    log.control({ type: 'ExportControlLiftingTookEffect', data: { ...lifting, materials: ANNOUNCEMENT_57_2025.materials } }, '2025-12-01T00:00:00Z');
    expect(projectSupplyIndicators(log.events).measures[lifting.measureId]).toBeUndefined();
  });

  it('changes the scope of a measure on the date of an amendment recorded in advance, not when it is recorded', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_57_2025, '2025-11-08T00:00:00Z');
    const amendment = { measureId: ANNOUNCEMENT_57_2025.measureId, reference: 'hypothetical amendment', amendedOn: '2025-12-01', destinations: ['US'] };
    log.control({ type: 'ExportControlAmended', data: { ...amendment, recordedAt: '2025-11-20T00:00:00Z' } }, '2025-11-20T00:00:00Z');
    const share = (asOf: string) =>
      materialIndicators(projectSupplyIndicators(log.events), 'heavy-rare-earth-elements', context(asOf)).shareOfSupplyUnderControls.value;
    expect(share('2025-11-21T00:00:00Z')).toBe(0.5);
    log.control({ type: 'ExportControlAmendmentTookEffect', data: amendment }, '2025-12-01T00:00:00Z');
    expect(share('2025-12-01T00:00:00Z')).toBe(0);
  });

  it('weighs an export ban fully and takes the heaviest measure per controlling country', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T10:00:00Z');
    log.recordMeasure(
      {
        ...ANNOUNCEMENT_18_2025,
        measureId: 'hypothetical-ban',
        reference: 'hypothetical ban',
        type: 'export-ban',
        materials: ['dysprosium'],
      },
      '2025-04-05T10:00:00Z',
    );
    const heavy = materialIndicators(
      projectSupplyIndicators(log.events),
      'heavy-rare-earth-elements',
      context('2025-04-06T00:00:00Z'),
    );
    expect(heavy.shareOfSupplyUnderControls.value).toBe(1);
    expect(heavy.shareOfSupplyUnderControls.evidence).toHaveLength(4);
  });
});

describe('supply indicators per crisis scope', () => {
  it('takes the worst material and counts each notification once across the rare-earth magnet scope', () => {
    const { log } = april2025();
    const scope = crisisScope('rare-earth-magnets')!;
    const indicators = scopeIndicators(projectSupplyIndicators(log.events), scope, context('2025-05-10T00:00:00Z'));

    expect(indicators.materials.map((material) => material.material)).toEqual(
      scope.materials.map((material) => material.code),
    );
    expect(indicators.worstShareOfSupplyUnderControls).toMatchObject({
      value: 0.5,
      material: 'heavy-rare-earth-elements',
    });
    // Rare earths for magnets has no baseline row of its own: said, not hidden.
    expect(indicators.worstShareOfSupplyUnderControls.unknown).toEqual([
      'the supply baseline has no row for rare-earths-for-magnets',
    ]);
    expect(indicators.tonnesPerYearAffected.value).toBe(37);
    expect(indicators.memberStatesAffected.value).toBe(3);
    expect(indicators.operatorsAffected.value).toBe(3);
    expect(indicators.notificationsBySeverity).toEqual({ low: 0, medium: 1, high: 1, critical: 1 });
    expect(indicators.significantNotifications.value).toBe(2);
    expect(indicators.activeControls.value).toBe(1);
    expect(indicators.lowestDaysOfStockCover).toMatchObject({ value: null, material: null });
    expect(indicators.baselineRef).toBe('eu-supply-baseline@1');
  });
});
