/** createClassBookingClient: options in, one method per row of the generated operation table out. */
import { operations } from "../generated/operations.js";
import { inputPreparer, type Row } from "./call/input.js";
import { retryClassOf } from "./call/retry.js";
import { createTransport, sleep, type Answer, type TransportDeps } from "./call/transport.js";
import { ApiError, ClassBookingError, redactHeaders } from "./errors.js";
import {
  CALL_OPTION_NAMES,
  checkApiKey,
  checkHeaderValue,
  checkInteger,
  checkNames,
  DEFAULTS,
  fail,
  headerRecord,
  isSignal,
  OPTION_NAMES,
  rateLimitGate,
  resolveBaseUrl,
  type CallOptions,
  type ClassBookingClientOptions,
  type Complain,
  type ResponseValidator,
} from "./options.js";
import { paginate, type Slice } from "./paginate.js";
import type { CallSettings } from "./raw.js";
import type { ClassBookingClient } from "./types.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

type Loose = Record<string, unknown>;
const JSON_BODY = { "content-type": "application/json" };
const rows = Object.entries(operations) as Array<[string, Row]>;

/** Clock, randomness and sleep: real ones by default, fixed ones in tests. */
export type Runtime = Pick<TransportDeps, "sleep" | "now" | "random">;

/** Creates a client for the class-booking API. Throws a ClassBookingError naming the option when one is invalid. */
export function createClassBookingClient(options: ClassBookingClientOptions): ClassBookingClient {
  return buildClient(options, { sleep, now: Date.now, random: Math.random });
}


/** createClassBookingClient with an injectable runtime; not part of the public entry. */
export function buildClient(options: ClassBookingClientOptions, runtime: Runtime): ClassBookingClient {
  // Anything that is not an options object fails below as a missing baseUrl.
  const given: ClassBookingClientOptions = options !== null && typeof options == "object" ? options : ({} as ClassBookingClientOptions);
  checkNames(given, OPTION_NAMES, "option", (message) => {
    throw new ClassBookingError(`createClassBookingClient: ${message}`);
  });
  const baseUrl = resolveBaseUrl(given);
  const apiKey = checkApiKey(given.apiKey);
  const validate = given.validateResponses;
  if (validate !== undefined && typeof validate != "function") fail("validateResponses", "must be a function, e.g. responseValidator() from class-booking-api/validate");
  if (typeof (given.fetch ?? globalThis.fetch) != "function") fail("fetch", given.fetch === undefined ? "is required where there is no global fetch" : "must be a function");
  // Without a fetch of its own, the client looks the global one up on every call, so tools that
  // replace it later (Mock Service Worker, instrumentation) are seen.
  const fetch: typeof globalThis.fetch = given.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const userAgent = checkHeaderValue("userAgent", given.userAgent);
  const acceptLanguage = checkHeaderValue("acceptLanguage", given.acceptLanguage);
  const agent = `${PACKAGE_NAME}/${VERSION}${userAgent ? ` ${userAgent}` : ""}`;
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-client": agent,
    // Browsers own the User-Agent header; everywhere else it names this package.
    ...(typeof document == "undefined" && { "user-agent": agent }),
    ...(acceptLanguage && { "accept-language": acceptLanguage }),
    ...headerRecord(given.headers, fail),
    "x-api-key": apiKey,
  };
  const defaults: CallSettings = {
    headers,
    timeoutMs: checkInteger("timeoutMs", given.timeoutMs) ?? DEFAULTS.timeoutMs,
    maxRetries: checkInteger("maxRetries", given.maxRetries) ?? DEFAULTS.maxRetries,
    signal: undefined,
  };
  const jsonHeaders = { ...headers, ...JSON_BODY };
  const gate = rateLimitGate(given.rateLimit, { ...runtime, scope: () => scopeOf(baseUrl, apiKey) });
  const send = createTransport({ fetch, ...runtime, gate });

  /** Checks one call's options; every problem is named with the operation. */
  function settings(operationId: string, options: CallOptions | undefined): CallSettings {
    if (options === undefined) return defaults;
    const refuse = (message: string): never => {
      throw new ClassBookingError(`${operationId}: ${message}`, { operationId });
    };
    const complain: Complain = (option, problem) => refuse(`call option "${option}" ${problem}`);
    if (options === null || typeof options != "object") refuse("the call options must be an object");
    checkNames(options, CALL_OPTION_NAMES, "call option", refuse);
    if (options.signal !== undefined && !isSignal(options.signal)) complain("signal", "must be an AbortSignal");
    return {
      headers: options.headers === undefined ? headers : { ...headers, ...headerRecord(options.headers, complain) },
      timeoutMs: checkInteger("timeoutMs", options.timeoutMs, complain) ?? defaults.timeoutMs,
      maxRetries: checkInteger("maxRetries", options.maxRetries, complain) ?? defaults.maxRetries,
      signal: options.signal,
    };
  }

  const client: Loose = {};
  const pagers: Loose = {};
  for (const [operationId, row] of rows) {
    const { method } = row;
    const retry = retryClassOf(method, row.idempotent);
    const prepare = inputPreparer(operationId, row);
    const call = async (input?: unknown, options?: CallOptions) => {
      const settled = settings(operationId, options);
      const { path, body } = prepare(input);
      const url = baseUrl + path;
      const callHeaders = body === undefined ? settled.headers : settled === defaults ? jsonHeaders : { ...settled.headers, ...JSON_BODY };
      const { timeoutMs, maxRetries, signal } = settled;
      const answer = await send({ operationId, method, url, headers: callHeaders, body, retry, timeoutMs, maxRetries, signal });
      const data = outcome(operationId, method, url, row, answer, callHeaders);
      if (validate) check(validate, operationId, answer.response.status, data);
      return data;
    };
    client[operationId] = call;
    if (row.sliced) {
      pagers[operationId] = (input?: Loose, options?: CallOptions) =>
        paginate(operationId, (offset) => call(offset === undefined ? input : { ...input, offset }, options) as Promise<Slice<unknown>>, input);
    }
  }
  client.paginate = pagers;

  // client.raw: openapi-fetch on the same transport, loaded (with its wiring) on the first raw
  // call, so an app that never uses it does not ship it.
  let loaded: Promise<Loose> | undefined;
  const load = () =>
    (loaded ??= import("./raw.js").then(
      ({ rawClient }) => rawClient({ baseUrl, headers, defaults, send }) as unknown as Loose,
      (error: unknown) => Promise.reject(new ClassBookingError(`client.raw: openapi-fetch could not be loaded: ${(error as Error)?.message}`, { cause: error })),
    ));
  const raw: Loose = {};
  for (const name of RAW_METHODS) raw[name] = async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => unknown)(...args);
  client.raw = raw;
  return client as ClassBookingClient;
}

