/** The options of createClassBookingClient, their defaults, and the checks run on them at construction. */
import { createGate, createMemoryStore, RATE_LIMIT_DEFAULTS, type Gate, type RateLimitOptions } from "./call/limit.js";
import { ClassBookingError } from "./errors.js";

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
   * any `windowMs`, and after a 429 the operation stays closed for `lockoutMs`. Calls without
   * room wait in line up to `maxWaitMs`, or fail with a RateLimitError before anything is sent.
   * Give a shared `store` (e.g. createRedisStore) to share one budget across processes.
   * @default { limit: 1000, windowMs: 60000, lockoutMs: 60000, maxWaitMs: 10000 } in memory
   */
  rateLimit?: false | RateLimitOptions;
}

/** Checks one successful answer; throws to refuse it. */
export type ResponseValidator = (answer: { operationId: string; status: number; body: unknown }) => void;

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
export const OPTION_NAMES = ["baseUrl", "tenant", "apiKey", "timeoutMs", "maxRetries", "acceptLanguage", "headers", "fetch", "userAgent", "validateResponses", "rateLimit"] as const;
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

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** A header name as fetch accepts it (an RFC 9110 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header value as fetch accepts it: no NUL, CR or LF, and nothing beyond Latin-1. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The key: printable ASCII on one line, with no space at either end (fetch would trim it). */
const KEY = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const KEY_HEADER = "x-api-key";

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
    if (lower == KEY_HEADER) complain(option, "must not set X-API-KEY; pass the key as apiKey");
    out[lower] = value;
  }
  return out;
}

/** Works out the base URL from `baseUrl` or `tenant`, refusing anything unsafe or unclear. */
export function resolveBaseUrl({ baseUrl, tenant }: Pick<ClassBookingClientOptions, "baseUrl" | "tenant">): string {
  if (tenant !== undefined) {
    if (baseUrl !== undefined) fail("baseUrl", 'and option "tenant" exclude each other; give one');
    if (typeof tenant != "string" || !TENANT.test(tenant)) fail("tenant", 'must be a host name label such as "mystudio"');
    return `https://${tenant.toLowerCase()}.open-api.magicline.com`;
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

/** Reads the rateLimit option into a gate (undefined when it is false). */
export function rateLimitGate(given: unknown, deps: Parameters<typeof createGate>[1]): Gate | undefined {
  if (given === false) return undefined;
  if (given !== undefined && (given === null || typeof given != "object")) fail("rateLimit", "must be false or an object");
  const options = (given ?? {}) as RateLimitOptions;
  checkNames(options, RATE_LIMIT_NAMES, "rateLimit option", (message) => {
    throw new ClassBookingError(`createClassBookingClient: ${message}`);
  });
  const number = (name: "limit" | "windowMs" | "lockoutMs" | "maxWaitMs") => checkInteger(`rateLimit.${name}`, options[name]) ?? RATE_LIMIT_DEFAULTS[name];
  const windowMs = number("windowMs");
  const { store } = options;
  if (store !== undefined && !["take", "block", "blocked"].every((m) => typeof (store as unknown as Record<string, unknown>)?.[m] == "function")) {
    fail("rateLimit.store", "must have take, block and blocked methods (a RateLimitStore)");
  }
  return createGate(
    {
      limit: number("limit"),
      windowMs,
      lockoutMs: number("lockoutMs"),
      maxWaitMs: number("maxWaitMs"),
      marginMs: checkInteger("rateLimit.marginMs", options.marginMs) ?? Math.round(windowMs / 50),
      store: store ?? createMemoryStore(deps.now),
    },
    // The client's own store needs no scope; a store the caller gives may be shared between keys.
    store ? deps : { ...deps, scope: () => "" },
  );
}
