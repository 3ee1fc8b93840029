/** createClassBookingClient: options in, one method per row of the generated operation table out. */
import createClientExport from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { operations } from "../generated/operations.js";
import { inputPreparer, matchesTemplate, type Row } from "./call/input.js";
import { retryClassOf } from "./call/retry.js";
import { createTransport, sleep, type Answer, type Call, type TransportDeps } from "./call/transport.js";
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
  resolveBaseUrl,
  type CallOptions,
  type ClassBookingClientOptions,
  type Complain,
} from "./options.js";
import { paginate, type Slice } from "./paginate.js";
import type { ClassBookingClient } from "./types.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

type Loose = Record<string, unknown>;
const rows = Object.entries(operations) as Array<[string, Row]>;

// openapi-fetch has only a default export. Through CommonJS interop (our CJS build) the default
// import is the whole module and the function sits one level deeper. (A default import, not a
// namespace one, so bundlers can drop the parts of openapi-fetch we do not use.)
const createClient: typeof createClientExport =
  (createClientExport as unknown as { default?: typeof createClientExport }).default ?? createClientExport;

/** Clock, randomness and sleep: real ones by default, fixed ones in tests. */
export type Runtime = Pick<TransportDeps, "sleep" | "now" | "random">;

/** Creates a client for the class-booking API. Throws a ClassBookingError naming the option when one is invalid. */
export function createClassBookingClient(options: ClassBookingClientOptions): ClassBookingClient {
  return buildClient(options, { sleep, now: Date.now, random: Math.random });
}

/** What a named method works out from its call options. */
type CallSettings = Pick<Call, "headers" | "timeoutMs" | "maxRetries" | "signal">;

/** createClassBookingClient with an injectable runtime; not part of the public entry. */
export function buildClient(options: ClassBookingClientOptions, runtime: Runtime): ClassBookingClient {
  // Anything that is not an options object fails below as a missing baseUrl.
  const given: ClassBookingClientOptions = options !== null && typeof options == "object" ? options : ({} as ClassBookingClientOptions);
  checkNames(given, OPTION_NAMES, "option", (message) => {
    throw new ClassBookingError(`createClassBookingClient: ${message}`);
  });
  const baseUrl = resolveBaseUrl(given);
  const apiKey = checkApiKey(given.apiKey);
  const fetch = given.fetch ?? globalThis.fetch;
  if (typeof fetch != "function") fail("fetch", given.fetch === undefined ? "is required where there is no global fetch" : "must be a function");
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
  const send = createTransport({ fetch, ...runtime });

  /** Checks one call's options; every problem is named with the operation. */
  function settings(operationId: string, options: CallOptions | undefined): CallSettings {
    if (options === undefined) return defaults;
    const complain: Complain = (option, problem) => {
      throw new ClassBookingError(`${operationId}: call option "${option}" ${problem}`, { operationId });
    };
    if (options === null || typeof options != "object") throw new ClassBookingError(`${operationId}: the call options must be an object`, { operationId });
    checkNames(options, CALL_OPTION_NAMES, "call option", (message) => {
      throw new ClassBookingError(`${operationId}: ${message}`, { operationId });
    });
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
      const callHeaders = body === undefined ? settled.headers : { ...settled.headers, "content-type": "application/json" };
      const answer = await send({ ...settled, operationId, method, url, headers: callHeaders, body, retry });
      return outcome(operationId, method, url, row, answer, callHeaders);
    };
    client[operationId] = call;
    if (row.sliced) {
      pagers[operationId] = (input?: Loose, options?: CallOptions) =>
        paginate(operationId, (offset) => call(offset === undefined ? input : { ...input, offset }, options) as Promise<Slice<unknown>>, input);
    }
  }
  client.paginate = pagers;

  // client.raw: openapi-fetch on the same transport. A middleware finds the operation behind each
  // call, so raw calls are checked, retried and timed out exactly like the named methods.
  const raw = createClient<paths>({
    baseUrl,
    headers,
    fetch: rawFetch as unknown as typeof globalThis.fetch,
    Request: RawRequest as unknown as typeof Request,
    redirect: "manual",
  });
  raw.use({
    onRequest({ request, schemaPath, options: used }) {
      const found = rows.find(([, row]) => row.method == request.method && row.path == schemaPath);
      const refuse = (why: string) => {
        throw new ClassBookingError(`client.raw: refused ${request.method} ${schemaPath}: ${why}`, { operationId: found?.[0] });
      };
      if (!found) return refuse("not an operation of the spec");
      const [operationId, row] = found;
      const { url, init } = request as unknown as RawRequest;
      if (!url.startsWith(`${baseUrl}/`) || (used.fetch as unknown) !== rawFetch) return refuse("raw calls go only through the client's own fetch to its baseUrl");
      if (!matchesTemplate(row.path, url.slice(baseUrl.length).split(/[?#]/)[0]!)) {
        return refuse(`the path ${url.slice(baseUrl.length)} does not match ${row.path}`);
      }
      const sent: Record<string, string> = {};
      (init.headers as Headers).forEach((value, name) => (sent[name] = value));
      if (sent["x-api-key"] !== apiKey) refuse("X-API-KEY may not be set per call; pass the key as apiKey");
      init.call = { ...defaults, signal: init.signal ?? undefined, operationId, method: row.method, url, headers: sent, body: init.body ?? undefined, retry: retryClassOf(row.method, row.idempotent) };
    },
  });
  async function rawFetch(request: RawRequest): Promise<Response> {
    const { response, text } = await send(request.init.call!);
    const empty = [101, 204, 205, 304].includes(response.status);
    return new Response(empty ? null : text, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  // openapi-fetch's own failures (a header fetch refuses, a 2xx that is not JSON) join the error family.
  for (const name of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const) {
    const method = raw[name] as (...args: unknown[]) => Promise<unknown>;
    (raw as unknown as Loose)[name] = (...args: unknown[]) =>
      method(...args).catch((error: unknown) => {
        const signal = (args[name == "request" ? 2 : 1] as RequestInit | undefined)?.signal;
        if (error instanceof ClassBookingError || (signal?.aborted && error === signal.reason)) throw error;
        throw new ClassBookingError(`client.raw: ${(error as Error)?.message ?? error}`, { cause: error });
      });
  }
  client.raw = raw;
  return client as ClassBookingClient;
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

/**
 * Stands in for `Request` inside openapi-fetch. openapi-fetch only builds the request and hands
 * it to our fetch; keeping the URL and init as they are means no Request object and no body
 * stream is made here, and every attempt can send the same (string) body again.
 */
class RawRequest {
  readonly method: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit & { call?: Call },
  ) {
    this.method = init.method ?? "GET";
  }
}
