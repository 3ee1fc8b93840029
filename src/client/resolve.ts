/**
 * Options in, checked and complete options out: the client's at construction, each call's when
 * it is made. The only place that throws for an option (resolve-http.ts reads the ones that go
 * on the wire for it); it builds nothing (no gate, no listener, no transport): what it answers
 * is plain data with every default filled in (options.ts).
 */
import { ClassBookingError } from "../core/errors.js";
import type { ResponseValidator } from "../core/contract.js";
import type { RateLimitStore } from "../core/rate-limit.js";
import type { Tracing } from "../core/tracing.js";
import type { CallSettings } from "./pipeline/types.js";
import { headerRecord, headerValue, isSignal, type Complain } from "./resolve-http.js";
import { environment, keyAndHost, variable } from "./resolve-key.js";
import {
  BOUNDS,
  CALL_OPTION_NAMES,
  DEFAULTS,
  ENVIRONMENT,
  HOOK_NAMES,
  LOG_LEVELS,
  OPTION_NAMES,
  RATE_LIMIT_NAMES,
  type CallOptions,
  type ClassBookingClientOptions,
} from "./options.js";
import type { Hooks, Logger, LogLevel } from "./hooks.js";

/** The client's options, checked, with every default filled in. */
export interface ResolvedOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
  acceptLanguage: string | undefined;
  /** The extra headers, lower-cased (never the key). */
  headers: Record<string, string>;
  /** The caller's own fetch; undefined: the global one, looked up on each call. */
  fetch: typeof globalThis.fetch | undefined;
  userAgent: string | undefined;
  validateResponses: ResponseValidator | undefined;
  /** false: no client-side limit. `store` undefined: one in this client's memory. */
  rateLimit: false | (Required<Omit<RateLimitOptions, "store">> & { store: RateLimitStore | undefined });
  hooks: Hooks;
  logger: Logger;
  logLevel: LogLevel;
  logBodies: boolean;
  tracing: Tracing | undefined;
}
type RateLimitOptions = Exclude<ClassBookingClientOptions["rateLimit"], false | undefined>;

const STORE_METHODS = ["take", "release", "block", "blocked"];

const refuse = (message: string): never => {
  throw new ClassBookingError(`createClassBookingClient: ${message}`);
};
const fail: Complain = (option, problem) => refuse(`option "${option}" ${problem}`);

/** Refuses names that are not in `known`, listing the ones that are. */
function knownNames(
  given: object,
  known: readonly string[],
  what: string,
  complain: (message: string) => never,
): void {
  for (const name of Object.keys(given)) {
    if (!known.includes(name)) complain(`unknown ${what} "${name}"; the ${what}s are: ${known.join(", ")}`);
  }
}

/** A count or duration within its bounds, or its default when not given. */
function integer(
  option: keyof typeof BOUNDS,
  value: unknown,
  otherwise: number,
  complain: Complain = fail,
): number {
  const [low, high] = BOUNDS[option];
  if (value === undefined) return otherwise;
  if (!(Number.isInteger(value) && (value as number) >= low && (value as number) <= high)) {
    complain(
      option,
      `must be an integer from ${low} to ${high}, got ${typeof value == "number" ? value : typeof value}`,
    );
  }
  return value as number;
}

const hasMethods = (value: unknown, names: readonly string[]) =>
  value !== null &&
  typeof value == "object" &&
  names.every((n) => typeof (value as Record<string, unknown>)[n] == "function");

/** The rateLimit option with its defaults, or false. */
function rateLimitOf(given: unknown): ResolvedOptions["rateLimit"] {
  if (given === false) return false;
  if (given !== undefined && (given === null || typeof given != "object"))
    fail("rateLimit", "must be false or an object");
  const options = (given ?? {}) as RateLimitOptions;
  knownNames(options, RATE_LIMIT_NAMES, "rateLimit option", refuse);
  const number = (name: keyof typeof DEFAULTS.rateLimit) =>
    integer(`rateLimit.${name}`, options[name], DEFAULTS.rateLimit[name]);
  const windowMs = number("windowMs");
  const { store } = options;
  if (store !== undefined && !hasMethods(store, STORE_METHODS)) {
    // A store written for take(key, limit, windowMs) counted a call when it was sent, which a late request can beat.
    const old = hasMethods(store, ["take", "block", "blocked"])
      ? "; a store without release counts a call only when it is sent: give it take(key, id, limit, windowMs, holdMs) and release(key, id, windowMs) (see RateLimitStore)"
      : "";
    fail(
      "rateLimit.store",
      `must have ${STORE_METHODS.slice(0, -1).join(", ")} and blocked methods (a RateLimitStore)${old}`,
    );
  }
  // marginMs is deprecated: a place is held until windowMs after the answer, so none is needed; one given still counts.
  return {
    limit: number("limit"),
    windowMs,
    lockoutMs: number("lockoutMs"),
    maxWaitMs: number("maxWaitMs"),
    marginMs: number("marginMs"),
    store,
  };
}

