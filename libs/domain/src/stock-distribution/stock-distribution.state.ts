import { CriticalNeed, ShareBasis, StockHolding } from './stock-allocation';
import { StockDistributionEvent } from './stock-distribution.events';

export interface OrderState {
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly status: 'issued' | 'dispatched' | 'delivered';
  readonly dispatched: number;
}

export type StockDistributionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'collecting' | 'orders-issued';
      readonly roundId: string;
      readonly scopeId: string;
      readonly material: string;
      readonly unit: string;
      readonly basis: ShareBasis;
      readonly holdings: Readonly<Record<string, StockHolding>>;
      readonly needs: Readonly<Record<string, CriticalNeed>>;
      readonly orders: Readonly<Record<string, OrderState>>;
    };

export type OpenRound = Exclude<StockDistributionState, { status: 'none' }>;

export const initialStockDistributionState = (): StockDistributionState => ({ status: 'none' });

export function evolveStockDistribution(
  state: StockDistributionState,
  event: StockDistributionEvent,
): StockDistributionState {
  if (event.type === 'StockDistributionRoundOpened') {
    const { roundId, scopeId, material, unit, basis } = event.data;
    return { status: 'collecting', roundId, scopeId, material, unit, basis, holdings: {}, needs: {}, orders: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'StocksReported': {
      const { memberState, held, protectedFloor } = event.data;
      return { ...state, holdings: { ...state.holdings, [memberState]: { memberState, held, protectedFloor } } };
    }
    case 'CriticalNeedsReported': {
      const { memberState, need, consumption } = event.data;
      return { ...state, needs: { ...state.needs, [memberState]: { memberState, need, consumption } } };
    }
    case 'StockAllocationPlanned':
      return state;
    case 'StockAllocationDecided':
      return { ...state, status: 'orders-issued' };
    case 'StockDistributionOrderIssued': {
      const { orderId, from, to, quantity } = event.data;
      return {
        ...state,
        orders: { ...state.orders, [orderId]: { from, to, quantity, status: 'issued', dispatched: 0 } },
      };
    }
    case 'StockDistributionOrderDispatched':
      return withOrder(state, event.data.orderId, { status: 'dispatched', dispatched: event.data.quantity });
    case 'StockDistributionOrderDelivered':
      return withOrder(state, event.data.orderId, { status: 'delivered' });
  }
}

function withOrder(state: OpenRound, orderId: string, change: Partial<OrderState>): StockDistributionState {
  const order = state.orders[orderId];
  return order ? { ...state, orders: { ...state.orders, [orderId]: { ...order, ...change } } } : state;
}
