import { DomainRuleViolation } from '@imera/event-sourcing';
import { apportion, compareKeys } from '@imera/domain/stock-distribution';

/** A participant's aggregated demand for one material, in whole units. */
export interface ParticipantDemand {
  readonly memberState: string;
  readonly quantity: number;
}

/** A supplier's offer for one material, in whole units. */
export interface OfferedQuantity {
  readonly offerId: string;
  readonly supplierId: string;
  readonly quantity: number;
}

export interface MatchedQuantity {
  readonly offerId: string;
  readonly supplierId: string;
  readonly memberState: string;
  readonly quantity: number;
}

export interface MaterialMatch {
  readonly totalDemand: number;
  readonly totalOffered: number;
  readonly totalMatched: number;
  readonly participants: readonly { readonly memberState: string; readonly demand: number; readonly matched: number }[];
  readonly offers: readonly {
    readonly offerId: string;
    readonly supplierId: string;
    readonly offered: number;
    readonly taken: number;
  }[];
  readonly matches: readonly MatchedQuantity[];
}

/**
 * Pro-rata matching of one material (ADR 0008): min(demand, offers) is matched; participants receive it in
 * proportion to their demand and offers are taken in proportion to their quantity, both never above what
 * was stated; each offer is then split among participants in proportion to what they still lack. Whole
 * units by largest remainder, ties to the smaller key, so the result does not depend on input order.
 */
export function matchProRata(demands: readonly ParticipantDemand[], offers: readonly OfferedQuantity[]): MaterialMatch {
  const participants = unique(
    [...demands].sort((a, b) => compareKeys(a.memberState, b.memberState)),
    (d) => d.memberState,
  );
  const offered = unique(
    [...offers].sort((a, b) => compareKeys(a.offerId, b.offerId)),
    (o) => o.offerId,
  );
  for (const d of participants) requireWholeUnits(d.quantity, `Demand of ${d.memberState}`);
  for (const o of offered) requireWholeUnits(o.quantity, `Offer ${o.offerId}`);
  const totalDemand = total(participants.map((d) => d.quantity));
  const totalOffered = total(offered.map((o) => o.quantity));
  const totalMatched = Math.min(totalDemand, totalOffered);
  const allotted = apportion(
    totalMatched,
    participants.map((d) => ({ key: d.memberState, weight: d.quantity, cap: d.quantity })),
  );
  const taken = apportion(
    totalMatched,
    offered.map((o) => ({ key: o.offerId, weight: o.quantity, cap: o.quantity })),
  );
  return {
    totalDemand,
    totalOffered,
    totalMatched,
    participants: participants.map((d) => ({
      memberState: d.memberState,
      demand: d.quantity,
      matched: allotted.get(d.memberState)!,
    })),
    offers: offered.map((o) => ({
      offerId: o.offerId,
      supplierId: o.supplierId,
      offered: o.quantity,
      taken: taken.get(o.offerId)!,
    })),
    matches: splitOffers(offered, taken, allotted),
  };
}

/** Each offer in id order is shared by what participants still lack; the last one closes every gap exactly. */
function splitOffers(
  offers: readonly OfferedQuantity[],
  taken: Map<string, number>,
  allotted: Map<string, number>,
): MatchedQuantity[] {
  const lacking = new Map(allotted);
  const matches: MatchedQuantity[] = [];
  for (const offer of offers) {
    const shares = apportion(
      taken.get(offer.offerId)!,
      [...lacking].map(([memberState, quantity]) => ({ key: memberState, weight: quantity, cap: quantity })),
    );
    for (const [memberState, quantity] of [...shares].sort(([a], [b]) => compareKeys(a, b))) {
      if (quantity === 0) continue;
      matches.push({ offerId: offer.offerId, supplierId: offer.supplierId, memberState, quantity });
      lacking.set(memberState, lacking.get(memberState)! - quantity);
    }
  }
  return matches;
}

function requireWholeUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainRuleViolation('invalid-quantity', `${what} must be a whole number of units >= 0, got ${value}`);
  }
}

function unique<T>(sorted: T[], key: (item: T) => string): T[] {
  for (let i = 1; i < sorted.length; i += 1) {
    if (key(sorted[i]) === key(sorted[i - 1]))
      throw new DomainRuleViolation('duplicate-entry', `${key(sorted[i])} is listed twice`);
  }
  return sorted;
}

function total(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}
