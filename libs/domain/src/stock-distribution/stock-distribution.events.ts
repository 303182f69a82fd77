import { Event } from '@imera/event-sourcing';
import { CriticalNeed, ShareBasis, StockAllocation, StockHolding } from './stock-allocation';

export type StockDistributionRoundOpened = Event<
  'StockDistributionRoundOpened',
  {
    readonly roundId: string;
    readonly scopeId: string;
    /** Raw-material code from the reference data. */
    readonly material: string;
    /** The whole unit all quantities of the round are counted in (e.g. "t", "kg"). */
    readonly unit: string;
    readonly basis: ShareBasis;
    readonly openedInMode: 'vigilance' | 'emergency';
    readonly openedAt: string;
    readonly openedBy: string;
  }
>;

/** CRMA Art 22: a Member State's strategic stock; a later report replaces an earlier one. */
export type StocksReported = Event<
  'StocksReported',
  StockHolding & {
    readonly roundId: string;
    readonly form?: string;
    readonly purity?: string;
    readonly reportedAt: string;
  }
>;

export type CriticalNeedsReported = Event<
  'CriticalNeedsReported',
  CriticalNeed & { readonly roundId: string; readonly reportedAt: string }
>;

interface AllocationRecord {
  readonly roundId: string;
  readonly scopeId: string;
  readonly material: string;
  readonly unit: string;
  /** The reports the allocation was computed from, so it can be re-derived and audited. */
  readonly holdings: readonly StockHolding[];
  readonly needs: readonly CriticalNeed[];
  readonly allocation: StockAllocation;
}

/** A what-if allocation (vigilance or emergency): nothing moves. */
export type StockAllocationPlanned = Event<
  'StockAllocationPlanned',
  AllocationRecord & {
    readonly plannedInMode: 'vigilance' | 'emergency';
    readonly plannedAt: string;
    readonly plannedBy: string;
  }
>;

/** The allocation the orders of the round carry out (emergency mode only). */
export type StockAllocationDecided = Event<
  'StockAllocationDecided',
  AllocationRecord & { readonly decidedAt: string; readonly decidedBy: string }
>;

export type StockDistributionOrderIssued = Event<
  'StockDistributionOrderIssued',
  {
    readonly roundId: string;
    readonly orderId: string;
    readonly scopeId: string;
    readonly material: string;
    readonly unit: string;
    /** Releasing Member State; equal to `to` for a release to its own market. */
    readonly from: string;
    readonly to: string;
    readonly quantity: number;
    readonly issuedAt: string;
  }
>;

export type StockDistributionOrderDispatched = Event<
  'StockDistributionOrderDispatched',
  {
    readonly roundId: string;
    readonly orderId: string;
    readonly from: string;
    readonly to: string;
    readonly quantity: number;
    readonly dispatchedAt: string;
  }
>;

export type StockDistributionOrderDelivered = Event<
  'StockDistributionOrderDelivered',
  {
    readonly roundId: string;
    readonly orderId: string;
    readonly from: string;
    readonly to: string;
    readonly quantityReceived: number;
    /** Dispatched but not received. */
    readonly lostInTransit: number;
    readonly deliveredAt: string;
  }
>;

export type StockDistributionEvent =
  | StockDistributionRoundOpened
  | StocksReported
  | CriticalNeedsReported
  | StockAllocationPlanned
  | StockAllocationDecided
  | StockDistributionOrderIssued
  | StockDistributionOrderDispatched
  | StockDistributionOrderDelivered;

export const STOCK_DISTRIBUTION_SCHEMA_VERSION = 1;
