/**
 * The options of createClassBookingClient and of each call, as ky keeps its own: the interfaces
 * with a line of TSDoc and the default of each, a registry of names the compiler holds to each
 * interface (the name lists derive from it), and every default in one object. resolve.ts reads
 * options with these; nothing else in the client names an option or a default.
 */
import { api } from "../core/spec.js";
import type { ResponseValidator } from "../core/contract.js";
import type { RateLimitStore } from "../core/rate-limit.js";
import type { Tracing } from "../core/tracing.js";
import type { Hooks, Logger, LogLevel } from "./hooks.js";

export interface ClassBookingClientOptions {
  /**
   * Where the API lives, e.g. `https://mystudio.open-api.magicline.com`. Must be https, except
   * for localhost, 127.0.0.1 and ::1, and must not end with the path every operation starts with
   * (`/v1`). Give either `baseUrl` or `tenant`.
   * @default the environment's CLASS_BOOKING_BASE_URL, only when the options give no apiKey and no tenant either
   */
  baseUrl?: string;
  /**
   * The studio's tenant name; builds `https://<tenant>.open-api.magicline.com`. Give either `baseUrl` or `tenant`.
   * @default the environment's CLASS_BOOKING_TENANT, only when the options give no apiKey and no baseUrl either
   */
  tenant?: string;
  /**
   * The studio's API key, sent as X-API-KEY: printable ASCII on one line. Never printed in errors or logs.
   * Leave out `apiKey`, `baseUrl` and `tenant` together to read all of them from the environment
   * (see createClassBookingClient); one given without the other is refused.
   */
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
   * headers; and a failure), "info" (retries, rate-limit waits), "warn" (rate-limit refusals,
   * 429 lockouts), "error", or "off".
   * @default the environment's CLASS_BOOKING_LOG_LEVEL, else "warn"
   */
  logLevel?: LogLevel;
  /**
   * Show personal data in logs, hooks and spans: request and answer bodies (at debug level), the
   * API's errorMessage (it may name a customer), and URLs whole. Off, URLs show `***` for query
   * values and for customer or booking ids in the path (the spec marks them `x-personal-data`).
   * @default false
   */
  logBodies?: boolean;
  /**
   * One span per operation: `openTelemetry()` from `class-booking-api/tracing`.
   * @default undefined (no spans)
   */
  tracing?: Tracing;
}

/**
 * The options of a client whose key and host come from the environment: every option but
 * `apiKey`, `baseUrl` and `tenant`, which are left out (see createClassBookingClient).
 */
export type EnvironmentClientOptions = Omit<ClassBookingClientOptions, "apiKey" | "baseUrl" | "tenant"> & {
  apiKey?: undefined;
  baseUrl?: undefined;
  tenant?: undefined;
};

/**
 * The environment variables the client reads, where there is an environment (`process.env` in
 * Node, Bun, and Deno with --allow-env; a browser has none). The key and the host are read only
 * together, when the options give neither.
 */
export const ENVIRONMENT = {
  apiKey: "CLASS_BOOKING_API_KEY",
  baseUrl: "CLASS_BOOKING_BASE_URL",
  tenant: "CLASS_BOOKING_TENANT",
  logLevel: "CLASS_BOOKING_LOG_LEVEL",
} as const satisfies Partial<Record<keyof ClassBookingClientOptions, string>>;

/** Per-call options, the optional second argument of every method. */
export interface CallOptions {
  /**
   * Aborts the call; an abort rejects at once with the signal's reason and is never retried.
   * @default undefined
   */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. @default the client's timeoutMs */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. @default the client's maxRetries */
  maxRetries?: number;
  /** Extra headers for this call only (not X-API-KEY). @default {} */
  headers?: HeadersInit;
}

/** The rate-limit settings; see ClassBookingClientOptions.rateLimit. */
export interface RateLimitOptions {
  /** Calls of one operation allowed per window. @default 1000 */
  limit?: number;
  /** The window, in milliseconds. @default 60000 */
  windowMs?: number;
  /** How long a 429 without Retry-After closes the operation, in milliseconds. @default 60000 */
  lockoutMs?: number;
  /** How long a call may wait for room before it is refused with a RateLimitError. @default 10000 */
  maxWaitMs?: number;
  /**
   * Added to the window, in milliseconds.
   * @deprecated Not needed any more: each call holds its place until `windowMs` after its answer,
   * so no delay between sending and the API's count can beat the limit. A value given is still
   * added to the window.
   * @default 0
   */
  marginMs?: number;
  /** Where the counts live. @default an in-memory store of this client */
  store?: RateLimitStore;
}

/** Every name of an options interface, each once: a name missing or one too many is a type error. */
type Registry<Options> = { [Name in keyof Required<Options>]: true };
export const optionNames = <Options>(registry: Registry<Options>) =>
  Object.keys(registry) as Array<keyof Options & string>;

/** Every option name createClassBookingClient knows, in the order the docs list them. */
export const OPTION_NAMES = optionNames<ClassBookingClientOptions>({
  baseUrl: true,
  tenant: true,
  apiKey: true,
  timeoutMs: true,
  maxRetries: true,
  acceptLanguage: true,
  headers: true,
  fetch: true,
  userAgent: true,
  validateResponses: true,
  rateLimit: true,
  hooks: true,
  logger: true,
  logLevel: true,
  logBodies: true,
  tracing: true,
});
/** Every per-call option name. */
export const CALL_OPTION_NAMES = optionNames<CallOptions>({
  signal: true,
  timeoutMs: true,
  maxRetries: true,
  headers: true,
});
/** Every rateLimit option name. */
export const RATE_LIMIT_NAMES = optionNames<RateLimitOptions>({
  limit: true,
  windowMs: true,
  lockoutMs: true,
  maxWaitMs: true,
  marginMs: true,
  store: true,
});
/** Every hook name. */
export const HOOK_NAMES = optionNames<Hooks>({
  onRequest: true,
  onResponse: true,
  onRetry: true,
  onRateLimit: true,
  onError: true,
});
/** Every log level, from the most to the least told. */
export const LOG_LEVELS = optionNames<Record<LogLevel, true>>({
  debug: true,
  info: true,
  warn: true,
  error: true,
  off: true,
});

/**
 * Every default, in one place (the @default lines above say the same). The rate limit's numbers
 * are the API's own, from the spec; a call may wait 10 s for room.
 */
export const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 2,
  headers: {},
  hooks: {},
  logger: console as Logger,
  logLevel: "warn",
  logBodies: false,
  rateLimit: { ...api.rateLimit, maxWaitMs: 10_000, marginMs: 0 },
} as const satisfies Partial<Record<keyof ClassBookingClientOptions, unknown>>;

/** The bounds of the numeric options; timers in every runtime take at most 2^31 - 1 ms. */
const MAX_MS = 2 ** 31 - 1;
export const BOUNDS = {
  timeoutMs: [1, MAX_MS],
  maxRetries: [0, 10],
  "rateLimit.limit": [1, 1_000_000],
  "rateLimit.windowMs": [1, MAX_MS],
  "rateLimit.lockoutMs": [0, MAX_MS],
  "rateLimit.maxWaitMs": [0, MAX_MS],
  "rateLimit.marginMs": [0, MAX_MS],
} as const;
