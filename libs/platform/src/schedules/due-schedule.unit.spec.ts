import { ManualClock } from '@imera/event-sourcing';
import { DueSchedule, earliestDue } from './due-schedule';

const START = '2026-03-01T08:00:00.000Z';

/** A pass that records the instants it ran at and answers the next due moment it is told. */
class Work {
  readonly passes: string[] = [];
  nextDue: number | undefined;
  failWith: Error | undefined;
  gate: Promise<void> | undefined;
  readonly pass = async (now: string): Promise<number | undefined> => {
    this.passes.push(now);
    if (this.gate) await this.gate;
    if (this.failWith) throw this.failWith;
    return this.nextDue;
  };
}

describe('a due schedule', () => {
  let clock: ManualClock;
  let work: Work;
  let errors: unknown[];
  let schedule: DueSchedule;

  beforeEach(() => {
    jest.useFakeTimers();
    clock = new ManualClock(START);
    work = new Work();
    errors = [];
    schedule = new DueSchedule(work.pass, clock, (error) => errors.push(error), 60_000);
  });
  afterEach(async () => {
    await schedule.stop();
    jest.useRealTimers();
  });

  it('runs a pass on start and again when the next due moment comes', async () => {
    work.nextDue = Date.parse(START) + 5_000;
    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(work.passes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(work.passes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(work.passes).toHaveLength(2);
  });

  it('looks again after the longest sleep when nothing is due', async () => {
    schedule.start();
    await jest.advanceTimersByTimeAsync(59_999);
    expect(work.passes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(work.passes).toHaveLength(2);
  });

  it('never overlaps passes, and kicks that arrive while one waits share it', async () => {
    let open!: () => void;
    work.gate = new Promise((resolve) => (open = resolve));
    const first = schedule.kick();
    await jest.advanceTimersByTimeAsync(0);
    const second = schedule.kick();
    const third = schedule.kick();
    expect(third).toBe(second);
    expect(work.passes).toHaveLength(1);
    work.gate = undefined;
    open();
    await Promise.all([first, second, third]);
    expect(work.passes).toHaveLength(2);
  });

  it('reports a failed pass and still sets its timer, so it tries again', async () => {
    work.failWith = new Error('event store unavailable');
    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([work.failWith]);
    work.failWith = undefined;
    await jest.advanceTimersByTimeAsync(60_000);
    expect(work.passes).toHaveLength(2);
    expect(errors).toHaveLength(1);
  });

  it('does not wake itself up when only kicked (an exercise drives it)', async () => {
    work.nextDue = Date.parse(START) + 1_000;
    await schedule.kick();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(work.passes).toHaveLength(1);
  });

  it('runs a pass on every change it watches, and none after it stopped', async () => {
    const listeners = new Set<() => void>();
    schedule.start((listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    });
    await jest.advanceTimersByTimeAsync(0);
    clock.advance(1_000);
    for (const listener of listeners) listener();
    await jest.advanceTimersByTimeAsync(0);
    expect(work.passes).toEqual([START, '2026-03-01T08:00:01.000Z']);
    await schedule.stop();
    expect(listeners.size).toBe(0);
    await schedule.kick();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(work.passes).toHaveLength(2);
  });
});

describe('the earliest due moment', () => {
  it('compares instants and epoch milliseconds, skipping what is not given', () => {
    expect(earliestDue(['2026-03-02T00:00:00Z', undefined, Date.parse('2026-03-01T12:00:00Z'), 'not a date'])).toBe(Date.parse('2026-03-01T12:00:00Z'));
    expect(earliestDue([undefined])).toBeUndefined();
    expect(earliestDue([])).toBeUndefined();
    expect(earliestDue(['2026-03-02T00:00:00Z', Date.parse('2026-03-01T12:00:00Z')], Date.parse('2026-03-01T12:00:00Z'))).toBe(Date.parse('2026-03-02T00:00:00Z'));
    expect(earliestDue([Date.parse('2026-03-01T12:00:00Z')], Date.parse('2026-03-01T12:00:00Z'))).toBeUndefined();
  });
});
