/** The checks run on the client's options at construction, and on each call's options. */
import { api } from "../../generated/operations.js";
import { createGate, createMemoryStore, RATE_LIMIT_DEFAULTS, type Gate, type RateLimitOptions } from "./pipeline/limit.js";
import type { CallSettings } from "./pipeline/method.js";
import type { Tracing } from "../core/tracing.js";
import { levelFromEnvironment, LOG_LEVELS, Observer, type LogLevel } from "./pipeline/events.js";
import { ClassBookingError } from "../core/errors.js";
import { CALL_OPTION_NAMES, HOOK_NAMES, LIMITS, RATE_LIMIT_NAMES, type CallOptions, type ClassBookingClientOptions } from "./options.js";

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** A header name as fetch accepts it (an RFC 9110 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header value as fetch accepts it: no NUL, CR or LF, and nothing beyond Latin-1. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The key: printable ASCII on one line, with no space at either end (fetch would trim it). */
const KEY = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** Reports a bad option; `where` is "createClassBookingClient: option" or "<operationId>: call option". */
export type Complain = (option: string, problem: string) => never;

/** Throws the error for a bad client option, naming it. */
export const fail: Complain = (option, problem) => {
  throw new ClassBookingError(`createClassBookingClient: option "${option}" ${problem}`);
};

/** Refuses option names that are not in `known`, listing the ones that are. */
export function checkNames(given: object, known: readonly string[], what: string, complain: (message: string) => never): void {
  for (const name of Object.keys(given)) {
    if (!known.includes(name)) complain(`unknown ${what} "${name}"; the ${what}s are: ${known.join(", ")}`);
  }
}

/** Checks a count or duration option against its bounds. */
export function checkInteger(option: keyof typeof LIMITS, value: unknown, complain: Complain = fail): number | undefined {
  const [low, high] = LIMITS[option];
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= low && (value as number) <= high)) {
    complain(option, `must be an integer from ${low} to ${high}, got ${typeof value == "number" ? value : typeof value}`);
  }
  return value as number | undefined;
}

/** Checks a header value option (userAgent, acceptLanguage). */
export function checkHeaderValue(option: string, value: unknown): string | undefined {
  if (value !== undefined && (typeof value != "string" || !FIELD_VALUE.test(value))) {
    fail(option, "must be a header value: a string on one line, Latin-1 only");
  }
  return value as string | undefined;
}

/** Copies headers given in any HeadersInit form into a record with lowercase names, checking each as fetch would. */
export function headerRecord(given: unknown, complain: Complain, option = "headers"): Record<string, string> {
  const out: Record<string, string> = {};
  if (given === undefined) return out;
  let pairs: unknown[];
  if (Array.isArray(given)) pairs = given;
  else if (given && typeof given == "object" && typeof (given as Headers).forEach == "function" && typeof (given as Headers).get == "function") {
    pairs = [];
    (given as Headers).forEach((value, name) => pairs.push([name, value]));
  } else if (given && typeof given == "object") pairs = Object.entries(given);
  else return complain(option, "must be an object, a Headers or an array of [name, value] pairs");
  for (const pair of pairs) {
    const [name, value] = Array.isArray(pair) && pair.length == 2 ? pair : complain(option, "must hold [name, value] pairs");
    if (typeof name != "string" || !TOKEN.test(name)) complain(option, `has an invalid header name ${JSON.stringify(String(name))}`);
    if (typeof value != "string" || !FIELD_VALUE.test(value)) complain(option, `has an invalid value for "${name}"`);
    const lower = name.toLowerCase();
    if (lower == api.keyHeader) complain(option, "must not set X-API-KEY; pass the key as apiKey");
    out[lower] = value;
  }
  return out;
}

