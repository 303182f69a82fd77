import { RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export class SeededRandom {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.generator);
  }

  /** A number in [0, 1) with 30 bits of resolution. */
  fraction(): number {
    return this.int(0, 0x3fffffff) / 0x40000000;
  }

  chance(probability: number): boolean {
    return this.fraction() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A value rounded to `decimals` places, in [min, max). */
  decimal(min: number, max: number, decimals: number): number {
    const scale = 10 ** decimals;
    return Math.round((min + this.fraction() * (max - min)) * scale) / scale;
  }

  /** A version-4-shaped UUID drawn from this source (not from the system's randomness). */
  uuid(): string {
    const hex = this.hex(32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.int(0, 0xffffff).toString(16).padStart(6, '0');
    return out.slice(0, length);
  }
}

/** Picks items by weight; weights need not add up to anything in particular. */
export class WeightedChoice<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, weight] of entries) this.cumulative.push((sum += weight));
    this.total = sum;
  }

  pick(random: SeededRandom): T {
    const target = random.fraction() * this.total;
    const index = this.cumulative.findIndex((bound) => target < bound);
    return this.entries[index < 0 ? this.entries.length - 1 : index][0];
  }
}
