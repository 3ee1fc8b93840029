/**
 * class-booking-api/tracing: one OpenTelemetry span per operation, named after it, with the
 * HTTP semantic-convention attributes. The span is INTERNAL: it stands for the whole operation,
 * retries and rate-limit waits included, and is active while the call runs, so the CLIENT spans
 * of the app's fetch instrumentation (one per attempt) become its children. Needs
 * @opentelemetry/api (an optional peer dependency); an app that does not import this entry
 * loads nothing of it.
 *
 *   createClassBookingClient({ ..., tracing: openTelemetry() })
 */
import { context, SpanKind, SpanStatusCode, trace, type TracerProvider } from "@opentelemetry/api";
import { ClassBookingError } from "../core/errors.js";
import type { Tracing } from "../core/tracing.js";
import { PACKAGE_NAME, VERSION } from "../core/version.js";

export interface OpenTelemetryOptions {
  /** Where the tracer comes from. @default the globally registered provider (trace.getTracerProvider()) */
  tracerProvider?: TracerProvider;
}

/**
 * Describes a failure the way the conventions want `error.type`: the status code of an error
 * answer as a string, else the error's class name (`TimeoutError`, `ConnectionError`, ...).
 */
function errorType(error: unknown, status: number | undefined): string {
  if (status !== undefined && status >= 400) return String(status);
  return error instanceof ClassBookingError || error instanceof Error ? error.name : "_OTHER";
}

/** Makes the `tracing` option of createClassBookingClient. */
export function openTelemetry(options: OpenTelemetryOptions = {}): Tracing {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(PACKAGE_NAME, VERSION);
  return {
    start({ operationId, method, urlTemplate, url }) {
      const { hostname, port, protocol } = new URL(url);
      const span = tracer.startSpan(operationId, {
        kind: SpanKind.INTERNAL,
        attributes: {
          "http.request.method": method,
          "url.full": url,
          "url.template": urlTemplate,
          "server.address": hostname,
          "server.port": Number(port || (protocol === "https:" ? 443 : 80)),
        },
      });
      return {
        run: (fn) => context.with(trace.setSpan(context.active(), span), fn),
        end({ status, error, message, retries }) {
          if (status !== undefined) span.setAttribute("http.response.status_code", status);
          // The conventions set the resend count only on a request that was sent again.
          if (retries > 0) span.setAttribute("http.request.resend_count", retries);
          if (error !== undefined) {
            span.setAttribute("error.type", errorType(error, status));
            span.setStatus({ code: SpanStatusCode.ERROR, ...(message !== undefined && { message }) });
          }
          span.end();
        },
      };
    },
  };
}
