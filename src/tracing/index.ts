/**
 * class-booking-api/tracing: one OpenTelemetry span per operation. Needs @opentelemetry/api (an
 * optional peer dependency); an app that does not import this entry loads nothing of it.
 */
export { openTelemetry } from "./open-telemetry.js";
export type { OpenTelemetryOptions } from "./open-telemetry.js";
