/** A claim on a quantity being shared: its weight in the split and the most it may receive. */
export interface Claim {
  /** Stable key (e.g. a Member State code); ties in rounding go to the smaller key. */
  readonly key: string;
  /** Non-negative whole number; a claim of weight 0 receives nothing. */
  readonly weight: number;
  /** Non-negative whole number of units. */
  readonly cap: number;
}

/**
 * Splits `total` whole units among claims in proportion to their weights, never giving a claim more than
 * its cap; what a capped claim cannot take is shared among the others (water-filling). Exact integer
 * arithmetic, then largest remainder with ties broken by key, so the result depends only on the set of
 * claims, never on their order or on floating-point rounding. Returns the share of every claim (0 included);
 * the shares sum to `total` unless the claims with positive weight cannot absorb it.
 */
export function apportion(total: number, claims: readonly Claim[]): Map<string, number> {
  const shares = new Map<string, number>(claims.map((claim) => [claim.key, 0]));
  let active = [...claims].filter((c) => c.weight > 0 && c.cap > 0).sort((a, b) => compareKeys(a.key, b.key));
  let remaining = BigInt(total);
  while (active.length > 0 && remaining > 0n) {
    const weightSum = sum(active.map((c) => BigInt(c.weight)));
    const capped = active.filter((c) => BigInt(c.weight) * remaining >= BigInt(c.cap) * weightSum);
    if (capped.length === 0) {
      splitProportionally(remaining, weightSum, active, shares);
      break;
    }
    for (const claim of capped) {
      shares.set(claim.key, claim.cap);
      remaining -= BigInt(claim.cap);
    }
    active = active.filter((c) => !capped.includes(c));
  }
  return shares;
}

/** Largest remainder over uncapped claims: every exact share is below its cap, so floor + 1 never exceeds it. */
function splitProportionally(
  total: bigint,
  weightSum: bigint,
  claims: readonly Claim[],
  shares: Map<string, number>,
): void {
  const parts = claims.map((claim) => {
    const product = BigInt(claim.weight) * total;
    return { key: claim.key, floor: product / weightSum, remainder: product % weightSum };
  });
  let leftover = total - sum(parts.map((part) => part.floor));
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? compareKeys(a.key, b.key) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    const extra = leftover > 0n ? 1n : 0n;
    leftover -= extra;
    shares.set(part.key, Number(part.floor + extra));
  }
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
