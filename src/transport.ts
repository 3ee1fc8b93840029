/**
 * How one call goes over the wire: a fetch function handed to openapi-fetch that runs the
 * attempts (a timeout each), decides on retries with retry.ts and waits between them.
 */
import { ConnectionError, TimeoutError } from "./errors.js";
import { isRetryable, retryClassOf, retryDelayMs, type Failure, type RetryClass } from "./retry.js";

/** Per-call settings, handed from the client to the transport inside the request init. */
export interface CallContext {
  operationId: string | undefined;
  retry: RetryClass;
  timeoutMs: number;
  maxRetries: number;
  /** Filled in by the transport: what was sent, for error reports. */
  url?: string;
  headers?: HeadersInit;
}

/** The init key under which a CallContext travels through openapi-fetch. */
export const CALL: unique symbol = Symbol("classBookingCall");

export type CallInit = RequestInit & { [CALL]?: CallContext };

/**
 * Stands in for `Request` inside openapi-fetch. openapi-fetch only builds the request and hands
 * it to our fetch; keeping the URL and init as they are means no Request object and no body
 * stream is made here, and every attempt can send the same (string) body again.
 */
export class PendingRequest {
  readonly method: string;
  constructor(
    readonly url: string,
    readonly init: CallInit,
  ) {
    this.method = init.method ?? "GET";
  }
}

export interface TransportDeps {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxRetries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  random: () => number;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const TIMED_OUT = Symbol("timed out");

export function createTransport(deps: TransportDeps) {
  /** One attempt: resolves with the answer, or with why there was none. */
  async function attempt(req: PendingRequest, call: CallContext, ext: RequestInit | undefined) {
    const caller = req.init.signal ?? undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), call.timeoutMs);
    const forward = () => controller.abort(caller?.reason);
    caller?.addEventListener("abort", forward, { once: true });
    try {
      return { response: await deps.fetch(req.url, { ...req.init, ...ext, signal: controller.signal }) };
    } catch (error) {
      if (caller?.aborted) throw caller.reason;
      return controller.signal.reason === TIMED_OUT ? { failure: "timeout" as const } : { failure: "connection" as const, error };
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", forward);
    }
  }

  return async function send(req: PendingRequest, ext?: RequestInit): Promise<Response> {
    const call: CallContext = req.init[CALL] ?? {
      operationId: undefined,
      retry: retryClassOf(req.method),
      timeoutMs: deps.timeoutMs,
      maxRetries: deps.maxRetries,
    };
    call.url = req.url;
    call.headers = req.init.headers;
    const caller = req.init.signal ?? undefined;
    for (let retry = 0; ; retry++) {
      caller?.throwIfAborted();
      const outcome = await attempt(req, call, ext);
      const { response } = outcome;
      const failure: Failure = response ? { status: response.status } : outcome.failure;
      const last = retry >= call.maxRetries || !isRetryable(call.retry, failure);
      if (response) {
        if (response.ok || last) return response;
        // Free the connection; the body of an answer we retry is never read.
        await response.body?.cancel().catch(() => undefined);
      } else if (last) {
        if (failure === "timeout") throw new TimeoutError(call.operationId, req.method, req.url, call.timeoutMs);
        throw new ConnectionError(call.operationId, req.method, req.url, outcome.error);
      }
      const retryAfter = response?.headers.get("retry-after");
      await deps.sleep(retryDelayMs(retry, retryAfter, deps.now(), deps.random), caller);
    }
  };
}
