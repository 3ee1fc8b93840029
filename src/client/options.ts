/** The options of createClassBookingClient and of each call, their names and defaults (checks.ts checks them). */
import type { ResponseValidator } from "../core/contract.js";
import type { RateLimitOptions } from "./pipeline/limit.js";
import type { Tracing } from "../core/tracing.js";
import type { Hooks, Logger, LogLevel } from "./pipeline/events.js";

export interface ClassBookingClientOptions {
  /**
   * Where the API lives, e.g. `https://mystudio.open-api.magicline.com`. Must be https, except
   * for localhost, 127.0.0.1 and ::1. Give either `baseUrl` or `tenant`.
   */
  baseUrl?: string;
  /** The studio's tenant name; builds `https://<tenant>.open-api.magicline.com`. Give either `baseUrl` or `tenant`. */
  tenant?: string;
  /** The studio's API key, sent as X-API-KEY: printable ASCII on one line. Never printed in errors or logs. */
  apiKey: string;
  /**
   * How long one attempt may take, from sending until the whole answer is read, in
   * milliseconds (1 to 2147483647).
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * How many times a failed call is tried again, where the retry rules allow it (0 to 10).
   * @default 2
   */
  maxRetries?: number;
  /**
   * The language for `errorMessage`, sent as Accept-Language (e.g. `de`).
   * @default undefined (the API answers in English)
   */
  acceptLanguage?: string;
  /**
   * Extra headers sent with every request: an object, a Headers or [name, value] pairs.
   * X-API-KEY is not allowed here (use `apiKey`).
   * @default {}
   */
  headers?: HeadersInit;
  /**
   * The fetch function to use, e.g. one with a proxy agent or instrumentation.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Appended to the User-Agent (and X-Client) value, e.g. `my-gym-app/2.3`.
   * @default undefined
   */
  userAgent?: string;
  /**
   * Checks every 2xx body before a method returns it, e.g. `responseValidator()` from
   * `class-booking-api/validate`. Any function that throws to refuse an answer will do.
   * @default undefined (answers are not checked)
   */
  validateResponses?: ResponseValidator;
  /**
   * The client-side rate limit, per operation, the way the API counts: at most `limit` calls in
   * any `windowMs` (each attempt holds its place from before it is sent until `windowMs` after
   * its answer), and after a 429 the operation stays closed for `lockoutMs`. Calls without room
   * wait in line up to `maxWaitMs`, or fail with a RateLimitError before anything is sent. Give a
   * shared `store` (e.g. createRedisStore) to share one budget across processes.
   * @default { limit: 1000, windowMs: 60000, lockoutMs: 60000, maxWaitMs: 10000 } in memory
   */
  rateLimit?: false | RateLimitOptions;
  /**
   * Called as calls go: before each attempt, on each answer, before a retry, when the rate limit
   * holds a call, and when a call fails. Never given the key; a hook that throws is ignored.
   * @default {}
   */
  hooks?: Hooks;
  /**
   * Where log lines go: anything with debug, info, warn and error methods.
   * @default console
   */
  logger?: Logger;
  /**
   * The lowest level logged: "debug" (every attempt: method, URL, status, time, redacted
   * headers), "info" (retries, rate-limit waits), "warn" (rate-limit refusals, 429 lockouts),
   * "error", or "off".
   * @default the environment's CLASS_BOOKING_LOG_LEVEL, else "warn"
   */
  logLevel?: LogLevel;
  /**
   * Also log request and answer bodies at debug level. They hold customer ids: personal data.
   * @default false
   */
  logBodies?: boolean;
  /**
   * One span per operation: `openTelemetry()` from `class-booking-api/tracing`.
   * @default undefined (no spans)
   */
  tracing?: Tracing;
}


/** Per-call options, the optional second argument of every method. */
export interface CallOptions {
  /** Aborts the call; an abort rejects at once with the signal's reason and is never retried. @default undefined */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. @default the client's timeoutMs */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. @default the client's maxRetries */
  maxRetries?: number;
  /** Extra headers for this call only (not X-API-KEY). @default {} */
  headers?: HeadersInit;
}

/** Every option name createClassBookingClient knows, in the order the docs list them. */
export const OPTION_NAMES = [
  "baseUrl", "tenant", "apiKey", "timeoutMs", "maxRetries", "acceptLanguage", "headers", "fetch", "userAgent",
  "validateResponses", "rateLimit", "hooks", "logger", "logLevel", "logBodies", "tracing",
] as const;
/** Every hook name. */
export const HOOK_NAMES = ["onRequest", "onResponse", "onRetry", "onRateLimit", "onError"] as const;
/** Every rateLimit option name. */
export const RATE_LIMIT_NAMES = ["limit", "windowMs", "lockoutMs", "maxWaitMs", "marginMs", "store"] as const;
/** Every per-call option name. */
export const CALL_OPTION_NAMES = ["signal", "timeoutMs", "maxRetries", "headers"] as const;

export const DEFAULTS = { timeoutMs: 30_000, maxRetries: 2 } as const;
/** The bounds of the numeric options; timers in every runtime take at most 2^31 - 1 ms. */
const MAX_MS = 2 ** 31 - 1;
export const LIMITS = {
  timeoutMs: [1, MAX_MS],
  maxRetries: [0, 10],
  "rateLimit.limit": [1, 1_000_000],
  "rateLimit.windowMs": [1, MAX_MS],
  "rateLimit.lockoutMs": [0, MAX_MS],
  "rateLimit.maxWaitMs": [0, MAX_MS],
  "rateLimit.marginMs": [0, MAX_MS],
} as const;