/** The request methods of openapi-fetch's client that client.raw offers. */
const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;

/**
 * Where this client's keys start in a shared rate-limit store: a hash of its base URL and API
 * key, so clients of one studio share a budget and the key itself is never stored.
 */
async function scopeOf(baseUrl: string, apiKey: string): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new ClassBookingError("createClassBookingClient: a shared rateLimit.store needs crypto.subtle (Web Crypto)");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${baseUrl}\n${apiKey}`));
  return [...new Uint8Array(digest)].slice(0, 16).map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Runs the response validator; whatever it throws reaches the caller as a ClassBookingError. */
function check(validate: ResponseValidator, operationId: string, status: number, body: unknown): void {
  try {
    validate({ operationId, status, body });
  } catch (error) {
    if (error instanceof ClassBookingError) throw error;
    throw new ClassBookingError(`${operationId}: validateResponses refused the ${status} answer: ${(error as Error)?.message ?? error}`, { operationId, cause: error });
  }
}

/** The 2xx body as the spec promises it, or an ApiError for any other status. */
function outcome(operationId: string, method: string, url: string, row: Row, { response, text }: Answer, sent: Record<string, string>): unknown {
  const { status } = response;
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    if (response.ok && row.json) throw new ClassBookingError(`${operationId}: the ${status} answer is not valid JSON`, { operationId, cause: error });
    body = text;
  }
  if (!response.ok) {
    throw new ApiError({ operationId, method, url, status, statusText: response.statusText, body, responseHeaders: response.headers, requestHeaders: redactHeaders(sent) });
  }
  if (!row.json) return undefined;
  if (body === undefined) throw new ClassBookingError(`${operationId}: the ${status} answer has no body, but the spec promises JSON`, { operationId });
  return body;
}
