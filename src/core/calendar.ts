/**
 * Dates of the proleptic Gregorian calendar, with no time zone, for any year from 0001 to 9999:
 * how long a month is, whether a YYYY-MM-DD names a day that exists, and days counted from
 * 1970-01-01. Date.UTC cannot do this alone: it reads the years 0 to 99 as 1900 to 1999. Written
 * once for the spec's date checks, the API's date-times, Retry-After dates and the sandbox's days.
 */

/** Milliseconds in a day of UTC. */
export const DAY_MS = 86_400_000;

/** Days in a month (1 to 12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : 30 + ((month + (month >> 3)) & 1);
}

/** Whether text is a full-date of RFC 3339 (YYYY-MM-DD) naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  return !!m && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= daysInMonth(+m[1]!, +m[2]!);
}

/** The instant of midnight UTC that starts a date (month 1 to 12), for any year, 0 to 99 included. */
export function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Days since 1970-01-01 of a date written YYYY-MM-DD. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Math.round(utcMidnight(year, month, day) / DAY_MS);
}

/** The date (YYYY-MM-DD) of a day number; undefined outside the years 0001 to 9999. */
export function dateOfDay(day: number): string | undefined {
  if (!Number.isInteger(day) || Math.abs(day) > 1e8) return undefined;
  const text = new Date(day * DAY_MS).toISOString();
  return /^\d{4}-/.test(text) && !text.startsWith("0000") ? text.slice(0, 10) : undefined;
}

/** Adds whole days to a date; undefined when the result leaves the years 0001 to 9999. */
export function addDays(date: string, days: number): string | undefined {
  return dateOfDay(dayNumber(date) + days);
}

/** The day of the week of a day number: 0 is Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
