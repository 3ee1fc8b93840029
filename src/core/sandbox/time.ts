/**
 * The studio's local time: the offset of its time zone at an instant (Intl, no Node API), its
 * date-times written with that offset, its local dates, and the instant a wall time names. The
 * dates themselves are counted in core/calendar.ts.
 */
import { DAY_MS, dayNumber, utcMidnight } from "../calendar.js";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
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

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    format(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local =
    utcMidnight(+parts.year!, +parts.month!, +parts.day!) +
    ((+parts.hour! * 60 + +parts.minute!) * 60 + +parts.second!) * 1000;
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
  const wall = dayNumber(date) * DAY_MS + (hour * 60 + minute) * 60_000;
  const before = wall - offsetMinutes(wall - DAY_MS, timeZone) * 60_000;
  const after = wall - offsetMinutes(wall + DAY_MS, timeZone) * 60_000;
  // Of the zone's offsets that day, the first one at which the wall time comes out right.
  for (const instant of [before, after].sort((a, b) => a - b)) {
    if (instant + offsetMinutes(instant, timeZone) * 60_000 === wall) return instant;
  }
  return before;
}
