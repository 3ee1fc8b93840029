/**
 * The studio's local time: date-times are written with the offset of its time zone (Intl, no Node
 * API), and calendar days are counted as day numbers, so that any date from 0001 to 9999 works
 * (Date.UTC would read the years 0 to 99 as 1900 to 1999).
 */

const DAY = 86_400_000;
/** The first and last instants the sandbox clock may show: its 14-day window must stay within years 1970 to 9999. */
export const CLOCK_RANGE = { min: Date.UTC(1970, 0, 2), max: Date.UTC(9999, 11, 1) } as const;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formats.set(timeZone, found);
  }
  return found;
}

/** Whether `timeZone` is a zone this runtime's Intl knows, such as "Europe/Berlin". */
export function isTimeZone(timeZone: unknown): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The instant of midnight UTC starting a proleptic Gregorian date, for any year 0001 to 9999. */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Days since 1970-01-01 of a date written YYYY-MM-DD. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(utcMidnight(y, m, d) / DAY);
}

/** The date (YYYY-MM-DD) of a day number; undefined outside the years 0001 to 9999. */
export function dateOfDay(day: number): string | undefined {
  if (!Number.isInteger(day) || Math.abs(day) > 1e8) return undefined;
  const text = new Date(day * DAY).toISOString();
  return /^\d{4}-/.test(text) && !text.startsWith("0000") ? text.slice(0, 10) : undefined;
}

/** Adds whole days to a local date; undefined when the result leaves the years 0001 to 9999. */
export function addDays(date: string, days: number): string | undefined {
  return dateOfDay(dayNumber(date) + days);
}

/** Minutes the zone is ahead of UTC at `instant`. */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(format(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const local = utcMidnight(+parts.year!, +parts.month!, +parts.day!) + ((+parts.hour! * 60 + +parts.minute!) * 60 + +parts.second!) * 1000;
  return Math.round((local - (instant - (((instant % 1000) + 1000) % 1000))) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** `2026-12-01T09:00:00.000+01:00`, in the zone's local time; with `zoneId`, `[Europe/Berlin]` follows. */
export function formatLocal(instant: number, timeZone: string, zoneId = false): string {
  const offset = offsetMinutes(instant, timeZone);
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? "-" : "+";
  return `${local}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}${zoneId ? `[${timeZone}]` : ""}`;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 10);
}

/**
 * The instant at which the zone's clocks show `date` (YYYY-MM-DD) `hour`:`minute`. A wall time the
 * zone skips (spring forward) counts with the offset before the change; one it shows twice (fall
 * back), the first time.
 */
export function localInstant(date: string, hour: number, minute: number, timeZone: string): number {
  const wall = dayNumber(date) * DAY + (hour * 60 + minute) * 60_000;
  const before = wall - offsetMinutes(wall - DAY, timeZone) * 60_000;
  const after = wall - offsetMinutes(wall + DAY, timeZone) * 60_000;
  // Of the zone's offsets that day, the first one at which the wall time comes out right.
  for (const instant of [before, after].sort((a, b) => a - b)) {
    if (instant + offsetMinutes(instant, timeZone) * 60_000 === wall) return instant;
  }
  return before;
}
