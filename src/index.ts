export { createClassBookingClient } from "./client.js";
export { ApiError, ClassBookingError, ConnectionError, isApiError, RateLimitError, TimeoutError } from "./errors.js";
export { createMemoryStore } from "./call/store.js";
export type { RateLimitStore } from "./call/store.js";
export type { RateLimitOptions } from "./call/limit.js";
export type { ApiErrorInit, RedactedHeaders } from "./errors.js";
export type { CallOptions, ClassBookingClientOptions, ResponseValidator } from "./options.js";
export type { CallInfo, Hooks, Logger, LogLevel, TraceSpan, Tracing } from "./call/observe.js";
export { parseZonedDateTime } from "./zoned-date-time.js";
export type { ZonedDateTime } from "./zoned-date-time.js";
export { RETRY_RULES, BACKOFF } from "./call/retry.js";
export type { RetryClass } from "./call/retry.js";
export type {
  ClassBookingClient,
  OperationId,
  OperationInput,
  OperationMethod,
  OperationOutput,
  OperationWithResponse,
  Paginator,
  RawClient,
  SliceItem,
  SlicedOperationId,
} from "./types.js";
export { VERSION } from "./version.js";
export type * from "../generated/schema.js";
