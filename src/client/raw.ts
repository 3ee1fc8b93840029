/**
 * client.raw: openapi-fetch's own client on the client's transport. It is loaded on the first
 * raw call (create.ts imports this module lazily), so apps that never use raw never load it. It
 * imports no code of this package, only types: what it shares with the client comes with the
 * call (`Shared`), so a bundler keeps the client in one chunk and this one apart.
 */
import createClientExport, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import type { ClassBookingError } from "../core/errors.js";
import type { matchesTemplate, operationAt } from "../core/spec.js";
import type { retryClassOf } from "./pipeline/retry.js";
import type { Answer, Call, CallSettings } from "./pipeline/types.js";

/** The code raw calls share with the named methods, handed over by create.ts. */
export interface Shared {
  keyHeader: string;
  operationAt: typeof operationAt;
  matchesTemplate: typeof matchesTemplate;
  retryClassOf: typeof retryClassOf;
  ClassBookingError: typeof ClassBookingError;
}

// openapi-fetch has only a default export. Through CommonJS interop (our CJS build) the default
// import is the whole module and the function sits one level deeper.
const createClient: typeof createClientExport =
  (createClientExport as unknown as { default?: typeof createClientExport }).default ?? createClientExport;

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

/** Builds the raw client around the client's base URL, headers (the key included) and transport. */
export function rawClient(client: {
  baseUrl: string;
  headers: Record<string, string>;
  defaults: CallSettings;
  send: (call: Call) => Promise<Answer>;
  shared: Shared;
}): Client<paths> {
  const { baseUrl, headers, defaults, send, shared } = client;
  const { keyHeader, operationAt, matchesTemplate, retryClassOf, ClassBookingError } = shared;
  async function rawFetch(request: RawRequest): Promise<Response> {
    const { response, text } = await send(request.init.call!);
    const empty = [101, 204, 205, 304].includes(response.status);
    return new Response(empty ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
  const raw = createClient<paths>({
    baseUrl,
    headers,
    fetch: rawFetch as unknown as typeof globalThis.fetch,
    Request: RawRequest as unknown as typeof Request,
    redirect: "manual",
  });
  // A middleware finds the operation behind each call, so raw calls are checked, retried and
  // timed out exactly like the named methods, and nothing but the spec's URLs leaves.
  raw.use({
    onRequest({ request, schemaPath, options: used }) {
      const found = operationAt(request.method, schemaPath);
      const refuse = (why: string): never => {
        throw new ClassBookingError(`client.raw: refused ${request.method} ${schemaPath}: ${why}`, {
          operationId: found?.[0],
        });
      };
      if (!found) return refuse("not an operation of the spec");
      const [operationId, row] = found;
      const { url, init } = request as unknown as RawRequest;
      if (!url.startsWith(`${baseUrl}/`) || (used.fetch as unknown) !== rawFetch)
        refuse("raw calls go only through the client's own fetch to its baseUrl");
      const path = url.slice(baseUrl.length);
      if (!matchesTemplate(row.path, path.split(/[?#]/)[0]!))
        refuse(`the path ${path} does not match ${row.path}`);
      const sent: Record<string, string> = {};
      (init.headers as Headers).forEach((value, name) => (sent[name] = value));
      if (sent[keyHeader] !== headers[keyHeader])
        refuse("X-API-KEY may not be set per call; pass the key as apiKey");
      const { timeoutMs, maxRetries } = defaults;
      const retry = retryClassOf(row.method, row.idempotent);
      const { method } = row;
      const body = init.body ?? undefined;
      init.call = {
        operationId,
        method,
        url,
        headers: sent,
        body,
        retry,
        timeoutMs,
        maxRetries,
        signal: init.signal ?? undefined,
        attempts: 0,
      };
    },
  });
  // openapi-fetch's own failures (a header fetch refuses, a 2xx that is not JSON) join the error family.
  const methods = raw as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(methods).filter((key) => key != "use" && key != "eject")) {
    const method = methods[name]!;
    methods[name] = (...args: unknown[]) =>
      method(...args).catch((error: unknown) => {
        const signal = (args[name == "request" ? 2 : 1] as RequestInit | undefined)?.signal;
        if (error instanceof ClassBookingError || (signal?.aborted && error === signal.reason)) throw error;
        throw new ClassBookingError(`client.raw: ${(error as Error)?.message ?? error}`, { cause: error });
      });
  }
  return raw;
}