/** Whether a value is a plain object (any realm's): not an array, a Date, a Map or a class instance. */
function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value != "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** What a value is, for a message: "an array", "a Date", "a string", "null". */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const name = typeof value == "object" ? Object.getPrototypeOf(value)?.constructor?.name : undefined;
  const kind = typeof name == "string" && name ? name : typeof value;
  return `${/^[aeiou]/i.test(kind) ? "an" : "a"} ${kind}`;
}

/**
 * The client's options, checked, with every default filled in; throws a ClassBookingError naming
 * the first bad one.
 */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options !== undefined && !isPlainObject(options))
    refuse(`the options must be a plain object such as { baseUrl, apiKey }, got ${kindOf(options)}`);
  const given = (options ?? {}) as ClassBookingClientOptions;
  knownNames(given, OPTION_NAMES, "option", refuse);
  const { baseUrl, apiKey } = keyAndHost(given, fail, refuse);
  const {
    validateResponses,
    fetch,
    hooks = DEFAULTS.hooks,
    logger = DEFAULTS.logger,
    logBodies = DEFAULTS.logBodies,
    tracing,
  } = given;
  if (validateResponses !== undefined && typeof validateResponses != "function") {
    fail("validateResponses", "must be a function, e.g. responseValidator() from class-booking-api/validate");
  }
  if (typeof (fetch ?? globalThis.fetch) != "function")
    fail("fetch", fetch === undefined ? "is required where there is no global fetch" : "must be a function");
  const userAgent = headerValue("userAgent", given.userAgent, fail);
  const acceptLanguage = headerValue("acceptLanguage", given.acceptLanguage, fail);
  const headers = headerRecord(given.headers, fail);
  const timeoutMs = integer("timeoutMs", given.timeoutMs, DEFAULTS.timeoutMs);
  const maxRetries = integer("maxRetries", given.maxRetries, DEFAULTS.maxRetries);
  if (hooks === null || typeof hooks != "object") fail("hooks", "must be an object of functions");
  knownNames(hooks, HOOK_NAMES, "hook", refuse);
  for (const [name, hook] of Object.entries(hooks))
    if (hook !== undefined && typeof hook != "function") fail(`hooks.${name}`, "must be a function");
  if (!hasMethods(logger, LOG_LEVELS.slice(0, 4)))
    fail("logger", "must have debug, info, warn and error methods (console does)");
  if (typeof logBodies != "boolean") fail("logBodies", "must be true or false");
  const logLevel = (given.logLevel ??
    (variable(environment(), ENVIRONMENT.logLevel) || DEFAULTS.logLevel)) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    const option = given.logLevel === undefined ? `logLevel (from ${ENVIRONMENT.logLevel})` : "logLevel";
    fail(option, `must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(logLevel)}`);
  }
  const rateLimit = rateLimitOf(given.rateLimit);
  if (tracing !== undefined && !hasMethods(tracing, ["start"]))
    fail("tracing", "must be a tracer such as openTelemetry() from class-booking-api/tracing");
  return {
    baseUrl,
    apiKey,
    timeoutMs,
    maxRetries,
    acceptLanguage,
    headers,
    fetch,
    userAgent,
    validateResponses,
    rateLimit,
    hooks,
    logger,
    logLevel,
    logBodies,
    tracing,
  };
}

/**
 * One call's settings: the client's when it has no options, else its own, checked, every problem
 * named with the operation.
 */
export function resolveCallOptions(
  operationId: string,
  options: unknown,
  client: CallSettings,
): CallSettings {
  if (options === undefined) return client;
  const refuseCall = (message: string): never => {
    throw new ClassBookingError(`${operationId}: ${message}`, { operationId });
  };
  const complain: Complain = (option, problem) => refuseCall(`call option "${option}" ${problem}`);
  if (!isPlainObject(options))
    refuseCall(`the call options must be a plain object such as { timeoutMs: 5000 }, got ${kindOf(options)}`);
  const given = options as CallOptions;
  knownNames(given, CALL_OPTION_NAMES, "call option", refuseCall);
  if (given.signal !== undefined && !isSignal(given.signal)) complain("signal", "must be an AbortSignal");
  return {
    headers:
      given.headers === undefined
        ? client.headers
        : { ...client.headers, ...headerRecord(given.headers, complain) },
    timeoutMs: integer("timeoutMs", given.timeoutMs, client.timeoutMs, complain),
    maxRetries: integer("maxRetries", given.maxRetries, client.maxRetries, complain),
    signal: given.signal,
  };
}
