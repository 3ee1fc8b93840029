/**
 * The sandbox clock: it stands still at a time ("fixed", until it is set or moved on), runs from a
 * time as real time passes ("real"), or follows a function the caller gives. Rate-limit lockouts
 * run on real time plus every move forward, so a lockout ends even while the clock stands.
 */
import { ClassBookingError } from "../errors.js";
import { show } from "../rules.js";

export type ClockMode = "fixed" | "real";

/**
 * The first and last instants the sandbox clock may show: its 14-day window must stay within years
 * 1970 to 9999.
 */
const CLOCK_RANGE = { min: Date.UTC(1970, 0, 2), max: Date.UTC(9999, 11, 1) } as const;
/** The clock's range in words: "1970-01-02T00:00:00.000Z to 9999-12-01T00:00:00.000Z". */
export const CLOCK_SPAN = `${new Date(CLOCK_RANGE.min).toISOString()} to ${new Date(CLOCK_RANGE.max).toISOString()}`;

/** Whether the clock may show this instant (ms since 1970). */
export function inClockRange(time: number): boolean {
  return time >= CLOCK_RANGE.min && time <= CLOCK_RANGE.max;
}

/**
 * Whether text is a date-time with its offset (or Z), as RFC 3339 writes it; never a guess such as
 * "next tuesday".
 */
export function isOffsetDateTime(text: string): boolean {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i.test(text);
}

/** A time that could not be read, for a message (a Date that reaches it is an invalid one). */
const describe = (value: unknown) => (value instanceof Date ? "an invalid Date" : show(value));

/**
 * Reads a time given as a Date, an ISO 8601 date-time (with a zone or Z) or milliseconds since
 * 1970, within the range the sandbox counts days in; `fail` says what is wrong.
 */
export function readTime(value: unknown, fail: (problem: string) => never): number {
  let time = NaN;
  if (value instanceof Date || typeof value === "number")
    time = value instanceof Date ? value.getTime() : value;
  else if (typeof value === "string" && isOffsetDateTime(value)) time = Date.parse(value);
  if (!Number.isFinite(time))
    fail(
      `must be a Date, an ISO 8601 date-time with an offset (such as "2026-12-01T08:00:00Z") or milliseconds since 1970, got ${describe(value)}`,
    );
  if (!inClockRange(time)) fail(`must be from ${CLOCK_SPAN}, got ${new Date(time).toISOString()}`);
  return time;
}

const realNow = () => (globalThis.performance ? performance.now() : Date.now());

export class Clock {
  private offset = 0;
  /** Every move forward (setNow or advance), for the lockouts. */
  private moved = 0;
  private readonly startedAt = realNow();

  constructor(
    private readonly start: number,
    readonly mode: ClockMode,
    private readonly source?: () => number,
  ) {}

  /** The time the clock shows when nobody moved it. */
  private base(): number {
    if (this.source) return this.source();
    return this.mode === "real" ? this.start + (realNow() - this.startedAt) : this.start;
  }

  now(): number {
    return this.base() + this.offset;
  }

  /** Sets the clock to a time (checked); a running clock runs on from there. */
  set(time: unknown): void {
    const to = readTime(time, (problem) => {
      throw new ClassBookingError(`setNow: the time ${problem}`);
    });
    this.moved += Math.max(0, to - this.now());
    this.offset = to - this.base();
  }

  /** Moves the clock on by a whole number of ms (back, when negative), within the clock's range. */
  advance(ms: unknown): void {
    if (!Number.isSafeInteger(ms))
      throw new ClassBookingError(`advance: ms must be a whole number of milliseconds, got ${describe(ms)}`);
    const to = this.now() + (ms as number);
    readTime(to, (problem) => {
      throw new ClassBookingError(`advance: the clock ${problem}`);
    });
    this.moved += Math.max(0, ms as number);
    this.offset += ms as number;
  }

  /** Back to where the clock began (a running clock keeps running). */
  reset(): void {
    this.offset = 0;
  }

  /** The time rate-limit lockouts count in: never backwards, moving with real time and every move forward. */
  lockoutTime(): number {
    if (this.source) return this.now();
    return realNow() + this.moved;
  }
}
