import fc from 'fast-check';
import { crisisScope } from '@imera/reference-data';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { defaultIndicatorContext } from './indicator-context';
import { indicatorSettingsSchema } from './indicator-settings';
import { scopeIndicators } from './scope-indicators';
import {
  initialSupplyIndicatorsState,
  projectSupplyIndicators,
  SupplyIndicatorsState,
} from './supply-indicators.projection';
import { ANNOUNCEMENT_18_2025, ANNOUNCEMENT_23_2023, IntakeLog, magnetMaker } from './testing/intake-log';

const settings = indicatorSettingsSchema.parse(policyFile.indicators);

function history(): IntakeLog {
  const log = new IntakeLog();
  log.recordMeasure(ANNOUNCEMENT_23_2023, '2023-08-01T00:00:00Z');
  log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T10:00:00Z');
  const materials = ['dysprosium', 'terbium', 'samarium', 'neodymium', 'gallium'];
  for (let i = 0; i < 20; i++) {
    const material = materials[i % materials.length];
    const at = `2025-04-${String(5 + i).padStart(2, '0')}T08:00:00Z`;
    log.file(
      `n-${i}`,
      ['DE', 'FR', 'IT', 'EE'][i % 4],
      magnetMaker(`op-${i % 7}`, 'DE', 'site'),
      material,
      { capacityShareAffected: (i % 10) / 10, tonnesPerYearAffected: i + 1, expectedDurationDays: 30 + i },
      at,
    );
    if (i % 3 === 0) {
      log.notification(
        {
          type: 'OperatorNotificationResolved',
          data: {
            notificationId: `n-${i}`,
            memberState: ['DE', 'FR', 'IT', 'EE'][i % 4],
            material,
            description: 'resolved',
            resolvedAt: at,
          },
        },
        at,
      );
    }
  }
  log.stock(
    {
      type: 'StrategicStockReported',
      data: {
        reportId: 's1',
        memberState: 'FR',
        material: 'gallium',
        tonnesHeld: 5,
        reportedAt: '2025-04-01',
        recordedAt: '2025-04-02T00:00:00Z',
      },
    },
    '2025-04-02T00:00:00Z',
  );
  return log;
}

const serialise = (state: SupplyIndicatorsState) => JSON.stringify(state);

describe('supply indicators projection: determinism and checkpoints', () => {
  const events = history().events;
  const full = projectSupplyIndicators(events);

  it('rebuilds the identical serialised state from the same events', () => {
    expect(serialise(projectSupplyIndicators(history().events))).toBe(serialise(full));
    const context = defaultIndicatorContext(settings, '2025-05-01T00:00:00Z');
    const scope = crisisScope('rare-earth-magnets')!;
    expect(JSON.stringify(scopeIndicators(projectSupplyIndicators(history().events), scope, context))).toBe(
      JSON.stringify(scopeIndicators(full, scope, context)),
    );
  });

  it('gives, asked in any order and as of any moment, the indicators a fresh computation gives', () => {
    const log = history();
    // A suspension recorded ahead of its date: the scope's controls change with the moment asked about.
    const suspension = { measureId: ANNOUNCEMENT_18_2025.measureId, reference: 'test suspension', suspendedFrom: '2025-05-10', recordedAt: '2025-05-01T00:00:00Z' };
    log.control({ type: 'ExportControlSuspended', data: suspension }, '2025-05-01T00:00:00Z');
    const steps = log.events.map((_, at) => projectSupplyIndicators(log.events.slice(0, at + 1)));
    const moments = ['2025-04-05T00:00:00Z', '2025-05-09T23:00:00Z', '2025-05-10T00:00:00Z', '2025-06-01T00:00:00Z'];
    const scopes = ['rare-earth-magnets', 'battery-raw-materials', 'defence-raw-materials'].map((id) => crisisScope(id)!);
    fc.assert(
      fc.property(
        fc.array(fc.record({ step: fc.nat(steps.length - 1), moment: fc.nat(moments.length - 1), scope: fc.nat(scopes.length - 1) }), { maxLength: 12 }),
        (asks) => {
          const ask = ({ step, moment, scope }: (typeof asks)[number], fresh: boolean) => {
            // A state parsed from JSON shares no object with the ones asked before: nothing remembered applies.
            const state = fresh ? (JSON.parse(JSON.stringify(steps[step])) as SupplyIndicatorsState) : steps[step];
            return JSON.stringify(scopeIndicators(state, scopes[scope], defaultIndicatorContext(settings, moments[moment])));
          };
          const asked = asks.map((each) => ask(each, false));
          expect(asked).toEqual(asks.map((each) => ask(each, true)));
        },
      ),
    );
  });

  it('resumes from a checkpoint written as JSON at any point to the same state, ignoring redelivered events', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: events.length }),
        fc.integer({ min: 0, max: events.length }),
        (split, redelivered) => {
          const checkpoint = JSON.parse(serialise(projectSupplyIndicators(events.slice(0, split))));
          const resumed = projectSupplyIndicators(
            [...events.slice(Math.min(redelivered, split), split), ...events.slice(split)],
            checkpoint,
          );
          expect(serialise(resumed)).toBe(serialise(full));
        },
      ),
    );
  });

  it('never changes a state it was given', () => {
    const before = initialSupplyIndicatorsState();
    const frozen = JSON.stringify(before);
    const partial = projectSupplyIndicators(events.slice(0, 10), before);
    const snapshot = JSON.stringify(partial);
    projectSupplyIndicators(events.slice(10), partial);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(JSON.stringify(partial)).toBe(snapshot);
  });

  it('moves the checkpoint over events it does not use', () => {
    const other = { ...events[0], type: 'SomethingElseHappened', globalPosition: 99_999 };
    expect(projectSupplyIndicators([other], full)).toEqual({ ...full, checkpoint: 99_999 });
  });
});
