// @ts-check
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });

/** Times are shown in UTC, as the system records them, so officers in different capitals read the same. */
/** @param {string | undefined | null} iso */
export function formatDateTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTime.format(date)} UTC`;
}

/** @param {string | undefined | null} iso */
export function formatDate(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** @param {number} epochMs */
export function formatClock(epochMs) {
  return `${clock.format(new Date(epochMs))} UTC`;
}

/**
 * Whole days left until an end, counting a started day as a day ("1 day left" on the last day); 0 once it
 * has passed.
 * @param {string} until
 * @param {number} nowMs
 */
export function daysLeft(until, nowMs) {
  const end = Date.parse(until);
  if (Number.isNaN(end)) return undefined;
  return Math.max(0, Math.ceil((end - nowMs) / DAY_MS));
}

/**
 * How long until a deadline, or how long it is overdue, in the two largest units.
 * @param {string} due
 * @param {number} nowMs
 * @returns {{ text: string, overdue: boolean, soon: boolean }}
 */
export function timeUntil(due, nowMs) {
  const left = Date.parse(due) - nowMs;
  if (Number.isNaN(left)) return { text: due, overdue: false, soon: false };
  const span = Math.abs(left);
  const days = Math.floor(span / DAY_MS);
  const hours = Math.floor((span % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((span % HOUR_MS) / 60_000);
  const amount = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  return left < 0 ? { text: `overdue by ${amount}`, overdue: true, soon: false } : { text: `in ${amount}`, overdue: false, soon: left < 2 * DAY_MS };
}

/** @param {number} value */
export function formatShare(value) {
  const percent = value * 100;
  return `${percent >= 10 || percent === 0 ? Math.round(percent) : percent.toFixed(1)} %`;
}

/** @param {number} value */
export function formatNumber(value) {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** @param {string} text */
export function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "export-licence-delayed" → "export licence delayed" @param {string} code */
export function words(code) {
  return code.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
