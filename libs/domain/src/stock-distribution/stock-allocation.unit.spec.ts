import fc from 'fast-check';
import { DomainRuleViolation } from '@imera/event-sourcing';
import { allocateStocks, AllocationInput, CriticalNeed, StockAllocation, StockHolding } from './stock-allocation';
import { apportion } from './apportion';

const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const sent = (allocation: StockAllocation, from: string) =>
  sumOf(allocation.orders.filter((o) => o.from === from).map((o) => o.quantity));
const got = (allocation: StockAllocation, to: string) =>
  sumOf(allocation.orders.filter((o) => o.to === to).map((o) => o.quantity));

describe('stock allocation', () => {
  it('meets every need when releasable stock suffices, own market first', () => {
    const allocation = allocateStocks({
      basis: 'need',
      holdings: [
        { memberState: 'FR', held: 500, protectedFloor: 200 },
        { memberState: 'DE', held: 100, protectedFloor: 0 },
      ],
      needs: [
        { memberState: 'DE', need: 150, consumption: 0 },
        { memberState: 'IT', need: 120, consumption: 0 },
      ],
    });
    expect(allocation.shortage).toBe(false);
    expect(allocation.recipients).toEqual([
      { memberState: 'DE', need: 150, allocated: 150 },
      { memberState: 'IT', need: 120, allocated: 120 },
    ]);
    // 270 released from 400 releasable, in proportion: DE 100 x 270/400 = 67.5, FR 300 x 270/400 = 202.5, tie to DE.
    expect(allocation.holders).toEqual([
      { memberState: 'DE', releasable: 100, released: 68 },
      { memberState: 'FR', releasable: 300, released: 202 },
    ]);
    expect(allocation.orders).toEqual([
      { from: 'DE', to: 'DE', quantity: 68 },
      { from: 'FR', to: 'DE', quantity: 82 },
      { from: 'FR', to: 'IT', quantity: 120 },
    ]);
  });

  it('shares a shortage in proportion to need, rounding by largest remainder', () => {
    const allocation = allocateStocks({
      basis: 'need',
      holdings: [{ memberState: 'SE', held: 100, protectedFloor: 0 }],
      needs: [
        { memberState: 'AT', need: 100, consumption: 0 },
        { memberState: 'BE', need: 100, consumption: 0 },
        { memberState: 'CZ', need: 100, consumption: 0 },
      ],
    });
    expect(allocation.shortage).toBe(true);
    // 33.33 each: the single leftover unit goes to the smallest code.
    expect(allocation.recipients.map((r) => r.allocated)).toEqual([34, 33, 33]);
  });

  it('shares by consumption when asked, never above need, the surplus going to the others', () => {
    const allocation = allocateStocks({
      basis: 'consumption',
      holdings: [{ memberState: 'PL', held: 300, protectedFloor: 0 }],
      needs: [
        { memberState: 'DE', need: 50, consumption: 600 },
        { memberState: 'ES', need: 400, consumption: 300 },
        { memberState: 'NL', need: 400, consumption: 100 },
      ],
    });
    // DE would get 180 by consumption but needs 50; the 250 left go 3:1 to ES and NL.
    expect(allocation.recipients.map((r) => [r.memberState, r.allocated])).toEqual([
      ['DE', 50],
      ['ES', 188],
      ['NL', 62],
    ]);
  });

  it('never releases the protected floor, nor from a holder below it', () => {
    const allocation = allocateStocks({
      basis: 'need',
      holdings: [
        { memberState: 'FI', held: 80, protectedFloor: 100 },
        { memberState: 'HU', held: 50, protectedFloor: 30 },
      ],
      needs: [{ memberState: 'RO', need: 1000, consumption: 0 }],
    });
    expect(allocation.totalAllocated).toBe(20);
    expect(allocation.orders).toEqual([{ from: 'HU', to: 'RO', quantity: 20 }]);
  });

  it('refuses fractional or negative quantities and a Member State listed twice', () => {
    const base: AllocationInput = { basis: 'need', holdings: [], needs: [] };
    const violation = (input: AllocationInput) => {
      try {
        allocateStocks(input);
      } catch (error) {
        return (error as DomainRuleViolation).code;
      }
      return undefined;
    };
    expect(violation({ ...base, holdings: [{ memberState: 'FR', held: 1.5, protectedFloor: 0 }] })).toBe(
      'invalid-quantity',
    );
    expect(violation({ ...base, needs: [{ memberState: 'FR', need: -1, consumption: 0 }] })).toBe('invalid-quantity');
    expect(
      violation({
        ...base,
        needs: [
          { memberState: 'FR', need: 1, consumption: 0 },
          { memberState: 'FR', need: 2, consumption: 0 },
        ],
      }),
    ).toBe('duplicate-member-state');
  });

  it('apportions exactly, even where floating point would drift', () => {
    const shares = apportion(10, [
      { key: 'a', weight: 1, cap: 10 },
      { key: 'b', weight: 1, cap: 10 },
      { key: 'c', weight: 1, cap: 10 },
    ]);
    expect([...shares.values()]).toEqual([4, 3, 3]);
    const big = apportion(9_007_199_254_740_991, [
      { key: 'a', weight: 3, cap: Number.MAX_SAFE_INTEGER },
      { key: 'b', weight: 7, cap: Number.MAX_SAFE_INTEGER },
    ]);
    expect(BigInt(big.get('a')!) + BigInt(big.get('b')!)).toBe(9_007_199_254_740_991n);
  });

  describe('properties', () => {
    const codes = ['AT', 'BE', 'BG', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'IT', 'NL', 'PL', 'SE'];
    const quantity = fc.integer({ min: 0, max: 5_000 });
    const holdings = fc.uniqueArray(
      fc.record({ memberState: fc.constantFrom(...codes), held: quantity, protectedFloor: quantity }),
      { selector: (h) => h.memberState, maxLength: 8 },
    );
    const needs = fc.uniqueArray(
      fc.record({ memberState: fc.constantFrom(...codes), need: quantity, consumption: quantity }),
      { selector: (n) => n.memberState, maxLength: 10 },
    );
    const input = fc.record({ basis: fc.constantFrom('need' as const, 'consumption' as const), holdings, needs });
    const releasable = (h: StockHolding) => Math.max(0, h.held - h.protectedFloor);

    it('never releases more than a holder holds above its floor, per holder and in total', () => {
      fc.assert(
        fc.property(input, (i) => {
          const allocation = allocateStocks(i);
          for (const h of i.holdings) expect(sent(allocation, h.memberState)).toBeLessThanOrEqual(releasable(h));
          expect(sumOf(allocation.orders.map((o) => o.quantity))).toBeLessThanOrEqual(
            sumOf(i.holdings.map(releasable)),
          );
        }),
      );
    });

    it('never gives a recipient more than its need, and ships exactly what it allocates', () => {
      fc.assert(
        fc.property(input, (i) => {
          const allocation = allocateStocks(i);
          for (const n of i.needs) {
            const recipient = allocation.recipients.find((r) => r.memberState === n.memberState)!;
            expect(recipient.allocated).toBeLessThanOrEqual(n.need);
            expect(got(allocation, n.memberState)).toBe(recipient.allocated);
          }
          for (const h of allocation.holders) expect(sent(allocation, h.memberState)).toBe(h.released);
          for (const o of allocation.orders) expect(o.quantity).toBeGreaterThan(0);
        }),
      );
    });

    it('leaves no releasable stock idle while a need is unmet', () => {
      fc.assert(
        fc.property(input, (i) => {
          const allocation = allocateStocks(i);
          expect(allocation.totalAllocated).toBe(
            Math.min(sumOf(i.holdings.map(releasable)), sumOf(i.needs.map((n) => n.need))),
          );
        }),
      );
    });

    it('gives each recipient its proportional share of need under shortage, within one unit', () => {
      fc.assert(
        fc.property(input, (i) => {
          const allocation = allocateStocks({ ...i, basis: 'need' });
          if (!allocation.shortage) return;
          const available = BigInt(allocation.totalReleasable);
          const totalNeed = BigInt(allocation.totalNeed);
          for (const r of allocation.recipients) {
            // |allocated - need x available / totalNeed| < 1, in exact integers.
            const gap = BigInt(r.allocated) * totalNeed - BigInt(r.need) * available;
            expect(gap < totalNeed && gap > -totalNeed).toBe(true);
          }
        }),
      );
    });

    it('keeps consumption shares proportional among recipients below their need, within one unit', () => {
      fc.assert(
        fc.property(input, (i) => {
          const allocation = allocateStocks({ ...i, basis: 'consumption' });
          const consumption = new Map(i.needs.map((n) => [n.memberState, n.consumption]));
          const weighted = allocation.recipients.filter((r) => consumption.get(r.memberState)! > 0);
          for (const a of weighted.filter((r) => r.allocated < r.need)) {
            const ca = consumption.get(a.memberState)!;
            for (const b of weighted) {
              const cb = consumption.get(b.memberState)!;
              if (b.allocated < b.need) expect(Math.abs(a.allocated * cb - b.allocated * ca)).toBeLessThan(ca + cb);
              // A recipient at its need had an exact share above need - 1 (capped, or rounded up by at most one).
              else expect((a.allocated + 1) * cb).toBeGreaterThan((b.need - 1) * ca);
            }
          }
        }),
      );
    });

    it('gives the same orders whatever the order of the reports', () => {
      fc.assert(
        fc.property(
          input.chain((i) =>
            fc.tuple(
              fc.constant(i),
              fc.shuffledSubarray(i.holdings as StockHolding[], { minLength: i.holdings.length }),
              fc.shuffledSubarray(i.needs as CriticalNeed[], { minLength: i.needs.length }),
            ),
          ),
          ([i, shuffledHoldings, shuffledNeeds]) => {
            expect(allocateStocks({ ...i, holdings: shuffledHoldings, needs: shuffledNeeds })).toEqual(
              allocateStocks(i),
            );
            expect(allocateStocks(i)).toEqual(allocateStocks(i));
          },
        ),
      );
    });
  });
});
