/**
 * Date-times as the API sends them: RFC 3339, sometimes with a zone id appended in brackets
 * (`2026-12-01T09:00:00.000+01:00[Europe/Berlin]`), which `new Date()` cannot read.
 */
import { daysInMonth, utcMidnight } from "./calendar.js";
import { ClassBookingError } from "./errors.js";

/** A date-time of the API, read. */
export interface ZonedDateTime {
  /** The point in time. */
  instant: Date;
  /** The offset from UTC as written: `Z`, `+01:00`, `-05:30`. */
  offset: string;
  /** The zone id in brackets after the offset (`Europe/Berlin`), when there is one. */
  timeZone: string | undefined;
}

const PATTERN =
  /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d{1,9})?([Zz]|([+-])(\d\d):(\d\d))(?:\[!?([A-Za-z][\w+-]*(?:\/[A-Za-z0-9][\w+-]*)*|[+-]\d\d:\d\d)\])?$/;

/** Reads a date-time of the API, or returns undefined when the text is not one. */
export function readZonedDateTime(text: string): ZonedDateTime | undefined {
  const m = typeof text === "string" ? PATTERN.exec(text) : null;
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => +m[i]!) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zone = m[9] ? (m[9] === "-" ? -1 : 1) * (+m[10]! * 60 + +m[11]!) : 0;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  )
    return undefined;
  if (m[9] && (+m[10]! > 23 || +m[11]! > 59)) return undefined;
  const ms = Math.floor(Number(`0${m[7] ?? ""}`) * 1000);
  // A leap second (:60) is read as the last second of its minute, as Temporal does.
  const local =
    utcMidnight(year, month, day) + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 + ms;
  return {
    instant: new Date(local - zone * 60_000),
    offset: m[8]!.toUpperCase() === "Z" ? "Z" : m[8]!,
    timeZone: m[12],
  };
}

/**
 * Reads a date-time of the API: plain RFC 3339 or with a bracketed zone id. Throws a
 * ClassBookingError for anything else.
 */
export function parseZonedDateTime(text: string): ZonedDateTime {
  const read = readZonedDateTime(text);
  if (!read)
    throw new ClassBookingError(
      `parseZonedDateTime: not an RFC 3339 date-time (with an optional [zone id]): ${JSON.stringify(String(text).slice(0, 60))}`,
    );
  return read;
}
