/**
 * The options that go on the wire, read as fetch and URL would read them later: the base URL,
 * the key, header names and values, a signal. Part of the resolver (resolve.ts): each problem
 * goes to the `complain` it is given, which throws the error naming the option.
 */
import { api, apiRoot } from "../core/spec.js";
import type { ClassBookingClientOptions } from "./options.js";

/** Reports a bad option, naming it; never returns. */
export type Complain = (option: string, problem: string) => never;

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** A header name as fetch accepts it (an RFC 9110 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header value as fetch accepts it: no NUL, CR or LF, and nothing beyond Latin-1. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The key: printable ASCII on one line, with no space at either end (fetch would trim it). */
const KEY = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** A header value option (userAgent, acceptLanguage). */
export function headerValue(option: string, value: unknown, fail: Complain): string | undefined {
  if (value !== undefined && (typeof value != "string" || !FIELD_VALUE.test(value))) {
    fail(option, "must be a header value: a string on one line, Latin-1 only");
  }
  return value as string | undefined;
}

/** Headers given in any HeadersInit form, as a record with lowercase names, each checked as fetch would. */
export function headerRecord(given: unknown, complain: Complain): Record<string, string> {
  const out: Record<string, string> = {};
  if (given === undefined) return out;
  let pairs: unknown[];
  if (Array.isArray(given)) pairs = given;
  else if (
    given &&
    typeof given == "object" &&
    typeof (given as Headers).forEach == "function" &&
    typeof (given as Headers).get == "function"
  ) {
    pairs = [];
    (given as Headers).forEach((value, name) => pairs.push([name, value]));
  } else if (given && typeof given == "object") pairs = Object.entries(given);
  else return complain("headers", "must be an object, a Headers or an array of [name, value] pairs");
  for (const pair of pairs) {
    const [name, value] =
      Array.isArray(pair) && pair.length == 2 ? pair : complain("headers", "must hold [name, value] pairs");
    if (typeof name != "string" || !TOKEN.test(name))
      complain("headers", `has an invalid header name ${JSON.stringify(String(name))}`);
    if (typeof value != "string" || !FIELD_VALUE.test(value))
      complain("headers", `has an invalid value for "${name}"`);
    const lower = name.toLowerCase();
    if (lower == api.keyHeader) complain("headers", "must not set X-API-KEY; pass the key as apiKey");
    out[lower] = value;
  }
  return out;
}

/** The base URL from `baseUrl` or `tenant`, refusing anything unsafe or unclear. */
export function baseUrlOf({ baseUrl, tenant }: ClassBookingClientOptions, fail: Complain): string {
  if (tenant !== undefined) {
    if (baseUrl !== undefined) fail("baseUrl", 'and option "tenant" exclude each other; give one');
    if (typeof tenant != "string" || !TENANT.test(tenant))
      fail("tenant", 'must be a host name label such as "mystudio"');
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
  // Every operation's path starts with the API's root ("/v1"): a base URL ending with it would
  // send "/v1/v1/...". Past the checks above the URL has no credentials, so it can be shown.
  const path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith(apiRoot))
    fail(
      "baseUrl",
      `must not end with ${apiRoot}, which every operation's path starts with: give ${url.origin}${path.slice(0, -apiRoot.length)}`,
    );
  return url.href.replace(/\/+$/, "");
}

/** The key, checked without ever putting it into a message. */
export function apiKeyOf(apiKey: unknown, fail: Complain): string {
  if (apiKey === undefined || apiKey === "") fail("apiKey", "is required: the studio's API key");
  if (typeof apiKey != "string" || !KEY.test(apiKey))
    fail("apiKey", "must be printable ASCII on one line, with no space around it");
  return apiKey;
}

/** Whether a value can serve as an AbortSignal (any realm's). */
export function isSignal(value: unknown): value is AbortSignal {
  const signal = value as AbortSignal | null;
  return (
    typeof signal?.aborted == "boolean" &&
    typeof signal.addEventListener == "function" &&
    typeof signal.throwIfAborted == "function"
  );
}
