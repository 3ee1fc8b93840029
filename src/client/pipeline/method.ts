/**
 * One named method, in the order a call goes: its options and input checked, the request sent
 * (transport.ts: rate limit, attempts, retries), the answer read as the spec promises it and
 * checked by the response validator. When something listens to the call's start or failure
 * (a span, onError, debug logs) the call runs inside that; otherwise nothing is in its way.
 */
import { ApiError, ClassBookingError, redactHeaders } from "../../core/errors.js";
import type { ResponseValidator } from "../../core/contract.js";
import type { OperationRow } from "../../core/spec.js";
import { resolveCallOptions } from "../resolve.js";
import { inputPreparer } from "./input.js";
import { retryClassOf } from "./retry.js";
import type { Answer, Call, CallSettings, Emit } from "./types.js";

/** What every method of a client shares. */
export interface MethodParts {
  baseUrl: string;
  /** The client's settings, for calls without options of their own. */
  defaults: CallSettings;
  /** The client's headers with the JSON content type, for calls with a body and no headers of their own. */
  jsonHeaders: Record<string, string>;
  send: (call: Call) => Promise<Answer>;
  validate: ResponseValidator | undefined;
  emit: Emit;
}

/** A method's result: the body as the spec promises it, or (`whole`) the body with the answer it came in. */
export type Method = (input: unknown, options: unknown, whole: boolean) => Promise<unknown>;

const JSON_BODY = { "content-type": "application/json" };

/** Makes the method of one operation. */
export function methodFor(operationId: string, row: OperationRow, parts: MethodParts): Method {
  const { method } = row;
  const retry = retryClassOf(method, row.idempotent);
  const prepare = inputPreparer(operationId, row);
  const { defaults, send, validate, emit } = parts;
  const watched = emit.started !== undefined || emit.failed !== undefined;

  /** Sends the call and reads its answer; `answered` hears the status of a success. */
  async function settle(call: Call, whole: boolean, answered?: (status: number) => void): Promise<unknown> {
    const answer = await send(call);
    const data = bodyOf(call, row, answer);
    const { status } = answer.response;
    answered?.(status);
    if (validate) validated(validate, operationId, status, data);
    return whole ? { data, response: answer.response } : data;
  }

  /** The call inside its span, with its failure told to the listeners. */
  async function watch(call: Call, whole: boolean): Promise<unknown> {
    const span = emit.started?.(call, row.path);
    let status: number | undefined;
    const retries = () => Math.max(call.attempts - 1, 0);
    try {
      const run = () => settle(call, whole, (answered) => (status = answered));
      const result = await (span ? span.run(run) : run());
      span?.end({ status, retries: retries() });
      return result;
    } catch (error) {
      emit.failed?.(call, error);
      // An error answer's status, or that of an answer refused after it was read (validateResponses).
      span?.end({ status: error instanceof ApiError ? error.status : status, error, retries: retries() });
      throw error;
    }
  }

  return (input, options, whole) => {
    let call: Call;
    try {
      const settings = resolveCallOptions(operationId, options, defaults);
      const { path, body } = prepare(input);
      const headers =
        body === undefined
          ? settings.headers
          : settings === defaults
            ? parts.jsonHeaders
            : { ...settings.headers, ...JSON_BODY };
      const { timeoutMs, maxRetries, signal } = settings;
      call = {
        operationId,
        method,
        url: parts.baseUrl + path,
        headers,
        body,
        retry,
        timeoutMs,
        maxRetries,
        signal,
        attempts: 0,
      };
    } catch (error) {
      // Bad options or input: refused before anything is sent, and before anything is told.
      return Promise.reject(error);
    }
    return watched ? watch(call, whole) : settle(call, whole);
  };
}

/** The 2xx body as the spec promises it, or an ApiError for any other status. */
function bodyOf(
  { operationId, method, url, headers }: Call,
  row: OperationRow,
  { response, text }: Answer,
): unknown {
  const { status } = response;
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    if (response.ok && row.json)
      throw new ClassBookingError(`${operationId}: the ${status} answer is not valid JSON`, {
        operationId,
        cause: error,
      });
    body = text;
  }
  if (!response.ok) {
    const { statusText, headers: responseHeaders } = response;
    throw new ApiError({
      operationId,
      method,
      url,
      status,
      statusText,
      body,
      responseHeaders,
      requestHeaders: redactHeaders(headers),
    });
  }
  if (!row.json) return undefined;
  if (body === undefined)
    throw new ClassBookingError(
      `${operationId}: the ${status} answer has no body, but the spec promises JSON`,
      { operationId },
    );
  return body;
}

/** Runs the response validator; whatever it throws reaches the caller as a ClassBookingError. */
function validated(validate: ResponseValidator, operationId: string, status: number, body: unknown): void {
  try {
    validate({ operationId, status, body });
  } catch (error) {
    if (error instanceof ClassBookingError) throw error;
    const why = (error as Error)?.message ?? error;
    throw new ClassBookingError(`${operationId}: validateResponses refused the ${status} answer: ${why}`, {
      operationId,
      cause: error,
    });
  }
}
