import { DomainRuleViolation } from '@imera/event-sourcing';
import { allocateStocks, requireWholeUnits } from './stock-allocation';
import { ConfirmDelivery, DispatchOrder, IssueDistributionOrders, PlanAllocation } from './stock-distribution.commands';
import { StockDistributionEvent } from './stock-distribution.events';
import {
  requireCollecting,
  requireEmergency,
  requireInstant,
  requireRound,
  requireSameScope,
  requireVigilanceOrEmergency,
} from './stock-distribution.rules';
import { OpenRound, StockDistributionState } from './stock-distribution.state';
import { distributionOrderId } from './stock-distribution.stream';

function allocationRecord(round: OpenRound) {
  const holdings = Object.values(round.holdings);
  const needs = Object.values(round.needs);
  if (needs.length === 0)
    throw new DomainRuleViolation('no-needs-reported', `No Member State has reported needs in round ${round.roundId}`);
  const allocation = allocateStocks({ basis: round.basis, holdings, needs });
  return {
    roundId: round.roundId,
    scopeId: round.scopeId,
    material: round.material,
    unit: round.unit,
    holdings,
    needs,
    allocation,
  };
}

export function plan(command: PlanAllocation, state: StockDistributionState): StockDistributionEvent[] {
  const round = requireRound(state, command.roundId);
  requireSameScope(round, command.scope);
  requireInstant(command.plannedAt, 'plannedAt');
  const mode = requireVigilanceOrEmergency(command.scope, command.plannedAt);
  return [
    {
      type: 'StockAllocationPlanned',
      data: {
        ...allocationRecord(round),
        plannedInMode: mode,
        plannedAt: command.plannedAt,
        plannedBy: command.plannedBy,
      },
    },
  ];
}

export function issueOrders(command: IssueDistributionOrders, state: StockDistributionState): StockDistributionEvent[] {
  const round = requireRound(state, command.roundId);
  requireSameScope(round, command.scope);
  requireCollecting(round);
  requireInstant(command.issuedAt, 'issuedAt');
  requireEmergency(command.scope, command.issuedAt);
  const record = allocationRecord(round);
  if (record.allocation.totalAllocated === 0) {
    throw new DomainRuleViolation('nothing-to-allocate', `Round ${round.roundId}: no releasable stock meets any need`);
  }
  return [
    { type: 'StockAllocationDecided', data: { ...record, decidedAt: command.issuedAt, decidedBy: command.issuedBy } },
    ...record.allocation.orders.map((order) => ({
      type: 'StockDistributionOrderIssued' as const,
      data: {
        roundId: round.roundId,
        orderId: distributionOrderId(order.from, order.to),
        scopeId: round.scopeId,
        material: round.material,
        unit: round.unit,
        from: order.from,
        to: order.to,
        quantity: order.quantity,
        issuedAt: command.issuedAt,
      },
    })),
  ];
}

export function dispatch(command: DispatchOrder, state: StockDistributionState): StockDistributionEvent[] {
  const round = requireRound(state, command.roundId);
  const order = requireOrder(round, command.orderId);
  requireInstant(command.dispatchedAt, 'dispatchedAt');
  if (command.memberState !== order.from)
    throw new DomainRuleViolation(
      'not-the-releasing-member-state',
      `Order ${command.orderId} is released by ${order.from}`,
    );
  if (order.status !== 'issued')
    throw new DomainRuleViolation('already-dispatched', `Order ${command.orderId} is ${order.status}`);
  requireWholeUnits(command.quantity, 'The dispatched quantity');
  if (command.quantity === 0 || command.quantity > order.quantity) {
    throw new DomainRuleViolation(
      'invalid-quantity',
      `Dispatch 1..${order.quantity} units for order ${command.orderId}`,
    );
  }
  return [
    {
      type: 'StockDistributionOrderDispatched',
      data: {
        roundId: round.roundId,
        orderId: command.orderId,
        from: order.from,
        to: order.to,
        quantity: command.quantity,
        dispatchedAt: command.dispatchedAt,
      },
    },
  ];
}

export function confirmDelivery(command: ConfirmDelivery, state: StockDistributionState): StockDistributionEvent[] {
  const round = requireRound(state, command.roundId);
  const order = requireOrder(round, command.orderId);
  requireInstant(command.deliveredAt, 'deliveredAt');
  if (command.memberState !== order.to)
    throw new DomainRuleViolation('not-the-receiving-member-state', `Order ${command.orderId} goes to ${order.to}`);
  if (order.status === 'issued')
    throw new DomainRuleViolation('not-dispatched', `Order ${command.orderId} has not been dispatched`);
  if (order.status === 'delivered')
    throw new DomainRuleViolation('already-delivered', `Order ${command.orderId} was delivered`);
  requireWholeUnits(command.quantityReceived, 'The quantity received');
  if (command.quantityReceived > order.dispatched) {
    throw new DomainRuleViolation(
      'invalid-quantity',
      `Only ${order.dispatched} units were dispatched for order ${command.orderId}`,
    );
  }
  return [
    {
      type: 'StockDistributionOrderDelivered',
      data: {
        roundId: round.roundId,
        orderId: command.orderId,
        from: order.from,
        to: order.to,
        quantityReceived: command.quantityReceived,
        lostInTransit: order.dispatched - command.quantityReceived,
        deliveredAt: command.deliveredAt,
      },
    },
  ];
}

function requireOrder(round: OpenRound, orderId: string) {
  const order = round.orders[orderId];
  if (!order) throw new DomainRuleViolation('order-not-found', `Round ${round.roundId} has no order ${orderId}`);
  return order;
}
