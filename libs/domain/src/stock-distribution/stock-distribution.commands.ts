import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { ShareBasis } from './stock-allocation';

export interface OpenDistributionRound {
  readonly type: 'OpenDistributionRound';
  readonly roundId: string;
  readonly scope: ScopeModeSnapshot;
  readonly material: string;
  readonly unit: string;
  readonly basis: ShareBasis;
  readonly openedAt: string;
  readonly openedBy: string;
}

export interface ReportStocks {
  readonly type: 'ReportStocks';
  readonly roundId: string;
  readonly memberState: string;
  readonly held: number;
  readonly protectedFloor: number;
  readonly form?: string;
  readonly purity?: string;
  readonly reportedAt: string;
}

export interface ReportCriticalNeeds {
  readonly type: 'ReportCriticalNeeds';
  readonly roundId: string;
  readonly memberState: string;
  readonly need: number;
  readonly consumption: number;
  readonly reportedAt: string;
}

export interface PlanAllocation {
  readonly type: 'PlanAllocation';
  readonly roundId: string;
  readonly scope: ScopeModeSnapshot;
  readonly plannedAt: string;
  readonly plannedBy: string;
}

export interface IssueDistributionOrders {
  readonly type: 'IssueDistributionOrders';
  readonly roundId: string;
  readonly scope: ScopeModeSnapshot;
  readonly issuedAt: string;
  readonly issuedBy: string;
}

export interface DispatchOrder {
  readonly type: 'DispatchOrder';
  readonly roundId: string;
  readonly orderId: string;
  /** The releasing Member State confirming dispatch. */
  readonly memberState: string;
  readonly quantity: number;
  readonly dispatchedAt: string;
}

export interface ConfirmDelivery {
  readonly type: 'ConfirmDelivery';
  readonly roundId: string;
  readonly orderId: string;
  /** The receiving Member State confirming receipt. */
  readonly memberState: string;
  readonly quantityReceived: number;
  readonly deliveredAt: string;
}

export type StockDistributionCommand =
  | OpenDistributionRound
  | ReportStocks
  | ReportCriticalNeeds
  | PlanAllocation
  | IssueDistributionOrders
  | DispatchOrder
  | ConfirmDelivery;
