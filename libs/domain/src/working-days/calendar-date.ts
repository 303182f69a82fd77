/** Calendar dates as YYYY-MM-DD strings; arithmetic runs on UTC midnights, so no time zone leaks in. */
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const millis = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(millis) && new Date(millis).toISOString().slice(0, 10) === value;
}

export function assertCalendarDate(value: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`"${value}" is not a calendar date (YYYY-MM-DD)`);
}

export function addCalendarDays(date: string, days: number): string {
  assertCalendarDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  assertCalendarDate(from);
  assertCalendarDate(to);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  assertCalendarDate(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
