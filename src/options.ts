/** The options of createClassBookingClient, their defaults, and the checks run on them at construction. */
import { ClassBookingError } from "./errors.js";

export interface ClassBookingClientOptions {
  /**
   * Where the API lives, e.g. `https://mystudio.open-api.magicline.com`. Must be https, except
   * for localhost, 127.0.0.1 and ::1. Give either `baseUrl` or `tenant`.
   */
  baseUrl?: string;
  /** The studio's tenant name; builds `https://<tenant>.open-api.magicline.com`. Give either `baseUrl` or `tenant`. */
  tenant?: string;
  /** The studio's API key, sent as X-API-KEY. Never printed in errors or logs. */
  apiKey: string;
  /**
   * How long one attempt may wait for the answer's headers, in milliseconds.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * How many times a failed call is tried again, where the retry rules allow it.
   * @default 2
   */
  maxRetries?: number;
  /**
   * The language for `errorMessage`, sent as Accept-Language (e.g. `de`).
   * @default undefined (the API answers in English)
   */
  acceptLanguage?: string;
  /**
   * Extra headers sent with every request. X-API-KEY is not allowed here (use `apiKey`).
   * @default {}
   */
  headers?: Record<string, string>;
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
  headers?: Record<string, string>;
}

export const DEFAULTS = { timeoutMs: 30_000, maxRetries: 2 } as const;

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Throws the error for a bad option, naming it. */
export function fail(option: string, problem: string): never {
  throw new ClassBookingError(`createClassBookingClient: option "${option}" ${problem}`);
}

/** Checks a count or duration option; `min` is 0 for counts and 1 for durations. */
export function checkInteger(option: string, value: unknown, min: number): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= min)) {
    fail(option, `must be an integer of at least ${min}, got ${typeof value == "number" ? value : typeof value}`);
  }
  return value as number | undefined;
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

export function checkApiKey(apiKey: unknown): string {
  if (typeof apiKey != "string" || !apiKey.trim() || /[\r\n]/.test(apiKey)) {
    fail("apiKey", "is required: a non-empty string on one line");
  }
  return apiKey;
}
