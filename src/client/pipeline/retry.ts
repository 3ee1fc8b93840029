/**
 * The retry policy, as data plus pure functions. Nothing here does I/O or reads a clock on its
 * own; the transport passes `now` and `random` in, so tests can pin them.
 */
import { daysInMonth } from "../../core/calendar.js";

/** How a failed attempt ended. */
export type Failure = { status: number } | "timeout" | "connection";

/**
 * Which failures an operation may retry, by how safe it is to send it twice. A 429 means the
 * server refused before doing anything, so every operation may retry it. With the client's rate
 * limit on (the default), a 429 first closes the operation for `rateLimit.lockoutMs` (or what
 * Retry-After says), and the retry waits at the gate until it opens, within `maxWaitMs`, or fails
 * with a RateLimitError; with `rateLimit: false` it waits for Retry-After or the backoff below.
 */
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
const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"];

/**
 * Backoff numbers, in milliseconds. Retry number n (0 for the first) waits between half and all
 * of min(capMs, baseMs * 2^n): the first 250 to 500 ms, the second 500 to 1000 ms, ...
 */
export const BACKOFF = {
  /** The ceiling of the first retry's wait; each retry doubles it. */
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

/**
 * Exponential backoff with a floor ("equal jitter"): half of min(cap, base * 2^retry) is fixed,
 * the other half random. The floor keeps a retry out of a short outage that every client saw at
 * once (with full jitter, some retries fire within milliseconds, straight back into it); the
 * random half still spreads the clients out.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const half = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** retry) / 2;
  return Math.floor(half + random() * half);
}

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
/**
 * The three HTTP-date forms of RFC 9110 (5.6.7), in one pattern:
 *   IMF-fixdate     Sun, 06 Nov 1994 08:49:37 GMT
 *   rfc850-date     Sunday, 06-Nov-94 08:49:37 GMT
 *   asctime-date    Sun Nov  6 08:49:37 1994
 */
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (\w{3}) (\d{4})|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d\d)-(\w{3})-(\d\d)|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\w{3}) ([ \d]\d)) (\d\d):(\d\d):(\d\d)(?: GMT| (\d{4}))$/;

/** An HTTP-date in milliseconds since the epoch, or NaN when the text is not one. */
function parseHttpDate(text: string, now: number): number {
  const m = HTTP_DATE.exec(text);
  // asctime is the only form without GMT and the only one with the year last.
  if (!m || !m[12] !== !m[7]) return NaN;
  const day = +(m[1] ?? m[4] ?? m[8]!);
  const month = MONTHS.indexOf(m[2] ?? m[5] ?? m[7]!) / 3;
  let year = +(m[3] ?? m[6] ?? m[12]!);
  if (m[6]) {
    // A two-digit year more than 50 years ahead is read as the past century (RFC 9110).
    const thisYear = new Date(now).getUTCFullYear();
    year += thisYear - (thisYear % 100);
    if (year > thisYear + 50) year -= 100;
  }
  const [hour, minute, second] = [+m[9]!, +m[10]!, +m[11]!];
  if (
    !Number.isInteger(month) ||
    day < 1 ||
    day > daysInMonth(year, month + 1) ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  )
    return NaN;
  return Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
}

/**
 * Reads a Retry-After header as RFC 9110 defines it: delay-seconds or an HTTP-date. Returns
 * milliseconds, capped at BACKOFF.maxRetryAfterMs, or undefined when the header is absent, not
 * one of those forms, or asks for no wait at all (0, a date that has passed); the caller then
 * uses its own backoff (with its floor), so a fleet of clients does not retry in lockstep, nor
 * straight back into the trouble the server reported.
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
