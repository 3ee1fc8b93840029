/**
 * What the client asks of a tracer: one span per operation. The tracing entry makes them with
 * OpenTelemetry; the client only calls these two methods.
 */

/** One operation's span, for tracing (class-booking-api/tracing makes them with OpenTelemetry). */
export interface TraceSpan {
  /** Runs the call with the span active, so the fetch's own spans become its children. */
  run<T>(fn: () => T): T;
  /** Ends the span with the call's outcome. */
  end(outcome: { status?: number; error?: unknown; retries: number }): void;
}
/** Starts the span of one operation. */
export interface Tracing {
  start(info: { operationId: string; method: string; urlTemplate: string; url: string }): TraceSpan;
}
