import { streamName } from '@imera/event-sourcing';

/** One stream per distribution round: its reports, its allocation and the orders that carry it out. */
export const STOCK_DISTRIBUTION_STREAM_CATEGORY = 'stockDistribution';

export function stockDistributionStream(roundId: string): string {
  return streamName(STOCK_DISTRIBUTION_STREAM_CATEGORY, roundId);
}

/** Unique within a round: at most one order per pair of Member States. */
export function distributionOrderId(from: string, to: string): string {
  return `${from}-${to}`;
}
