/**
 * The retry policy, as data plus pure functions. Nothing here does I/O or reads a clock on its
 * own; the transport passes `now` and `random` in, so tests can pin them.
 */

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

/**
 * Reads a Retry-After header: delay-seconds or an HTTP date. Returns milliseconds, capped at
 * BACKOFF.maxRetryAfterMs and never negative, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim() ?? "";
  // delay-seconds is a non-negative integer; other number-like text is not a valid header (and
  // Date.parse would read some of it as a date).
  const ms = /^\d+$/.test(text) ? +text * 1000 : /^[-+\d.]*$/.test(text) ? NaN : Date.parse(text) - now;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), BACKOFF.maxRetryAfterMs);
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
