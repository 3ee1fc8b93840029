export { createClassBookingClient } from "./create.js";
export {
  ApiError,
  ClassBookingError,
  ConnectionError,
  isApiError,
  RateLimitError,
  TimeoutError,
} from "../core/errors.js";
export { createMemoryStore } from "../core/rate-limit.js";
export type { RateLimitStore } from "../core/rate-limit.js";
export type { ApiErrorInit, RedactedHeaders } from "../core/errors.js";
export type { CallOptions, ClassBookingClientOptions, RateLimitOptions } from "./options.js";
export type { CallInfo, Hooks, Logger, LogLevel } from "./hooks.js";
export type { ResponseValidator } from "../core/contract.js";
export type { TraceSpan, Tracing } from "../core/tracing.js";
export { parseZonedDateTime } from "../core/zoned-date-time.js";
export type { ZonedDateTime } from "../core/zoned-date-time.js";
export { RETRY_RULES, BACKOFF } from "./pipeline/retry.js";
export type { RetryClass } from "./pipeline/retry.js";
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
export { VERSION } from "../core/version.js";
export type * from "../../generated/schema.js";
