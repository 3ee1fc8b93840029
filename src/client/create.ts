/**
 * createClassBookingClient: the options resolved (resolve.ts), then wired: the request headers,
 * the listeners (events.ts), the rate-limit gate, the transport, one method per row of the
 * operation table, paginate, withResponse and raw. Nothing here checks an option.
 */
import { api, matchesTemplate, operationAt, rows } from "../core/spec.js";
import { ClassBookingError } from "../core/errors.js";
import { createMemoryStore } from "../core/rate-limit.js";
import { PACKAGE_NAME, VERSION } from "../core/version.js";
import { listen } from "./pipeline/events.js";
import { createGate, scopeOf } from "./pipeline/gate.js";
import { methodFor, type MethodParts } from "./pipeline/method.js";
import { retryClassOf } from "./pipeline/retry.js";
import { createTransport, sleep } from "./pipeline/transport.js";
import type { Runtime } from "./pipeline/types.js";
import type { ClassBookingClientOptions, EnvironmentClientOptions } from "./options.js";
import { resolveOptions } from "./resolve.js";
import { paginate, type Slice } from "./paginate.js";
import type { Shared } from "./raw.js";
import type { ClassBookingClient } from "./types.js";

type Loose = Record<string, unknown>;

/**
 * Creates a client for the class-booking API. Throws a ClassBookingError naming the option when one
 * is invalid.
 */
export function createClassBookingClient(options: ClassBookingClientOptions): ClassBookingClient;
/**
 * Creates a client whose key and host come from the environment (Node, Bun, Deno with
 * --allow-env): CLASS_BOOKING_API_KEY with CLASS_BOOKING_BASE_URL or CLASS_BOOKING_TENANT. Only
 * when the options give none of apiKey, baseUrl and tenant; never in a browser. Throws a
 * ClassBookingError naming the variable that is missing or invalid.
 */
export function createClassBookingClient(options?: EnvironmentClientOptions): ClassBookingClient;
export function createClassBookingClient(options?: ClassBookingClientOptions | EnvironmentClientOptions) {
  return buildClient(options, { sleep, now: Date.now, random: Math.random });
}

/** createClassBookingClient with an injectable runtime; not part of the public entry. */
export function buildClient(
  options: ClassBookingClientOptions | EnvironmentClientOptions | undefined,
  runtime: Runtime,
): ClassBookingClient {
  const { baseUrl, apiKey, userAgent, acceptLanguage, rateLimit, timeoutMs, maxRetries, ...resolved } =
    resolveOptions(options);
  const agent = `${PACKAGE_NAME}/${VERSION}${userAgent ? ` ${userAgent}` : ""}`;
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-client": agent,
    // Browsers own the User-Agent header; everywhere else it names this package.
    ...(typeof document == "undefined" && { "user-agent": agent }),
    ...(acceptLanguage && { "accept-language": acceptLanguage }),
    ...resolved.headers,
    [api.keyHeader]: apiKey,
  };
  const emit = listen(resolved, runtime.now);
  // The rate limit's gate, with a store in this client's memory unless one is given; the
  // client's own store needs no scope, a store the caller gives may be shared between keys.
  const store = rateLimit && rateLimit.store;
  const gate = rateLimit
    ? createGate(
        { ...rateLimit, store: store || createMemoryStore(runtime.now) },
        { ...runtime, emit, scope: store ? () => scopeOf(baseUrl, apiKey) : () => "" },
      )
    : undefined;
  // Without a fetch of its own, the client looks the global one up on every call, so tools that
  // replace it later (Mock Service Worker, instrumentation) are seen. The platform's fetch,
  // given or not, ends its request and its body when its signal aborts.
  const given = resolved.fetch;
  const fetch: typeof globalThis.fetch = given ?? ((input, init) => globalThis.fetch(input, init));
  const honoursSignal = given === undefined || given === globalThis.fetch;
  const send = createTransport({ ...runtime, fetch, gate, emit, honoursSignal });
  const defaults = { headers, timeoutMs, maxRetries, signal: undefined };
  const jsonHeaders = { ...headers, "content-type": "application/json" };
  const validate = resolved.validateResponses;
  const parts: MethodParts = { baseUrl, defaults, jsonHeaders, send, validate, emit };

  const client: Loose = {};
  const pagers: Loose = {};
  const withResponse: Loose = {};
  for (const [operationId, row] of rows) {
    const perform = methodFor(operationId, row, parts);
    const method = (input?: unknown, callOptions?: unknown) => perform(input, callOptions, false);
    client[operationId] = method;
    withResponse[operationId] = (input?: unknown, callOptions?: unknown) => perform(input, callOptions, true);
    if (row.sliced) {
      pagers[operationId] = (input?: Loose, callOptions?: unknown) => {
        const slice = (offset?: string) =>
          method(offset === undefined ? input : { ...input, offset }, callOptions);
        return paginate(operationId, slice as (offset?: string) => Promise<Slice<unknown>>, input);
      };
    }
  }
  client.paginate = pagers;
  client.withResponse = withResponse;

  // client.raw: openapi-fetch on the same transport, loaded (with its wiring) on the first raw
  // call, so an app that never uses it does not ship it. raw.ts is handed the code it shares
  // with the client instead of importing it: a bundler then keeps the client in one chunk (a
  // chunk shared with the lazy one cost the one-call bundle about 500 bytes gzip).
  let loaded: Promise<Loose> | undefined;
  const shared: Shared = {
    keyHeader: api.keyHeader,
    operationAt,
    matchesTemplate,
    retryClassOf,
    ClassBookingError,
  };
  const load = () =>
    (loaded ??= import("./raw.js").then(
      ({ rawClient }) => rawClient({ baseUrl, headers, defaults, send, shared }) as unknown as Loose,
      (error: unknown) =>
        Promise.reject(
          new ClassBookingError(
            `client.raw: openapi-fetch could not be loaded: ${(error as Error)?.message}`,
            { cause: error },
          ),
        ),
    ));
  const raw: Loose = {};
  for (const name of RAW_METHODS)
    raw[name] = async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => unknown)(...args);
  client.raw = raw;
  return client as ClassBookingClient;
}

/** The request methods of openapi-fetch's client that client.raw offers. */
const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;
