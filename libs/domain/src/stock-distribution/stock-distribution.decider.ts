import { Decider, DomainRuleViolation } from '@imera/event-sourcing';
import { requireWholeUnits, SHARE_BASES } from './stock-allocation';
import {
  OpenDistributionRound,
  ReportCriticalNeeds,
  ReportStocks,
  StockDistributionCommand,
} from './stock-distribution.commands';
import { StockDistributionEvent } from './stock-distribution.events';
import { confirmDelivery, dispatch, issueOrders, plan } from './stock-distribution.orders';
import {
  requireCollecting,
  requireInstant,
  requireRound,
  requireText,
  requireVigilanceOrEmergency,
} from './stock-distribution.rules';
import {
  evolveStockDistribution,
  initialStockDistributionState,
  StockDistributionState,
} from './stock-distribution.state';

export type StockDistributionDecider = Decider<
  StockDistributionCommand,
  StockDistributionState,
  StockDistributionEvent
>;

/** One decider per distribution round: reports in, one allocation, its orders dispatched and delivered. */
export const stockDistributionDecider: StockDistributionDecider = {
  decide,
  evolve: evolveStockDistribution,
  initialState: initialStockDistributionState,
};

function decide(command: StockDistributionCommand, state: StockDistributionState): StockDistributionEvent[] {
  switch (command.type) {
    case 'OpenDistributionRound':
      return open(command, state);
    case 'ReportStocks':
      return reportStocks(command, state);
    case 'ReportCriticalNeeds':
      return reportNeeds(command, state);
    case 'PlanAllocation':
      return plan(command, state);
    case 'IssueDistributionOrders':
      return issueOrders(command, state);
    case 'DispatchOrder':
      return dispatch(command, state);
    case 'ConfirmDelivery':
      return confirmDelivery(command, state);
  }
}

function open(command: OpenDistributionRound, state: StockDistributionState): StockDistributionEvent[] {
  if (state.status !== 'none') throw new DomainRuleViolation('already-opened', `Round ${command.roundId} exists`);
  requireInstant(command.openedAt, 'openedAt');
  const mode = requireVigilanceOrEmergency(command.scope, command.openedAt);
  requireText(command.material, 'material-required', 'The material');
  requireText(command.unit, 'unit-required', 'The unit');
  if (!SHARE_BASES.includes(command.basis))
    throw new DomainRuleViolation('unknown-basis', `Unknown basis "${command.basis}"`);
  return [
    {
      type: 'StockDistributionRoundOpened',
      data: {
        roundId: command.roundId,
        scopeId: command.scope.scopeId,
        material: command.material,
        unit: command.unit,
        basis: command.basis,
        openedInMode: mode,
        openedAt: command.openedAt,
        openedBy: command.openedBy,
      },
    },
  ];
}

function reportStocks(command: ReportStocks, state: StockDistributionState): StockDistributionEvent[] {
  const round = requireRound(state, command.roundId);
  requireCollecting(round);
  requireInstant(command.reportedAt, 'reportedAt');
  requireText(command.memberState, 'member-state-required', 'The Member State');
  requireWholeUnits(command.held, 'Stock held');
  requireWholeUnits(command.protectedFloor, 'Protected floor');
  const { type: _type, ...report } = command;
  return [{ type: 'StocksReported', data: report }];
}

function reportNeeds(command: ReportCriticalNeeds, state: StockDistributionState): StockDistributionEvent[] {
  const round = requireRound(state, command.roundId);
  requireCollecting(round);
  requireInstant(command.reportedAt, 'reportedAt');
  requireText(command.memberState, 'member-state-required', 'The Member State');
  requireWholeUnits(command.need, 'Need');
  requireWholeUnits(command.consumption, 'Consumption');
  const { type: _type, ...report } = command;
  return [{ type: 'CriticalNeedsReported', data: report }];
}
