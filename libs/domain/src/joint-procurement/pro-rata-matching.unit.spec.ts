import fc from 'fast-check';
import { matchProRata, OfferedQuantity, ParticipantDemand } from './pro-rata-matching';

const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('pro-rata matching', () => {
  it('fills every demand when offers exceed it, taking offers pro rata', () => {
    const result = matchProRata(
      [
        { memberState: 'FR', quantity: 30 },
        { memberState: 'DE', quantity: 10 },
      ],
      [
        { offerId: 'o-1', supplierId: 's-au', quantity: 60 },
        { offerId: 'o-2', supplierId: 's-ca', quantity: 20 },
      ],
    );
    expect(result.totalMatched).toBe(40);
    expect(result.participants).toEqual([
      { memberState: 'DE', demand: 10, matched: 10 },
      { memberState: 'FR', demand: 30, matched: 30 },
    ]);
    expect(result.offers.map((o) => o.taken)).toEqual([30, 10]);
    expect(result.matches).toEqual([
      { offerId: 'o-1', supplierId: 's-au', memberState: 'DE', quantity: 8 },
      { offerId: 'o-1', supplierId: 's-au', memberState: 'FR', quantity: 22 },
      { offerId: 'o-2', supplierId: 's-ca', memberState: 'DE', quantity: 2 },
      { offerId: 'o-2', supplierId: 's-ca', memberState: 'FR', quantity: 8 },
    ]);
  });

  it('shares short offers in proportion to demand', () => {
    const result = matchProRata(
      [
        { memberState: 'AT', quantity: 100 },
        { memberState: 'BE', quantity: 200 },
      ],
      [{ offerId: 'o-1', supplierId: 's-1', quantity: 100 }],
    );
    // 33.3 and 66.7: the larger remainder (BE) gets the leftover unit.
    expect(result.participants.map((p) => p.matched)).toEqual([33, 67]);
  });

  it('matches nothing when nothing is offered', () => {
    expect(matchProRata([{ memberState: 'AT', quantity: 5 }], []).matches).toEqual([]);
  });

  describe('properties', () => {
    const codes = ['AT', 'BE', 'CZ', 'DE', 'EE', 'ES', 'FR', 'IT', 'LT', 'PL', 'PT', 'SK'];
    const demands = fc.uniqueArray(
      fc.record({ memberState: fc.constantFrom(...codes), quantity: fc.integer({ min: 0, max: 10_000 }) }),
      {
        selector: (d) => d.memberState,
        maxLength: 10,
      },
    );
    const offers = fc.uniqueArray(
      fc.record({
        offerId: fc.stringMatching(/^o-[a-z0-9]{1,4}$/),
        supplierId: fc.constantFrom('s-1', 's-2', 's-3'),
        quantity: fc.integer({ min: 0, max: 10_000 }),
      }),
      { selector: (o) => o.offerId, maxLength: 8 },
    );

    it('never gives a participant more than it asked, nor takes more than an offer holds', () => {
      fc.assert(
        fc.property(demands, offers, (d, o) => {
          const result = matchProRata(d, o);
          for (const p of d) {
            const received = sumOf(
              result.matches.filter((m) => m.memberState === p.memberState).map((m) => m.quantity),
            );
            expect(received).toBeLessThanOrEqual(p.quantity);
            expect(received).toBe(result.participants.find((x) => x.memberState === p.memberState)!.matched);
          }
          for (const offer of o) {
            const taken = sumOf(result.matches.filter((m) => m.offerId === offer.offerId).map((m) => m.quantity));
            expect(taken).toBeLessThanOrEqual(offer.quantity);
            expect(taken).toBe(result.offers.find((x) => x.offerId === offer.offerId)!.taken);
          }
          for (const m of result.matches) expect(m.quantity).toBeGreaterThan(0);
        }),
      );
    });

    it('matches the smaller of total demand and total offers', () => {
      fc.assert(
        fc.property(demands, offers, (d, o) => {
          const result = matchProRata(d, o);
          const matched = sumOf(result.matches.map((m) => m.quantity));
          expect(matched).toBe(Math.min(sumOf(d.map((x) => x.quantity)), sumOf(o.map((x) => x.quantity))));
        }),
      );
    });

    it('shares in proportion to demand and to offered quantity, within one unit', () => {
      fc.assert(
        fc.property(demands, offers, (d, o) => {
          const result = matchProRata(d, o);
          const { totalDemand, totalOffered, totalMatched } = result;
          for (const p of result.participants) {
            if (totalDemand > 0)
              expect(Math.abs(p.matched * totalDemand - p.demand * totalMatched)).toBeLessThan(totalDemand);
          }
          for (const offer of result.offers) {
            if (totalOffered > 0)
              expect(Math.abs(offer.taken * totalOffered - offer.offered * totalMatched)).toBeLessThan(totalOffered);
          }
        }),
      );
    });

    it('gives the same result whatever the input order', () => {
      fc.assert(
        fc.property(
          fc
            .tuple(demands, offers)
            .chain(([d, o]) =>
              fc.tuple(
                fc.constant(d),
                fc.constant(o),
                fc.shuffledSubarray(d as ParticipantDemand[], { minLength: d.length }),
                fc.shuffledSubarray(o as OfferedQuantity[], { minLength: o.length }),
              ),
            ),
          ([d, o, shuffledD, shuffledO]) => {
            expect(matchProRata(shuffledD, shuffledO)).toEqual(matchProRata(d, o));
          },
        ),
      );
    });
  });
});
