/** createClassBookingClient: openapi-fetch plus auth, named methods from the operation table, and typed errors. */
import createClientExport from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { operations } from "../generated/operations.js";
import { ApiError, ClassBookingError, redactHeaders } from "./errors.js";
import { checkApiKey, checkInteger, DEFAULTS, resolveBaseUrl } from "./options.js";
import type { CallOptions, ClassBookingClientOptions } from "./options.js";
import { paginate, type Slice } from "./paginate.js";
import { retryClassOf, type RetryClass } from "./retry.js";
import { CALL, createTransport, PendingRequest, sleep, type CallContext, type TransportDeps } from "./transport.js";
import type { ClassBookingClient, RawClient } from "./types.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

type Row = (typeof operations)[keyof typeof operations];

// openapi-fetch has only a default export. Through CommonJS interop (our CJS build) the default
// import is the whole module and the function sits one level deeper. (A default import, not a
// namespace one, so bundlers can drop the parts of openapi-fetch we do not use.)
const createClient: typeof createClientExport =
  typeof createClientExport === "function"
    ? createClientExport
    : (createClientExport as unknown as { default: typeof createClientExport }).default;
type Loose = Record<string, unknown>;
type Result = { data?: unknown; error?: unknown; response: Response };
type Send = (method: string, path: string, init: Loose) => Promise<Result>;

const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** Clock, randomness and sleep: real ones by default, fixed ones in tests. */
export type Runtime = Pick<TransportDeps, "sleep" | "now" | "random">;

/** Creates a client for the class-booking API. Throws a ClassBookingError naming the option when one is invalid. */
export function createClassBookingClient(options: ClassBookingClientOptions): ClassBookingClient {
  return buildClient(options, { sleep, now: Date.now, random: Math.random });
}

/** createClassBookingClient with an injectable runtime; not part of the public entry. */
export function buildClient(options: ClassBookingClientOptions, runtime: Runtime): ClassBookingClient {
  if (typeof options !== "object" || options === null) {
    throw new ClassBookingError("createClassBookingClient: options must be an object with baseUrl (or tenant) and apiKey");
  }
  const baseUrl = resolveBaseUrl(options);
  const apiKey = checkApiKey(options.apiKey);
  const timeoutMs = checkInteger("timeoutMs", options.timeoutMs, 1) ?? DEFAULTS.timeoutMs;
  const maxRetries = checkInteger("maxRetries", options.maxRetries, 0) ?? DEFAULTS.maxRetries;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw new ClassBookingError('createClassBookingClient: no global fetch here; pass option "fetch"');
  }
  const headers = defaultHeaders(options, apiKey);
  const transport = createTransport({ fetch: fetchImpl, timeoutMs, maxRetries, ...runtime });
  const inner = createClient<paths>({
    baseUrl,
    headers,
    fetch: transport as unknown as typeof fetch,
    Request: PendingRequest as unknown as typeof Request,
    redirect: "manual",
  });
  const send = inner.request as unknown as Send;

  function context(operationId: string | undefined, retry: RetryClass, call?: CallOptions): CallContext {
    return {
      operationId,
      retry,
      timeoutMs: checkInteger("timeoutMs", call?.timeoutMs, 1) ?? timeoutMs,
      maxRetries: checkInteger("maxRetries", call?.maxRetries, 0) ?? maxRetries,
    };
  }

  async function invoke(operationId: string, row: Row, retry: RetryClass, input: Loose | undefined, call?: CallOptions) {
    const init = splitInput(operationId, row, input ?? {});
    if (call?.headers) refuseKeyHeader(call.headers, `${operationId}: call option "headers"`);
    const ctx = context(operationId, retry, call);
    let result: Result;
    try {
      result = await send(row.method, row.path, { ...init, headers: call?.headers, signal: call?.signal, [CALL]: ctx });
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new ClassBookingError(`${operationId}: the 2xx answer is not valid JSON`, { operationId, cause: error });
    }
    const { response } = result;
    if (response.ok) return result.data;
    throw new ApiError({
      operationId,
      method: row.method,
      url: ctx.url ?? baseUrl + row.path,
      status: response.status,
      statusText: response.statusText,
      body: result.error,
      responseHeaders: response.headers,
      requestHeaders: redactHeaders(ctx.headers),
    });
  }

  const client: Loose = {};
  const pagers: Loose = {};
  for (const [operationId, row] of Object.entries(operations) as Array<[string, Row]>) {
    const retry = retryClassOf(row.method, row.idempotent);
    const method = (input?: Loose, call?: CallOptions) => invoke(operationId, row, retry, input, call);
    client[operationId] = method;
    if (row.sliced) {
      pagers[operationId] = (input: Loose = {}, call?: CallOptions) =>
        paginate(
          operationId,
          (offset) => method({ ...input, offset }, call) as Promise<Slice<unknown>>,
          input.offset as string | undefined,
        );
    }
  }
  client.paginate = pagers;
  client.raw = rawClient(send, (method, path) => {
    const found = routes.get(`${method} ${path}`);
    return context(found?.[0], retryClassOf(method, found?.[1].idempotent));
  });
  return client as unknown as ClassBookingClient;
}

