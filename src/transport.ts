/**
 * How one call goes over the wire: a fetch function handed to openapi-fetch that runs the
 * attempts (a timeout each), decides on retries with retry.ts and waits between them.
 */
import { ConnectionError, TimeoutError } from "./errors.js";
import { isRetryable, retryDelayMs, type Failure, type RetryClass } from "./retry.js";

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
  return async function send(req: PendingRequest, ext?: RequestInit): Promise<Response> {
    const { init, method, url } = req;
    // Both openapi-fetch clients the client makes attach a context to every call.
    const call = init[CALL]!;
    call.url = url;
    call.headers = init.headers;
    const caller = init.signal;
    for (let retry = 0; ; retry++) {
      caller?.throwIfAborted();
      // One attempt: its own timer, and the caller's signal forwarded to it.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(TIMED_OUT), call.timeoutMs);
      const forward = () => controller.abort(caller!.reason);
      caller?.addEventListener("abort", forward);
      let response: Response | undefined;
      let failure: Failure;
      let error: unknown;
      try {
        response = await deps.fetch(url, { ...init, ...ext, signal: controller.signal });
        failure = response;
      } catch (thrown) {
        if (caller?.aborted) throw caller.reason;
        failure = controller.signal.reason === TIMED_OUT ? "timeout" : "connection";
        error = thrown;
      } finally {
        clearTimeout(timer);
        caller?.removeEventListener("abort", forward);
      }
      const last = retry >= call.maxRetries || !isRetryable(call.retry, failure);
      if (response?.ok || (response && last)) return response;
      if (last) {
        throw failure == "timeout"
          ? new TimeoutError(call.operationId, method, url, call.timeoutMs)
          : new ConnectionError(call.operationId, method, url, error);
      }
      // Free the connection; the body of an answer we retry is never read.
      await response?.body?.cancel().catch(() => {});
      await deps.sleep(retryDelayMs(retry, response?.headers.get("retry-after"), deps.now(), deps.random), caller ?? undefined);
    }
  };
}
