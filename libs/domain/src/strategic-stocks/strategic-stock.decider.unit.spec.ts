import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { ReportStrategicStock, strategicStockDecider as decider } from './strategic-stock.decider';
import { StrategicStockEvent, strategicStockStream } from './strategic-stock.events';

const report = (reportId: string, reportedAt: string, tonnesHeld = 120): ReportStrategicStock => ({
  kind: 'ReportStrategicStock',
  reportId,
  memberState: 'FR',
  material: 'gallium',
  tonnesHeld,
  shareOfNationalConsumption: 0.5,
  form: 'metal',
  reportedAt,
  now: '2026-06-01T09:00:00Z',
});

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a rule violation');
}

describe('strategic stock reports (CRMA Art 22)', () => {
  it('records a report with the time it was recorded', () => {
    const events = decider.decide(report('r1', '2026-05-31'), decider.initialState());
    expect(events).toEqual([
      {
        type: 'StrategicStockReported',
        data: {
          reportId: 'r1',
          memberState: 'FR',
          material: 'gallium',
          tonnesHeld: 120,
          shareOfNationalConsumption: 0.5,
          form: 'metal',
          reportedAt: '2026-05-31',
          recordedAt: '2026-06-01T09:00:00Z',
        },
      },
    ]);
  });

  it('lets a newer report replace the latest level and refuses an older one', () => {
    const history: StrategicStockEvent[] = [...decider.decide(report('r1', '2026-04-30'), decider.initialState())];
    const state = foldEvents(decider, history);
    const [newer] = decider.decide(report('r2', '2026-05-31', 90), state);
    expect(foldEvents(decider, [...history, newer]).latest).toEqual({
      reportId: 'r2',
      tonnesHeld: 90,
      reportedAt: '2026-05-31',
    });
    expect(codeOf(() => decider.decide(report('r0', '2026-03-31'), state))).toBe('stock-report-out-of-date');
  });

  it('refuses a repeated report id, negative tonnes, a negative share and a date in the future', () => {
    const state = foldEvents(decider, decider.decide(report('r1', '2026-04-30'), decider.initialState()));
    expect(codeOf(() => decider.decide(report('r1', '2026-05-31'), state))).toBe('stock-report-exists');
    expect(codeOf(() => decider.decide(report('r2', '2026-05-31', -1), state))).toBe('invalid-quantity');
    expect(
      codeOf(() => decider.decide({ ...report('r2', '2026-05-31'), shareOfNationalConsumption: -0.1 }, state)),
    ).toBe('invalid-quantity');
    expect(codeOf(() => decider.decide(report('r2', '2026-06-02'), state))).toBe('date-in-future');
  });

  it('names one stream per Member State and material', () => {
    expect(strategicStockStream('FR', 'gallium')).toBe('strategicStock-FR-gallium');
  });
});
