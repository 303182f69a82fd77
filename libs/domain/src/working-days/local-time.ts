import { addCalendarDays, assertCalendarDate } from './calendar-date';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading of an instant, expressed as if it were UTC (milliseconds). */
function wallClockMillis(utcMillis: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMillis));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

function offsetMillis(utcMillis: number, timeZone: string): number {
  return wallClockMillis(utcMillis, timeZone) - Math.floor(utcMillis / 1000) * 1000;
}

function parseInstant(instant: string): number {
  const millis = Date.parse(instant);
  if (!Number.isFinite(millis)) throw new RangeError(`"${instant}" is not an ISO-8601 instant`);
  return millis;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: string, timeZone: string): string {
  return new Date(wallClockMillis(parseInstant(instant), timeZone)).toISOString().slice(0, 10);
}

/** The instant at which a local date begins in a time zone (two passes settle daylight-saving shifts). */
export function startOfLocalDay(date: string, timeZone: string): string {
  assertCalendarDate(date);
  const naive = Date.parse(`${date}T00:00:00Z`);
  const firstGuess = naive - offsetMillis(naive, timeZone);
  return new Date(naive - offsetMillis(firstGuess, timeZone)).toISOString();
}

/** The instant at which a local date has fully expired: the start of the next local day. */
export function endOfLocalDay(date: string, timeZone: string): string {
  return startOfLocalDay(addCalendarDays(date, 1), timeZone);
}
