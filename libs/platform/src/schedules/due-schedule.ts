import { Clock } from '@imera/event-sourcing';

/** Default, not law: how long a schedule sleeps at most, even with nothing due (a safety net, and for clock jumps). */
export const MAX_SCHEDULE_SLEEP_MS = 60_000;

/**
 * One pass of a process manager over what is due at `now` (ISO instant); it answers the next moment (epoch
 * ms) at which something falls due without any new event, if there is one.
 */
export type DuePass = (now: string) => Promise<number | undefined>;

/**
 * Runs a process manager's passes: on start (catching up whatever fell due while the system was down), when
 * kicked (a change it watches, an exercise's virtual clock), and on a timer set to the next due moment. Passes
 * never overlap; kicks that arrive while one waits share it. A failed pass is reported and the timer is set
 * again, so the schedule retries within the longest sleep. Only a started schedule wakes itself up: one that
 * is only kicked (an exercise's) never acts on its own.
 */
export class DueSchedule {
  private timer: NodeJS.Timeout | undefined;
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private halted = false;
  private started = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly pass: DuePass,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
    private readonly maxSleepMs = MAX_SCHEDULE_SLEEP_MS,
  ) {}

  /** Starts waking itself up; `changes` subscribes a listener to what should trigger a pass at once. */
  start(changes?: (listener: () => void) => (() => void) | void): void {
    if (this.halted) return;
    this.started = true;
    if (changes) this.unsubscribe = changes(() => void this.kick()) ?? (() => undefined);
    void this.kick();
  }

  /** Stops waking up and resolves once the pass under way (if any) has ended. */
  async stop(): Promise<void> {
    this.halted = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.tail;
  }

  /** Whether the schedule was stopped: a long pass checks it between its steps. */
  get stopped(): boolean {
    return this.halted;
  }

  /** Runs a pass after the one under way (kicks that arrive meanwhile share it); resolves when it is done. */
  kick(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.tail.then(() => {
      this.queued = undefined;
      return this.runPass();
    });
    this.queued = next;
    this.tail = next;
    return next;
  }

  private async runPass(): Promise<void> {
    if (this.halted) return;
    const now = this.clock.now().toISOString();
    let nextDue: number | undefined;
    try {
      nextDue = await this.pass(now);
    } catch (error) {
      this.onError(error);
    } finally {
      this.arm(now, nextDue);
    }
  }

  private arm(now: string, nextDue: number | undefined): void {
    if (this.halted || !this.started) return;
    if (this.timer) clearTimeout(this.timer);
    const sleep = nextDue === undefined ? this.maxSleepMs : Math.min(this.maxSleepMs, Math.max(0, nextDue - Date.parse(now)));
    this.timer = setTimeout(() => void this.kick(), sleep);
    this.timer.unref();
  }
}

/**
 * The earliest of some due moments (ISO instants or epoch ms) after `after` (epoch ms; any when not given),
 * as epoch ms; undefined when there is none.
 */
export function earliestDue(moments: Iterable<string | number | undefined>, after = Number.NEGATIVE_INFINITY): number | undefined {
  let earliest: number | undefined;
  for (const moment of moments) {
    const at = typeof moment === 'string' ? Date.parse(moment) : moment;
    if (at !== undefined && !Number.isNaN(at) && at > after && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}