/** Operation rows by "METHOD /path", for raw calls. */
const routes = new Map(
  (Object.entries(operations) as Array<[string, Row]>).map(([id, row]) => [`${row.method} ${row.path}`, [id, row] as const]),
);

function rawClient(send: Send, context: (method: string, path: string) => CallContext): RawClient {
  const call = (method: string, path: string, init?: Loose) =>
    send(method, path, { ...init, [CALL]: context(method.toUpperCase(), path) });
  const raw: Loose = { request: call };
  for (const method of RAW_METHODS) raw[method] = (path: string, init?: Loose) => call(method, path, init);
  return raw as unknown as RawClient;
}

function defaultHeaders(options: ClassBookingClientOptions, apiKey: string): Record<string, string> {
  const agent = `${PACKAGE_NAME}/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ""}`;
  const headers: Record<string, string> = { accept: "application/json", "x-client": agent };
  // Browsers own the User-Agent header; everywhere else it names this package.
  if (typeof document === "undefined") headers["user-agent"] = agent;
  if (options.acceptLanguage) headers["accept-language"] = options.acceptLanguage;
  if (options.headers) refuseKeyHeader(options.headers, 'createClassBookingClient: option "headers"');
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  headers["x-api-key"] = apiKey;
  return headers;
}

/** The key travels only through `apiKey`; a second copy in a header would be ambiguous. */
function refuseKeyHeader(headers: Record<string, string>, where: string): void {
  for (const name in headers) {
    if (name.toLowerCase() === "x-api-key") throw new ClassBookingError(`${where} must not set X-API-KEY; pass the key as apiKey`);
  }
}

/** Sorts a flat input into openapi-fetch's params and body, refusing unknown or missing names. */
function splitInput(operationId: string, row: Row, input: Loose): { params: { path: Loose; query: Loose }; body?: Loose } {
  const path: Loose = {};
  const query: Loose = {};
  const body: Loose | undefined = row.bodyFields ? {} : undefined;
  for (const name in input) {
    const value = input[name];
    if (value === undefined) continue;
    if ((row.pathParams as readonly string[]).includes(name)) path[name] = value;
    else if ((row.queryParams as readonly string[]).includes(name)) query[name] = value;
    else if (body && (row.bodyFields as readonly string[]).includes(name)) body[name] = value;
    else throw new ClassBookingError(`${operationId}: unknown input "${name}"`, { operationId });
  }
  for (const name of row.required as readonly string[]) {
    if (input[name] == null) throw new ClassBookingError(`${operationId}: missing required input "${name}"`, { operationId });
  }
  return body ? { params: { path, query }, body } : { params: { path, query } };
}
