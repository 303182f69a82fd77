import { isCommission, Principal } from '@imera/auth';
import { RecordedEvent } from '@imera/event-sourcing';
import {
  CriticalNeed,
  StockAllocation,
  StockDistributionEvent,
  StockDistributionRoundOpened,
  StockHolding,
} from '@imera/domain/stock-distribution';
import { HistoryEntry, historyEntry } from '../shared/history';

export interface DistributionOrderRecord {
  readonly orderId: string;
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly status: 'issued' | 'dispatched' | 'delivered';
  readonly issuedAt: string;
  readonly dispatched?: { readonly quantity: number; readonly at: string };
  readonly delivered?: { readonly quantityReceived: number; readonly lostInTransit: number; readonly at: string };
}

type RoundOpened = StockDistributionRoundOpened['data'];

export interface StockDistributionRecord extends RoundOpened {
  /** `collecting` reports, `orders-issued` until every order is delivered, then `completed`. */
  readonly status: 'collecting' | 'orders-issued' | 'completed';
  readonly holdings: readonly (StockHolding & { readonly form?: string; readonly purity?: string; readonly reportedAt: string })[];
  readonly needs: readonly (CriticalNeed & { readonly reportedAt: string })[];
  /** The latest what-if allocation (vigilance or emergency): nothing moves. */
  readonly latestPlan?: { readonly allocation: StockAllocation; readonly plannedInMode: string; readonly plannedAt: string; readonly plannedBy: string };
  /** The allocation the orders carry out, with the reports it rests on. */
  readonly decision?: { readonly allocation: StockAllocation; readonly decidedAt: string; readonly decidedBy: string };
  readonly orders: readonly DistributionOrderRecord[];
  readonly history: readonly HistoryEntry[];
}

export function isStockDistributionEvent(recorded: RecordedEvent): boolean {
  return recorded.streamName.startsWith('stockDistribution-');
}

/** Folds one event of the round's stream into its record. */
export function evolveStockDistributionRecord(record: StockDistributionRecord | undefined, recorded: RecordedEvent): StockDistributionRecord | undefined {
  const event = recorded as unknown as StockDistributionEvent;
  if (event.type === 'StockDistributionRoundOpened') {
    return { ...event.data, status: 'collecting', holdings: [], needs: [], orders: [], history: [historyEntry(recorded)] };
  }
  if (!record) return record;
  const next = { ...record, history: [...record.history, historyEntry(recorded)] };
  switch (event.type) {
    case 'StocksReported': {
      const { roundId: _roundId, ...report } = event.data;
      return { ...next, holdings: replaceReport(next.holdings, report) };
    }
    case 'CriticalNeedsReported': {
      const { roundId: _roundId, ...report } = event.data;
      return { ...next, needs: replaceReport(next.needs, report) };
    }
    case 'StockAllocationPlanned': {
      const { allocation, plannedInMode, plannedAt, plannedBy } = event.data;
      return { ...next, latestPlan: { allocation, plannedInMode, plannedAt, plannedBy } };
    }
    case 'StockAllocationDecided': {
      const { allocation, decidedAt, decidedBy } = event.data;
      return { ...next, status: 'orders-issued', decision: { allocation, decidedAt, decidedBy } };
    }
    case 'StockDistributionOrderIssued': {
      const { orderId, from, to, quantity, issuedAt } = event.data;
      return { ...next, orders: [...next.orders, { orderId, from, to, quantity, status: 'issued', issuedAt }] };
    }
    case 'StockDistributionOrderDispatched':
      return withOrder(next, event.data.orderId, { status: 'dispatched', dispatched: { quantity: event.data.quantity, at: event.data.dispatchedAt } });
    case 'StockDistributionOrderDelivered': {
      const { quantityReceived, lostInTransit, deliveredAt: at } = event.data;
      const delivered = withOrder(next, event.data.orderId, { status: 'delivered', delivered: { quantityReceived, lostInTransit, at } });
      return delivered.orders.every((order) => order.status === 'delivered') ? { ...delivered, status: 'completed' } : delivered;
    }
  }
}

/** A later report of a Member State replaces its earlier one; reports stay in Member State order. */
function replaceReport<R extends { readonly memberState: string }>(reports: readonly R[], report: R): R[] {
  return [...reports.filter((r) => r.memberState !== report.memberState), report].sort((a, b) => (a.memberState < b.memberState ? -1 : 1));
}

function withOrder(record: StockDistributionRecord, orderId: string, change: Partial<DistributionOrderRecord>): StockDistributionRecord {
  return { ...record, orders: record.orders.map((order) => (order.orderId === orderId ? { ...order, ...change } : order)) };
}

/**
 * Rounds are coordination among Member States: every authority sees the reports and the allocation, so
 * each can check the orders by hand (ADR 0007). Operators and others: 404.
 */
export function visibleStockDistribution(record: StockDistributionRecord, principal: Principal): StockDistributionRecord | undefined {
  return isCommission(principal) || principal.role === 'member-state-authority' ? record : undefined;
}
