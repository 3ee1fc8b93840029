/** createClassBookingClient: openapi-fetch plus auth, named methods from the operation table, and typed errors. */
import createClientExport from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { operations } from "../generated/operations.js";
import { ApiError, ClassBookingError, redactHeaders } from "./errors.js";
import { checkApiKey, checkInteger, DEFAULTS, fail, resolveBaseUrl } from "./options.js";
import type { CallOptions, ClassBookingClientOptions } from "./options.js";
import { paginate, type Slice } from "./paginate.js";
import { retryClassOf, type RetryClass } from "./retry.js";
import { CALL, createTransport, PendingRequest, sleep, type CallContext, type TransportDeps } from "./transport.js";
import type { ClassBookingClient } from "./types.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

/** A row of the operation table; every key a row may have, optional. */
type Row = { method: string; path: string; query?: readonly string[]; body?: readonly string[]; required?: readonly string[]; idempotent?: boolean; sliced?: boolean };
type Loose = Record<string, unknown>;
const rows = Object.entries(operations) as Array<[string, Row]>;
type Result = { data?: unknown; error?: unknown; response: Response };

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

/** createClassBookingClient with an injectable runtime; not part of the public entry. */
export function buildClient(options: ClassBookingClientOptions, runtime: Runtime): ClassBookingClient {
  // Anything that is not an options object fails below as a missing baseUrl.
  const given: ClassBookingClientOptions = Object(options);
  const baseUrl = resolveBaseUrl(given);
  const apiKey = checkApiKey(given.apiKey);
  const timeoutMs = checkInteger("timeoutMs", given.timeoutMs, 1) ?? DEFAULTS.timeoutMs;
  const maxRetries = checkInteger("maxRetries", given.maxRetries, 0) ?? DEFAULTS.maxRetries;
  const fetch = given.fetch ?? globalThis.fetch;
  if (typeof fetch != "function") fail("fetch", "is required where there is no global fetch");
  if (hasKeyHeader(given.headers)) fail("headers", KEY_HEADER);
  const agent = `${PACKAGE_NAME}/${VERSION}${given.userAgent ? ` ${given.userAgent}` : ""}`;
  // openapi-fetch merges these into a Headers object in order, so a later name wins whatever its case.
  const headers = {
    accept: "application/json",
    "x-client": agent,
    // Browsers own the User-Agent header; everywhere else it names this package.
    ...(typeof document == "undefined" && { "user-agent": agent }),
    ...(given.acceptLanguage && { "accept-language": given.acceptLanguage }),
    ...given.headers,
    "x-api-key": apiKey,
  };
  const transport = createTransport({ fetch, ...runtime });
  const open = () =>
    createClient<paths>({
      baseUrl,
      headers,
      fetch: transport as unknown as typeof fetch,
      Request: PendingRequest as unknown as typeof Request,
      redirect: "manual",
    });
  const send = open().request as unknown as (method: string, path: string, init: Loose) => Promise<Result>;

  function context(operationId: string | undefined, retry: RetryClass, call?: CallOptions): CallContext {
    return {
      operationId,
      retry,
      timeoutMs: checkInteger("timeoutMs", call?.timeoutMs, 1) ?? timeoutMs,
      maxRetries: checkInteger("maxRetries", call?.maxRetries, 0) ?? maxRetries,
    };
  }

  const client: Loose = {};
  const pagers: Loose = {};
  for (const [operationId, row] of rows) {
    const { method, path } = row;
    const retry = retryClassOf(method, row.idempotent);
    const split = inputSplitter(operationId, row);
    const call = async (input?: Loose, options?: CallOptions) => {
      if (hasKeyHeader(options?.headers)) throw new ClassBookingError(`${operationId}: call option "headers" ${KEY_HEADER}`);
      const ctx = context(operationId, retry, options);
      const { params, body } = split(input ?? {});
      let result: Result;
      try {
        result = await send(method, path, { params, body, headers: options?.headers, signal: options?.signal, [CALL]: ctx });
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        throw new ClassBookingError(`${operationId}: the 2xx answer is not valid JSON`, { operationId, cause: error });
      }
      const { response } = result;
      if (response.ok) return result.data;
      throw new ApiError({
        operationId,
        method,
        url: ctx.url!,
        status: response.status,
        statusText: response.statusText,
        body: result.error,
        responseHeaders: response.headers,
        requestHeaders: redactHeaders(ctx.headers),
      });
    };
    client[operationId] = call;
    if (row.sliced) {
      pagers[operationId] = (input: Loose = {}, options?: CallOptions) =>
        paginate(operationId, (offset) => call({ ...input, offset }, options) as Promise<Slice<unknown>>, input.offset as string);
    }
  }
  client.paginate = pagers;
  // client.raw: a second openapi-fetch client on the same transport. A middleware finds the
  // operation behind each call, so raw calls retry and time out exactly like the named methods.
  const raw = open();
  raw.use({
    onRequest({ request, schemaPath }) {
      const init = (request as unknown as PendingRequest).init;
      const found = rows.find(([, row]) => row.method == request.method && row.path == schemaPath);
      init[CALL] = context(found?.[0], retryClassOf(request.method, found?.[1].idempotent));
    },
  });
  client.raw = raw;
  return client as ClassBookingClient;
}

/** The key travels only through `apiKey`; a second copy in a header would be ambiguous. */
const KEY_HEADER = "must not set X-API-KEY; pass the key as apiKey";

function hasKeyHeader(headers: Record<string, string> | undefined): boolean {
  for (const name in headers) if (/^x-api-key$/i.test(name)) return true;
  return false;
}

/** Makes the function that sorts an operation's flat input into openapi-fetch's params and body, refusing unknown or missing names. */
function inputSplitter(operationId: string, row: Row) {
  // Path parameters are the {names} in the path, and always required.
  const pathNames: string[] = row.path.match(/[^{}]+(?=})/g) ?? [];
  const required = [...pathNames, ...(row.required ?? [])];
  const problem = (what: string, name: string) =>
    new ClassBookingError(`${operationId}: ${what} input "${name}"`, { operationId });
  return (input: Loose): { params: { path: Loose; query: Loose }; body?: Loose } => {
    const path: Loose = {};
    const query: Loose = {};
    const body: Loose | undefined = row.body && {};
    for (const name in input) {
      const value = input[name];
      if (value === undefined) continue;
      if (pathNames.includes(name)) path[name] = value;
      else if (row.query?.includes(name)) query[name] = value;
      else if (body && row.body!.includes(name)) body[name] = value;
      else throw problem("unknown", name);
    }
    for (const name of required) if (input[name] == null) throw problem("missing required", name);
    return { params: { path, query }, body };
  };
}
