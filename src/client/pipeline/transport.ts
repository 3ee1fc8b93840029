/**
 * How one call goes over the wire: the attempts (each bounded by `timeoutMs` from sending until
 * the body is read), the decision to retry (retry.ts), and the waits between attempts.
 */
import { api } from "../../../generated/operations.js";
import { ConnectionError, TimeoutError } from "../../core/errors.js";
import type { Gate } from "./limit.js";
import type { Observer, Progress } from "./events.js";
import { isRetryable, parseRetryAfter, retryDelayMs, type RetryClass } from "./retry.js";

/** Everything the transport needs to make one call. */
export interface Call {
  operationId: string;
  method: string;
  url: string;
  /** The request's headers, the key included; never shown anywhere without redaction. */
  headers: Record<string, string>;
  body: BodyInit | undefined;
  retry: RetryClass;
  timeoutMs: number;
  maxRetries: number;
  /** The caller's own signal: an abort rejects at once with its reason and is never retried. */
  signal: AbortSignal | undefined;
  /** How many attempts were sent so far (the transport counts them). */
  attempts?: number;
  /** The id of the rate-limit place the current attempt holds, until its answer arrives. */
  held?: string | undefined;
  /** What the observer notes on the call, when there is one. */
  progress?: Progress;
}

/** The final answer of a call: its response and the whole body as text. */
export interface Answer {
  response: Response;
  text: string;
}

export interface TransportDeps {
  fetch: typeof globalThis.fetch;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  random: () => number;
  /** The rate limit: admits each attempt, hears when its answer arrives, and is closed by a 429. Undefined: no client-side limit. */
  gate?: Gate | undefined;
  /** Hooks and logs. Undefined: nobody listens. */
  observer?: Observer | undefined;
  /** The fetch is the platform's, which ends a request and its body when its signal aborts. */
  honoursSignal?: boolean;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const ignore = () => {};

const TIMED_OUT = Symbol("timed out");
const abort = (controller: AbortController, reason: unknown) => controller.abort(reason);

/** How one attempt ended: an answer (body read, or `text` undefined when it will be retried) or a failure. */
type Attempt = { response: Response; text?: string } | { failure: "timeout" | "connection"; error: unknown; brokeOff: boolean };

async function attempt(deps: TransportDeps, call: Call, mayRetry: boolean): Promise<Attempt> {
  const { fetch, observer, gate } = deps;
  const caller = call.signal;
  const controller = new AbortController();
  const { signal } = controller;
  // A fetch of the user's may ignore its signal: then the attempt also waits on this, which
  // rejects the moment the attempt is aborted (timeout or caller), so no fetch can hold a call
  // past its bounds. The platform's fetch ends its request and its body on abort by itself.
  const stopped = deps.honoursSignal ? undefined : new Promise<never>((_, reject) => (signal.onabort = () => reject(signal.reason)));
  stopped?.catch(ignore);
  const timer = setTimeout(abort, call.timeoutMs, controller, TIMED_OUT);
  const forward = caller && (() => controller.abort(caller.reason));
  if (forward) caller.addEventListener("abort", forward);
  let response: Response | undefined;
  try {
    call.attempts = (call.attempts ?? 0) + 1;
    observer?.request(call);
    const init = { method: call.method, headers: call.headers, body: call.body, signal, redirect: "manual" as const };
    const got = await (stopped ? Promise.race([fetch(call.url, init), stopped]) : fetch(call.url, init));
    // The answer arrived, so the API has counted this request: its place ends now.
    gate?.release(call);
    if (typeof got?.status !== "number" || typeof got.text !== "function") throw new TypeError("fetch resolved to something that is not a Response");
    response = got;
    if (!response.ok && mayRetry && isRetryable(call.retry, response)) {
      // Free the connection; the body of an answer that is retried is never read.
      response.body?.cancel().catch(ignore);
      observer?.response(call, response.status, undefined);
      return { response };
    }
    const text = await (stopped ? Promise.race([response.text(), stopped]) : response.text());
    observer?.response(call, response.status, text);
    return { response, text };
  } catch (error) {
    if (caller?.aborted) throw caller.reason;
    // An error status whose body broke off is still that status: the server decided.
    if (response && !response.ok) {
      observer?.response(call, response.status, undefined);
      return { response, text: "" };
    }
    return { failure: signal.reason === TIMED_OUT ? "timeout" : "connection", error, brokeOff: !!response };
  } finally {
    // No answer (a timeout, a failure, an abort): the attempt ends here, and so does its place.
    gate?.release(call);
    clearTimeout(timer);
    if (forward) caller.removeEventListener("abort", forward);
  }
}

/** Makes the function that runs a call's attempts until an answer, or throws a ClassBookingError. */
export function createTransport(deps: TransportDeps): (call: Call) => Promise<Answer> {
  return async function send(call) {
    const { signal } = call;
    const { gate, observer } = deps;
    for (let retry = 0; ; retry++) {
      signal?.throwIfAborted();
      const admitted = gate?.admit(call);
      if (admitted) await admitted;
      const mayRetry = retry < call.maxRetries;
      const outcome = await attempt(deps, call, mayRetry);
      if ("response" in outcome) {
        const { response } = outcome;
        // A 429 closes the operation; the next attempt (this call's or another's) waits at the gate.
        if (response.status === 429 && gate) {
          const ms = await gate.close(call, parseRetryAfter(response.headers.get("retry-after"), deps.now()));
          observer?.closed(call, ms);
          if (outcome.text === undefined) continue;
        }
        if (outcome.text !== undefined) return outcome as Answer;
      } else if (!mayRetry || !isRetryable(call.retry, outcome.failure)) {
        const { operationId, method, url } = call;
        throw outcome.failure === "timeout"
          ? new TimeoutError(operationId, method, url, call.timeoutMs)
          : new ConnectionError(operationId, method, url, outcome.error, { brokeOff: outcome.brokeOff, secret: call.headers[api.keyHeader] });
      }
      const retryAfter = "response" in outcome ? outcome.response.headers.get("retry-after") : undefined;
      const delay = retryDelayMs(retry, retryAfter, deps.now(), deps.random);
      observer?.retry(call, "response" in outcome ? `status ${outcome.response.status}` : outcome.failure === "timeout" ? "a timeout" : "a connection failure", delay);
      await deps.sleep(delay, signal);
    }
  };
}
