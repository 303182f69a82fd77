/** The only source of "now" for domain code: real time live, virtual time in replays and exercises. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: for tests, replays and exercises. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    const next = new Date(to).getTime();
    if (next < this.current) throw new Error('A manual clock never goes backwards');
    this.current = next;
  }

  advance(milliseconds: number): void {
    this.set(new Date(this.current + milliseconds));
  }
}
