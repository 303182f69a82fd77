import { defaultCrisisScopes } from '@imera/reference-data';
import { scopesTouchedBy } from './scopes-touched';
import { evolveSupplyIndicators, initialSupplyIndicatorsState, SupplyIndicatorsState } from './supply-indicators.projection';
import { ANNOUNCEMENT_46_2024, IntakeLog, magnetMaker } from './testing/intake-log';

const touched = scopesTouchedBy(defaultCrisisScopes());
const impact = { capacityShareAffected: 0.4, tonnesPerYearAffected: 120, expectedDurationDays: 60 };

function fold(log: IntakeLog): SupplyIndicatorsState {
  return log.events.reduce(evolveSupplyIndicators, initialSupplyIndicatorsState());
}

describe('the scopes an intake event touches', () => {
  it('are those covering the filed material, through the list entry it counts towards', () => {
    const log = new IntakeLog();
    const before = fold(log);
    const event = log.file('n-1', 'DE', magnetMaker('DE-magnets-1', 'DE', 'Hanau'), 'dysprosium', impact, '2025-04-10T09:00:00.000Z');
    expect(touched(event, before, fold(log)).map((scope) => scope.id)).toEqual(['rare-earth-magnets']);
  });

  it('include every scope a measure covers, in the configured order', () => {
    const log = new IntakeLog();
    const before = fold(log);
    const event = log.recordMeasure({ ...ANNOUNCEMENT_46_2024, materials: ['gallium', 'graphite', 'boron'] }, '2024-12-03T10:00:00.000Z', false);
    expect(touched(event, before, fold(log)).map((scope) => scope.id)).toEqual(['rare-earth-magnets', 'battery-raw-materials', 'defence-raw-materials']);
  });

  it('include the scopes of the materials a measure had before an amendment took them away', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_46_2024, '2024-12-03T10:00:00.000Z');
    const before = fold(log);
    const event = log.control(
      { type: 'ExportControlAmended', data: { measureId: ANNOUNCEMENT_46_2024.measureId, amendedOn: '2025-01-10', recordedAt: '2025-01-10T10:00:00.000Z', reference: 'Amendment', materials: ['lithium'] } },
      '2025-01-10T10:00:00.000Z',
    );
    expect(touched(event, before, fold(log)).map((scope) => scope.id)).toEqual(['battery-raw-materials', 'defence-raw-materials']);
  });

  it('are none for a material no scope covers', () => {
    const log = new IntakeLog();
    const before = fold(log);
    const event = log.file('n-2', 'FR', magnetMaker('FR-x-1', 'FR', 'Lyon'), 'phosphate-rock', impact, '2025-04-10T09:00:00.000Z');
    expect(touched(event, before, fold(log))).toEqual([]);
  });
});
