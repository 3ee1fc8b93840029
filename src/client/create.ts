/** createClassBookingClient: options in, one method per row of the generated operation table out. */
import { api, rows } from "../core/spec.js";
import { scopeOf } from "./pipeline/limit.js";
import { methodFor, type CallSettings, type MethodContext } from "./pipeline/method.js";
import { createTransport, sleep, type TransportDeps } from "./pipeline/transport.js";
import { ClassBookingError } from "../core/errors.js";
import {
  callSettings,
  checkApiKey,
  checkHeaderValue,
  checkInteger,
  checkNames,
  fail,
  headerRecord,
  observerOf,
  rateLimitGate,
  resolveBaseUrl,
  tracingOf,
} from "./resolve.js";
import { DEFAULTS, OPTION_NAMES, type ClassBookingClientOptions } from "./options.js";
import { paginate, type Slice } from "./paginate.js";
import type { ClassBookingClient } from "./types.js";
import { PACKAGE_NAME, VERSION } from "../core/version.js";

type Loose = Record<string, unknown>;

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
    [api.keyHeader]: apiKey,
  };
  const defaults: CallSettings = {
    headers,
    timeoutMs: checkInteger("timeoutMs", given.timeoutMs) ?? DEFAULTS.timeoutMs,
    maxRetries: checkInteger("maxRetries", given.maxRetries) ?? DEFAULTS.maxRetries,
    signal: undefined,
  };
  const observer = observerOf(given, runtime.now);
  const gate = rateLimitGate(given.rateLimit, { ...runtime, scope: () => scopeOf(baseUrl, apiKey) }, observer);
  const send = createTransport({ fetch, ...runtime, gate, observer, honoursSignal: given.fetch === undefined });
  const context: MethodContext = {
    baseUrl,
    defaults,
    jsonHeaders: { ...headers, "content-type": "application/json" },
    settings: (operationId, callOptions) => callSettings(operationId, callOptions, defaults),
    send,
    validate,
    observer,
    tracing: tracingOf(given.tracing),
  };

  const client: Loose = {};
  const pagers: Loose = {};
  const withResponse: Loose = {};
  for (const [operationId, row] of rows) {
    const method = methodFor(operationId, row, context);
    const call = (input?: unknown, callOptions?: unknown) => method(input, callOptions, false);
    client[operationId] = call;
    withResponse[operationId] = (input?: unknown, callOptions?: unknown) => method(input, callOptions, true);
    if (row.sliced) {
      pagers[operationId] = (input?: Loose, callOptions?: unknown) =>
        paginate(operationId, (offset) => call(offset === undefined ? input : { ...input, offset }, callOptions) as Promise<Slice<unknown>>, input);
    }
  }
  client.paginate = pagers;
  client.withResponse = withResponse;

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
