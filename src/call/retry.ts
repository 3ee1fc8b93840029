/**
 * The retry policy, as data plus pure functions. Nothing here does I/O or reads a clock on its
 * own; the transport passes `now` and `random` in, so tests can pin them.
 */
import { daysInMonth } from "./rules.js";

/** How a failed attempt ended. */
export type Failure = { status: number } | "timeout" | "connection";

/** Which failures an operation may retry, by how safe it is to send it twice. */
export const RETRY_RULES = {
  /** Reads, DELETE, and operations the spec marks `x-idempotent`: sending twice does no harm. */
  idempotent: { statuses: [429, 500, 502, 503, 504], timeouts: true, connectionErrors: true },
  /**
   * Everything else (a booking): only 429, where the server refused before acting. After a
   * timeout, a dropped connection or a 5xx the booking may exist, and a second try could
   * book the customer twice.
   */
  unsafe: { statuses: [429], timeouts: false, connectionErrors: false },
} as const;

export type RetryClass = keyof typeof RETRY_RULES;

/** HTTP methods that are idempotent by definition (RFC 9110, 9.2.2). */
export const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"];

/** Backoff numbers, in milliseconds. */
export const BACKOFF = {
  /** The first retry waits up to this long. */
  baseMs: 500,
  /** No computed wait is longer than this. */
  capMs: 8_000,
  /** A server's Retry-After is honoured up to this long. */
  maxRetryAfterMs: 60_000,
} as const;

export function retryClassOf(method: string, markedIdempotent = false): RetryClass {
  return markedIdempotent || IDEMPOTENT_METHODS.includes(method.toUpperCase()) ? "idempotent" : "unsafe";
}

export function isRetryable(retryClass: RetryClass, failure: Failure): boolean {
  const rule = RETRY_RULES[retryClass];
  if (failure === "timeout") return rule.timeouts;
  if (failure === "connection") return rule.connectionErrors;
  return (rule.statuses as readonly number[]).includes(failure.status);
}

/** Exponential backoff with full jitter: a random wait between 0 and min(cap, base * 2^retry). */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "(\\d\\d):(\\d\\d):(\\d\\d)";
/** The three HTTP-date forms of RFC 9110 (5.6.7), each giving day, month, year and time. */
const HTTP_DATES: Array<[RegExp, (m: string[]) => string[]]> = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  [new RegExp(`^${DAY}, (\\d\\d) ${MONTH} (\\d{4}) ${TIME} GMT$`), (m) => m],
  // rfc850-date: Sunday, 06-Nov-94 08:49:37 GMT
  [new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d\\d)-${MONTH}-(\\d\\d) ${TIME} GMT$`), (m) => m],
  // asctime-date: Sun Nov  6 08:49:37 1994
  [new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`), (m) => [m[0]!, m[2]!, m[1]!, m[6]!, m[3]!, m[4]!, m[5]!]],
];

/** An HTTP-date in milliseconds since the epoch, or NaN when the text is not one. */
export function parseHttpDate(text: string, now: number): number {
  for (const [pattern, order] of HTTP_DATES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [, day, month, year, hour, minute, second] = order(match).map((part) => part.trim());
    let y = +year!;
    if (year!.length === 2) {
      // A two-digit year more than 50 years ahead is read as the past century (RFC 9110).
      const thisYear = new Date(now).getUTCFullYear();
      y += Math.floor(thisYear / 100) * 100;
      if (y > thisYear + 50) y -= 100;
    }
    const m = MONTHS.indexOf(month!) / 3;
    if (+day! < 1 || +day! > daysInMonth(y, m + 1) || +hour! > 23 || +minute! > 59 || +second! > 60) return NaN;
    return Date.UTC(y, m, +day!, +hour!, +minute!, Math.min(+second!, 59));
  }
  return NaN;
}

/**
 * Reads a Retry-After header as RFC 9110 defines it: delay-seconds or an HTTP-date. Returns
 * milliseconds, capped at BACKOFF.maxRetryAfterMs, or undefined when the header is absent, not
 * one of those forms, or asks for no wait at all (0, a date that has passed); the caller then
 * uses its own jittered backoff, so a fleet of clients does not retry in lockstep.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim() ?? "";
  const ms = /^\d+$/.test(text) ? +text * 1000 : parseHttpDate(text, now) - now;
  return ms > 0 ? Math.min(ms, BACKOFF.maxRetryAfterMs) : undefined;
}

/** The wait before retry number `retry` (0 for the first retry). */
export function retryDelayMs(
  retry: number,
  retryAfter: string | null | undefined,
  now: number,
  random: () => number = Math.random,
): number {
  return parseRetryAfter(retryAfter, now) ?? backoffMs(retry, random);
}
