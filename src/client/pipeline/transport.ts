/**
 * How one call goes over the wire: the gate before each attempt, the attempts (each bounded by
 * `timeoutMs` from sending until the body is read), the decision to retry (retry.ts), and the
 * waits between attempts. It counts the attempts on the call: the only write to a call.
 */
import { api } from "../../core/spec.js";
import { ConnectionError, TimeoutError } from "../../core/errors.js";
import { isRetryable, parseRetryAfter, retryDelayMs } from "./retry.js";
import type { Answer, Call, Emit, Gate, Runtime } from "./types.js";

/** Everything the transport needs besides the call. */
export interface TransportParts extends Runtime {
  fetch: typeof globalThis.fetch;
  /**
   * The rate limit: admits each attempt, hears when its answer arrives, and is closed by a 429.
   * Undefined: no client-side limit.
   */
  gate: Gate | undefined;
  emit: Emit;
  /** The fetch is the platform's, which ends a request and its body when its signal aborts. */
  honoursSignal: boolean;
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
/** Ends an attempt: aborts its fetch and, for a fetch that may ignore that, stops waiting on it. */
const stop = (
  controller: AbortController,
  reason: unknown,
  quit: ((reason: unknown) => void) | undefined,
) => {
  controller.abort(reason);
  quit?.(reason);
};

/** How one attempt ended: an answer (body read, or `text` undefined when it will be retried) or a failure. */
type Attempt =
  | { response: Response; text?: string }
  | { failure: "timeout" | "connection"; error: unknown; brokeOff: boolean };

/**
 * Sends one attempt; `place` is the rate-limit place it holds, which ends once its answer arrives
 * or the attempt ends.
 */
async function attempt(
  parts: TransportParts,
  call: Call,
  mayRetry: boolean,
  place: string | undefined,
): Promise<Attempt> {
  const { fetch, emit, gate } = parts;
  const caller = call.signal;
  const controller = new AbortController();
  const { signal } = controller;
  // A fetch of the user's may ignore its signal: then the attempt also waits on this, which
  // rejects the moment the attempt is stopped (timeout or caller), so no fetch can hold a call
  // past its bounds. The platform's fetch ends its request and its body on abort by itself.
  let quit: ((reason: unknown) => void) | undefined;
  const stopped = parts.honoursSignal ? undefined : new Promise<never>((_, reject) => (quit = reject));
  stopped?.catch(ignore);
  const timer = setTimeout(stop, call.timeoutMs, controller, TIMED_OUT, quit);
  const forward = caller && (() => stop(controller, caller.reason, quit));
  if (forward) caller.addEventListener("abort", forward);
  let response: Response | undefined;
  try {
    call.attempts++;
    emit.sent?.(call);
    const init = {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal,
      redirect: "manual" as const,
    };
    const got = await (stopped ? Promise.race([fetch(call.url, init), stopped]) : fetch(call.url, init));
    // The answer arrived, so the API has counted this request: its place ends now.
    if (place !== undefined) gate!.release(call, place);
    place = undefined;
    if (typeof got?.status !== "number" || typeof got.text !== "function")
      throw new TypeError("fetch resolved to something that is not a Response");
    response = got;
    if (!response.ok && mayRetry && isRetryable(call.retry, response)) {
      // Free the connection; the body of an answer that is retried is never read.
      response.body?.cancel().catch(ignore);
      emit.answered?.(call, response.status, undefined);
      return { response };
    }
    const text = await (stopped ? Promise.race([response.text(), stopped]) : response.text());
    emit.answered?.(call, response.status, text);
    return { response, text };
  } catch (error) {
    if (caller?.aborted) throw caller.reason;
    // An error status whose body broke off is still that status: the server decided.
    if (response && !response.ok) {
      emit.answered?.(call, response.status, undefined);
      return { response, text: "" };
    }
    return { failure: signal.reason === TIMED_OUT ? "timeout" : "connection", error, brokeOff: !!response };
  } finally {
    // No answer (a timeout, a failure, an abort): the attempt ends here, and so does its place.
    if (place !== undefined) gate!.release(call, place);
    clearTimeout(timer);
    if (forward) caller.removeEventListener("abort", forward);
  }
}

/** Makes the function that runs a call's attempts until an answer, or throws a ClassBookingError. */
export function createTransport(parts: TransportParts): (call: Call) => Promise<Answer> {
  const { gate, emit } = parts;
  return async function send(call) {
    const { signal } = call;
    for (let retry = 0; ; retry++) {
      signal?.throwIfAborted();
      let place = gate?.admit(call);
      if (typeof place == "object") place = await place;
      const mayRetry = retry < call.maxRetries;
      const outcome = await attempt(parts, call, mayRetry, place);
      if ("response" in outcome) {
        const { response } = outcome;
        // A 429 closes the operation; the next attempt (this call's or another's) waits at the gate.
        if (response.status === 429 && gate) {
          const ms = await gate.close(
            call,
            parseRetryAfter(response.headers.get("retry-after"), parts.now()),
          );
          emit.closed?.(call, ms);
          if (outcome.text === undefined) continue;
        }
        if (outcome.text !== undefined) return outcome as Answer;
      } else if (!mayRetry || !isRetryable(call.retry, outcome.failure)) {
        const { operationId, method, url } = call;
        throw outcome.failure === "timeout"
          ? new TimeoutError(operationId, method, url, call.timeoutMs)
          : new ConnectionError(operationId, method, url, outcome.error, {
              brokeOff: outcome.brokeOff,
              secret: call.headers[api.keyHeader],
            });
      }
      const retryAfter = "response" in outcome ? outcome.response.headers.get("retry-after") : undefined;
      const delay = retryDelayMs(retry, retryAfter, parts.now(), parts.random);
      if (emit.retrying) {
        const reason =
          "response" in outcome
            ? `status ${outcome.response.status}`
            : outcome.failure === "timeout"
              ? "a timeout"
              : "a connection failure";
        emit.retrying(call, reason, delay);
      }
      await parts.sleep(delay, signal);
    }
  };
}
