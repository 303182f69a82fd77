import fc from 'fast-check';
import {
  addWorkingDays,
  calendarDaysBetween,
  endOfLocalDay,
  hasPassed,
  isCalendarDate,
  isWorkingDay,
  localDateOf,
  startOfLocalDay,
  WorkingCalendar,
  workingDayDeadline,
} from './index';

const brussels: WorkingCalendar = { timeZone: 'Europe/Brussels', publicHolidays: ['2026-06-01', '2026-06-02'] };
const noHolidays: WorkingCalendar = { timeZone: 'Europe/Brussels', publicHolidays: [] };

describe('working days', () => {
  it('excludes weekends and configured holidays', () => {
    expect(isWorkingDay('2026-05-29', brussels)).toBe(true); // Friday
    expect(isWorkingDay('2026-05-30', brussels)).toBe(false); // Saturday
    expect(isWorkingDay('2026-05-31', brussels)).toBe(false); // Sunday
    expect(isWorkingDay('2026-06-01', brussels)).toBe(false); // configured holiday
  });

  it('does not count the day of the event: Friday + 1 working day is Monday', () => {
    expect(addWorkingDays('2026-05-29', 1, noHolidays)).toBe('2026-06-01');
  });

  it('skips holidays when counting', () => {
    expect(addWorkingDays('2026-05-29', 1, brussels)).toBe('2026-06-03');
    expect(addWorkingDays('2026-05-29', 10, noHolidays)).toBe('2026-06-12');
  });

  it('refuses counts that are not whole positive numbers', () => {
    expect(() => addWorkingDays('2026-05-29', 0, brussels)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-05-29', 1.5, brussels)).toThrow(RangeError);
  });

  it('counts from the local day in the calendar time zone, not the UTC day', () => {
    // 23:30 UTC on Thursday is already Friday in Brussels (UTC+2 in summer).
    const deadline = workingDayDeadline('2026-06-04T23:30:00Z', 1, noHolidays);
    expect(deadline.lastDay).toBe('2026-06-08');
    expect(deadline.expiresAt).toBe('2026-06-08T22:00:00.000Z');
  });

  it('ends the deadline at local midnight in winter and summer time', () => {
    expect(endOfLocalDay('2026-01-15', 'Europe/Brussels')).toBe('2026-01-15T23:00:00.000Z');
    expect(endOfLocalDay('2026-07-15', 'Europe/Brussels')).toBe('2026-07-15T22:00:00.000Z');
    // The day the clocks go forward (29 March 2026) has 23 hours.
    expect(startOfLocalDay('2026-03-29', 'Europe/Brussels')).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/Brussels')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('reads the local date of an instant', () => {
    expect(localDateOf('2026-06-04T21:59:59Z', 'Europe/Brussels')).toBe('2026-06-04');
    expect(localDateOf('2026-06-04T22:00:00Z', 'Europe/Brussels')).toBe('2026-06-05');
  });

  it('treats the expiry instant itself as passed', () => {
    expect(hasPassed('2026-06-08T22:00:00.000Z', '2026-06-08T21:59:59.999Z')).toBe(false);
    expect(hasPassed('2026-06-08T22:00:00.000Z', '2026-06-08T22:00:00.000Z')).toBe(true);
  });

  it('validates calendar dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-6-1')).toBe(false);
  });

  describe('properties', () => {
    const dates = fc
      .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    const holidays = fc.uniqueArray(dates, { maxLength: 30 });

    it('lands on a working day strictly after the start, with exactly n working days in between', () => {
      fc.assert(
        fc.property(dates, fc.integer({ min: 1, max: 40 }), holidays, (start, count, publicHolidays) => {
          const calendar = { timeZone: 'Europe/Brussels', publicHolidays };
          const due = addWorkingDays(start, count, calendar);
          expect(isWorkingDay(due, calendar)).toBe(true);
          const span = calendarDaysBetween(start, due);
          let working = 0;
          for (let day = 1; day <= span; day += 1) {
            const date = new Date(Date.parse(`${start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
            if (isWorkingDay(date, calendar)) working += 1;
          }
          expect(working).toBe(count);
        }),
      );
    });

    it('never moves a deadline earlier when more days are given', () => {
      fc.assert(
        fc.property(dates, fc.integer({ min: 1, max: 30 }), holidays, (start, count, publicHolidays) => {
          const calendar = { timeZone: 'Europe/Brussels', publicHolidays };
          expect(
            calendarDaysBetween(addWorkingDays(start, count, calendar), addWorkingDays(start, count + 1, calendar)),
          ).toBeGreaterThan(0);
        }),
      );
    });
  });
});
