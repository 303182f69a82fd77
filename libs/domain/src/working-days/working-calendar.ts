/**
 * The calendar against which working-day deadlines are counted: the local days of one time zone, minus
 * weekends and the configured public holidays.
 */
export interface WorkingCalendar {
  /** IANA time zone whose calendar days count, e.g. "Europe/Brussels". */
  readonly timeZone: string;
  /** Public holidays as local dates (YYYY-MM-DD). */
  readonly publicHolidays: readonly string[];
}

/**
 * Default, not law: the Commission's seat and no holidays. Deployments must load the official holiday list
 * for each year into configuration; until they do, deadlines may fall on a holiday.
 */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = { timeZone: 'Europe/Brussels', publicHolidays: [] };
