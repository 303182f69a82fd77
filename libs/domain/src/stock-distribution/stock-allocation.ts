import { DomainRuleViolation } from '@imera/event-sourcing';
import { apportion, compareKeys } from './apportion';

/** What shares are proportional to when supply is short. */
export const SHARE_BASES = ['need', 'consumption'] as const;
export type ShareBasis = (typeof SHARE_BASES)[number];

/** CRMA Art 22: a Member State's strategic stock of the material, in whole units. */
export interface StockHolding {
  readonly memberState: string;
  readonly held: number;
  /** What the holder keeps whatever happens (its own critical uses); never released. */
  readonly protectedFloor: number;
}

export interface CriticalNeed {
  readonly memberState: string;
  /** Critical needs the Member State cannot cover, in whole units. */
  readonly need: number;
  /** Normal consumption over the reference period, in whole units: the weight under the consumption basis. */
  readonly consumption: number;
}

export interface AllocationInput {
  readonly basis: ShareBasis;
  readonly holdings: readonly StockHolding[];
  readonly needs: readonly CriticalNeed[];
}

export interface RecipientAllocation {
  readonly memberState: string;
  readonly need: number;
  readonly allocated: number;
}

export interface HolderContribution {
  readonly memberState: string;
  readonly releasable: number;
  readonly released: number;
}

/** A release from one Member State's stock to another's market (or to its own, when from = to). */
export interface AllocatedOrder {
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
}

/** Names the rule set below; bump it with any change of rules so recorded allocations stay explainable. */
export const STOCK_ALLOCATION_RULES = 'adr-0007/v1';

export interface StockAllocation {
  readonly rules: typeof STOCK_ALLOCATION_RULES;
  readonly basis: ShareBasis;
  readonly shortage: boolean;
  readonly totalReleasable: number;
  readonly totalNeed: number;
  readonly totalAllocated: number;
  readonly recipients: readonly RecipientAllocation[];
  readonly holders: readonly HolderContribution[];
  readonly orders: readonly AllocatedOrder[];
}

/**
 * The allocation rules (ADR 0007), as one pure function:
 * 1. a holder releases at most what it holds above its protected floor;
 * 2. a recipient receives at most its need;
 * 3. when releasable stock covers all needs, every need is met; otherwise the releasable total is shared in
 *    proportion to need (or consumption), water-filling past recipients whose share would exceed their need;
 *    under the consumption basis, what recipients without consumption leave over is shared by unmet need;
 * 4. holders release in proportion to their releasable stock;
 * 5. whole units by largest remainder, ties to the smaller Member State code;
 * 6. releases go first to the holder's own market, then holders and recipients are paired in code order.
 * The same set of reports always gives the same orders, in whatever order they are listed.
 */
export function allocateStocks(input: AllocationInput): StockAllocation {
  const holdings = sortedUnique(input.holdings.map(validHolding));
  const needs = sortedUnique(input.needs.map(validNeed));
  const releasable = new Map(holdings.map((h) => [h.memberState, Math.max(0, h.held - h.protectedFloor)]));
  const totalReleasable = total([...releasable.values()]);
  const totalNeed = total(needs.map((n) => n.need));
  const received = shareAmongRecipients(Math.min(totalReleasable, totalNeed), needs, input.basis);
  const totalAllocated = total([...received.values()]);
  const released = apportion(
    totalAllocated,
    holdings.map((h) => ({
      key: h.memberState,
      weight: releasable.get(h.memberState)!,
      cap: releasable.get(h.memberState)!,
    })),
  );
  return {
    rules: STOCK_ALLOCATION_RULES,
    basis: input.basis,
    shortage: totalReleasable < totalNeed,
    totalReleasable,
    totalNeed,
    totalAllocated,
    recipients: needs.map((n) => ({
      memberState: n.memberState,
      need: n.need,
      allocated: received.get(n.memberState)!,
    })),
    holders: holdings.map((h) => ({
      memberState: h.memberState,
      releasable: releasable.get(h.memberState)!,
      released: released.get(h.memberState)!,
    })),
    orders: pairReleases(released, received),
  };
}

function shareAmongRecipients(amount: number, needs: readonly CriticalNeed[], basis: ShareBasis): Map<string, number> {
  const weightOf = (n: CriticalNeed) => (basis === 'need' ? n.need : n.consumption);
  const first = apportion(
    amount,
    needs.map((n) => ({ key: n.memberState, weight: weightOf(n), cap: n.need })),
  );
  const leftover = amount - total([...first.values()]);
  if (leftover === 0) return first;
  const unmet = needs.map((n) => ({
    key: n.memberState,
    weight: n.need - first.get(n.memberState)!,
    cap: n.need - first.get(n.memberState)!,
  }));
  const second = apportion(leftover, unmet);
  return new Map(needs.map((n) => [n.memberState, first.get(n.memberState)! + second.get(n.memberState)!]));
}

/** Own market first (no transport), then the north-west corner rule over Member State codes: few orders. */
function pairReleases(released: Map<string, number>, received: Map<string, number>): AllocatedOrder[] {
  const supply = new Map(released);
  const demand = new Map(received);
  const orders: AllocatedOrder[] = [];
  for (const [memberState, offered] of [...supply].sort(([a], [b]) => compareKeys(a, b))) {
    const own = Math.min(offered, demand.get(memberState) ?? 0);
    if (own > 0) {
      orders.push({ from: memberState, to: memberState, quantity: own });
      supply.set(memberState, offered - own);
      demand.set(memberState, demand.get(memberState)! - own);
    }
  }
  const holders = [...supply].filter(([, q]) => q > 0).sort(([a], [b]) => compareKeys(a, b));
  const recipients = [...demand].filter(([, q]) => q > 0).sort(([a], [b]) => compareKeys(a, b));
  let h = 0;
  let r = 0;
  while (h < holders.length && r < recipients.length) {
    const quantity = Math.min(holders[h][1], recipients[r][1]);
    orders.push({ from: holders[h][0], to: recipients[r][0], quantity });
    holders[h][1] -= quantity;
    recipients[r][1] -= quantity;
    if (holders[h][1] === 0) h += 1;
    if (recipients[r][1] === 0) r += 1;
  }
  return orders.sort((a, b) => compareKeys(a.from, b.from) || compareKeys(a.to, b.to));
}

function validHolding(holding: StockHolding): StockHolding {
  requireWholeUnits(holding.held, `Stock held by ${holding.memberState}`);
  requireWholeUnits(holding.protectedFloor, `Protected floor of ${holding.memberState}`);
  return holding;
}

function validNeed(need: CriticalNeed): CriticalNeed {
  requireWholeUnits(need.need, `Need of ${need.memberState}`);
  requireWholeUnits(need.consumption, `Consumption of ${need.memberState}`);
  return need;
}

export function requireWholeUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainRuleViolation('invalid-quantity', `${what} must be a whole number of units >= 0, got ${value}`);
  }
}

function sortedUnique<T extends { readonly memberState: string }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => compareKeys(a.memberState, b.memberState));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i].memberState === sorted[i - 1].memberState) {
      throw new DomainRuleViolation('duplicate-member-state', `${sorted[i].memberState} is listed twice`);
    }
  }
  return sorted;
}

function total(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}