/** Works out the base URL from `baseUrl` or `tenant`, refusing anything unsafe or unclear. */
export function resolveBaseUrl({ baseUrl, tenant }: Pick<ClassBookingClientOptions, "baseUrl" | "tenant">): string {
  if (tenant !== undefined) {
    if (baseUrl !== undefined) fail("baseUrl", 'and option "tenant" exclude each other; give one');
    if (typeof tenant != "string" || !TENANT.test(tenant)) fail("tenant", 'must be a host name label such as "mystudio"');
    return api.tenantUrl.replace("{tenant}", tenant.toLowerCase());
  }
  if (!baseUrl) fail("baseUrl", 'is required (or give "tenant")');
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {}
  // The URL itself is not printed: it could hold a password.
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    fail("baseUrl", "must be an absolute http(s) URL with no credentials, query or fragment");
  }
  if (url.protocol == "http:" && !LOCAL_HOSTS.includes(url.hostname)) {
    fail("baseUrl", `must use https (http is for localhost only), got ${url.origin}`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Checks the key without ever putting it into a message. */
export function checkApiKey(apiKey: unknown): string {
  if (apiKey === undefined || apiKey === "") fail("apiKey", "is required: the studio's API key");
  if (typeof apiKey != "string" || !KEY.test(apiKey)) fail("apiKey", "must be printable ASCII on one line, with no space around it");
  return apiKey;
}

/** Whether a value can serve as an AbortSignal (any realm's). */
export function isSignal(value: unknown): value is AbortSignal {
  const signal = value as AbortSignal | null;
  return typeof signal?.aborted == "boolean" && typeof signal.addEventListener == "function" && typeof signal.throwIfAborted == "function";
}

const STORE_METHODS = ["take", "release", "block", "blocked"];

/** Reads the rateLimit option into a gate (undefined when it is false). */
export function rateLimitGate(given: unknown, deps: Omit<Parameters<typeof createGate>[1], "onLimit">, observer?: Observer): Gate | undefined {
  if (given === false) return undefined;
  if (given !== undefined && (given === null || typeof given != "object")) fail("rateLimit", "must be false or an object");
  const options = (given ?? {}) as RateLimitOptions;
  checkNames(options, RATE_LIMIT_NAMES, "rateLimit option", (message) => {
    throw new ClassBookingError(`createClassBookingClient: ${message}`);
  });
  const number = (name: "limit" | "windowMs" | "lockoutMs" | "maxWaitMs") => checkInteger(`rateLimit.${name}`, options[name]) ?? RATE_LIMIT_DEFAULTS[name];
  const windowMs = number("windowMs");
  const { store } = options;
  if (store !== undefined && !hasMethods(store, STORE_METHODS)) {
    // A store written for take(key, limit, windowMs) counted a call when it was sent, which a late request can beat.
    const old = hasMethods(store, ["take", "block", "blocked"]) ? "; a store without release counts a call only when it is sent: give it take(key, id, limit, windowMs, holdMs) and release(key, id, windowMs) (see RateLimitStore)" : "";
    fail("rateLimit.store", `must have ${STORE_METHODS.slice(0, -1).join(", ")} and blocked methods (a RateLimitStore)${old}`);
  }
  return createGate(
    {
      limit: number("limit"),
      windowMs,
      lockoutMs: number("lockoutMs"),
      maxWaitMs: number("maxWaitMs"),
      // Deprecated: a place is held until windowMs after the answer, so no margin is needed; one given still counts.
      marginMs: checkInteger("rateLimit.marginMs", options.marginMs) ?? 0,
      store: store ?? createMemoryStore(deps.now),
    },
    {
      ...deps,
      // The client's own store needs no scope; a store the caller gives may be shared between keys.
      ...(!store && { scope: () => "" }),
      ...(observer && { onLimit: (call, waitMs, refused) => observer.rateLimit(call, waitMs, refused) }),
    },
  );
}

const hasMethods = (value: unknown, names: readonly string[]) => value !== null && typeof value == "object" && names.every((n) => typeof (value as Record<string, unknown>)[n] == "function");

/** Reads hooks, logger, logLevel and logBodies into an observer (undefined when nobody listens). */
export function observerOf(given: ClassBookingClientOptions, now: () => number): Observer | undefined {
  const { hooks = {}, logger = console, logBodies = false } = given;
  if (hooks === null || typeof hooks != "object") fail("hooks", "must be an object of functions");
  checkNames(hooks, HOOK_NAMES, "hook", (message) => {
    throw new ClassBookingError(`createClassBookingClient: ${message}`);
  });
  for (const [name, hook] of Object.entries(hooks)) if (hook !== undefined && typeof hook != "function") fail(`hooks.${name}`, "must be a function");
  if (!hasMethods(logger, ["debug", "info", "warn", "error"])) fail("logger", "must have debug, info, warn and error methods (console does)");
  if (typeof logBodies != "boolean") fail("logBodies", "must be true or false");
  const fromEnvironment = levelFromEnvironment();
  const level = given.logLevel ?? (fromEnvironment || "warn");
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    fail(given.logLevel === undefined ? "logLevel (from CLASS_BOOKING_LOG_LEVEL)" : "logLevel", `must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(level)}`);
  }
  const rank = LOG_LEVELS.indexOf(level as LogLevel);
  const listening = Object.values(hooks).some(Boolean) || rank < LOG_LEVELS.indexOf("off");
  return listening ? new Observer(hooks, logger, rank, logBodies, now) : undefined;
}

/** Checks the tracing option. */
export function tracingOf(given: unknown): Tracing | undefined {
  if (given !== undefined && !hasMethods(given, ["start"])) fail("tracing", "must be a tracer such as openTelemetry() from class-booking-api/tracing");
  return given as Tracing | undefined;
}

/** The settings of one call: the client's, or its own call options checked, every problem named with the operation. */
export function callSettings(operationId: string, options: unknown, defaults: CallSettings): CallSettings {
  if (options === undefined) return defaults;
  const refuse = (message: string): never => {
    throw new ClassBookingError(`${operationId}: ${message}`, { operationId });
  };
  const complain: Complain = (option, problem) => refuse(`call option "${option}" ${problem}`);
  if (options === null || typeof options != "object") refuse("the call options must be an object");
  const given = options as CallOptions;
  checkNames(given, CALL_OPTION_NAMES, "call option", refuse);
  if (given.signal !== undefined && !isSignal(given.signal)) complain("signal", "must be an AbortSignal");
  return {
    headers: given.headers === undefined ? defaults.headers : { ...defaults.headers, ...headerRecord(given.headers, complain) },
    timeoutMs: checkInteger("timeoutMs", given.timeoutMs, complain) ?? defaults.timeoutMs,
    maxRetries: checkInteger("maxRetries", given.maxRetries, complain) ?? defaults.maxRetries,
    signal: given.signal,
  };
}
