/** IMERA Art 14-15: the vigilance act states a period of at most six months. */
export const VIGILANCE_MAX_PERIOD_MONTHS = 6;

/** What is not law about mode periods comes from configuration (see `config/policy`). */
export interface ModeRules {
  /** Maximum emergency period per act or extension. Unverified against the adopted text: a default. */
  readonly emergencyMaxPeriodMonths: number;
}

export function maxPeriodMonths(mode: 'vigilance' | 'emergency', rules: ModeRules): number {
  return mode === 'vigilance' ? VIGILANCE_MAX_PERIOD_MONTHS : rules.emergencyMaxPeriodMonths;
}

/** Calendar months later in UTC; the day is clamped to the month's end (31 August + 6 months = 28/29 February). */
export function addMonthsUtc(iso: string, months: number): Date {
  const start = new Date(iso);
  const target = new Date(start.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

/** Whether `until` lies within `months` calendar months of `from`. */
export function withinMonths(from: string, until: string, months: number): boolean {
  return Date.parse(until) <= addMonthsUtc(from, months).getTime();
}
