import { addCalendarDays, assertCalendarDate, dayOfWeek } from './calendar-date';
import { endOfLocalDay, localDateOf } from './local-time';
import { WorkingCalendar } from './working-calendar';

/** Reg (EEC, Euratom) 1182/71 Art 2(2): working days are all days other than public holidays, Sundays and Saturdays. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !calendar.publicHolidays.includes(date);
}

/**
 * The `count`-th working day after `date`. Reg 1182/71 Art 3(1): the day on which the event happens does
 * not count, so a request received on a Friday with 1 working day is due on Monday.
 */
export function addWorkingDays(date: string, count: number, calendar: WorkingCalendar): string {
  assertCalendarDate(date);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`Working days must be a whole number >= 1, got ${count}`);
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

export interface WorkingDayDeadline {
  /** The last local day on which the response is in time. */
  readonly lastDay: string;
  /** The instant the deadline has passed: the end of `lastDay` in the calendar's time zone. */
  readonly expiresAt: string;
  readonly timeZone: string;
}

/**
 * A deadline of `count` working days counted from the local day of `from`.
 * Reg 1182/71 Art 3(2)(b): the period ends with the expiry of the last hour of its last day.
 */
export function workingDayDeadline(from: string, count: number, calendar: WorkingCalendar): WorkingDayDeadline {
  const lastDay = addWorkingDays(localDateOf(from, calendar.timeZone), count, calendar);
  return { lastDay, expiresAt: endOfLocalDay(lastDay, calendar.timeZone), timeZone: calendar.timeZone };
}

/** True once `now` is at or after the instant a deadline expires. */
export function hasPassed(deadline: string, now: string): boolean {
  return Date.parse(now) >= Date.parse(deadline);
}
