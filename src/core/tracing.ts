/**
 * What the client asks of a tracer: one span per operation. The tracing entry makes them with
 * OpenTelemetry; the client only calls these two methods, and decides what they are told: while
 * `logBodies` is off, the URL and the failure come without personal data.
 */

/** One operation's span, for tracing (class-booking-api/tracing makes them with OpenTelemetry). */
export interface TraceSpan {
  /** Runs the call with the span active, so the fetch's own spans become its children. */
  run<T>(fn: () => T): T;
  /**
   * Ends the span with the call's outcome: the last answer's status, the error the call failed
   * with and `message`, that failure in words as logs tell it, and how many times the request
   * was sent again (0 when the first attempt was the last).
   */
  end(outcome: { status?: number; error?: unknown; message?: string; retries: number }): void;
}
/** Starts the span of one operation. */
export interface Tracing {
  /**
   * `urlTemplate` is the operation's path as the spec writes it (`/v1/classes/{classId}`); `url`
   * is the call's URL as logs show it (query values and personal path values as `***` while
   * `logBodies` is off).
   */
  start(info: { operationId: string; method: string; urlTemplate: string; url: string }): TraceSpan;
}
