import { Decider, DomainRuleViolation } from '@imera/event-sourcing';
import { StrategicStockEvent, StrategicStockReported } from './strategic-stock.events';

export type ReportStrategicStock = { readonly kind: 'ReportStrategicStock'; readonly now: string } & Omit<
  StrategicStockReported['data'],
  'recordedAt'
>;

export type StrategicStockCommand = ReportStrategicStock;

export interface StrategicStockState {
  readonly reportIds: readonly string[];
  readonly latest?: { readonly reportId: string; readonly tonnesHeld: number; readonly reportedAt: string };
}

/** The stock reports of one Member State for one material (CRMA Art 22). */
export const strategicStockDecider: Decider<StrategicStockCommand, StrategicStockState, StrategicStockEvent> = {
  initialState: () => ({ reportIds: [] }),

  decide(command, state) {
    const { kind: _kind, now, ...report } = command;
    if (state.reportIds.includes(report.reportId)) {
      throw new DomainRuleViolation('stock-report-exists', `Stock report ${report.reportId} was already recorded`);
    }
    assertNonNegative(report.tonnesHeld, 'tonnesHeld');
    if (report.shareOfNationalConsumption !== undefined)
      assertNonNegative(report.shareOfNationalConsumption, 'shareOfNationalConsumption');
    if (Date.parse(report.reportedAt) > Date.parse(now)) {
      throw new DomainRuleViolation('date-in-future', `reportedAt ${report.reportedAt} is after now (${now})`);
    }
    if (state.latest && Date.parse(report.reportedAt) < Date.parse(state.latest.reportedAt)) {
      throw new DomainRuleViolation(
        'stock-report-out-of-date',
        `A report for ${state.latest.reportedAt} is already recorded; one for ${report.reportedAt} cannot replace it`,
      );
    }
    return [{ type: 'StrategicStockReported', data: { ...report, recordedAt: now } }];
  },

  evolve(state, event) {
    const { reportId, tonnesHeld, reportedAt } = event.data;
    return { reportIds: [...state.reportIds, reportId], latest: { reportId, tonnesHeld, reportedAt } };
  },
};

function assertNonNegative(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0)
    throw new DomainRuleViolation('invalid-quantity', `${field} must be a finite number >= 0, got ${value}`);
}
