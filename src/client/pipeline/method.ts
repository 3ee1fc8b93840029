/**
 * One named method, in the order a call goes: its options and input checked, the request sent
 * (transport.ts: rate limit, attempts, retries), the answer read as the spec promises it, checked
 * by the response validator, inside a span, and reported to the observer when it fails.
 */
import { ApiError, ClassBookingError, redactHeaders } from "../../core/errors.js";
import type { ResponseValidator } from "../../core/contract.js";
import type { OperationRow } from "../../core/spec.js";
import { inputPreparer } from "./input.js";
import type { Tracing } from "../../core/tracing.js";
import type { Observer } from "./events.js";
import { retryClassOf } from "./retry.js";
import type { Answer, Call } from "./transport.js";

/** What a call takes from the client's settings and its own call options. */
export type CallSettings = Pick<Call, "headers" | "timeoutMs" | "maxRetries" | "signal">;

/** What every method of a client shares. */
export interface MethodContext {
  baseUrl: string;
  /** The client's settings, for calls without options of their own. */
  defaults: CallSettings;
  /** The client's headers with the JSON content type, for calls with a body and no headers of their own. */
  jsonHeaders: Record<string, string>;
  settings: (operationId: string, options: unknown) => CallSettings;
  send: (call: Call) => Promise<Answer>;
  validate: ResponseValidator | undefined;
  observer: Observer | undefined;
  tracing: Tracing | undefined;
}

/** A successful call: the body as the spec promises it, and the answer it came in. */
export interface Success {
  data: unknown;
  response: Response;
}

const JSON_BODY = { "content-type": "application/json" };

/** Makes the method of one operation; with `whole`, it resolves to the body and its answer, else to the body. */
export function methodFor(operationId: string, row: OperationRow, ctx: MethodContext): (input: unknown, options: unknown, whole: boolean) => Promise<unknown> {
  const { method } = row;
  const retry = retryClassOf(method, row.idempotent);
  const prepare = inputPreparer(operationId, row);
  const { observer, tracing } = ctx;

  return async (input, options, whole) => {
    const settled = ctx.settings(operationId, options);
    const { path, body } = prepare(input);
    const url = ctx.baseUrl + path;
    const headers = body === undefined ? settled.headers : settled === ctx.defaults ? ctx.jsonHeaders : { ...settled.headers, ...JSON_BODY };
    const { timeoutMs, maxRetries, signal } = settled;
    const call: Call = { operationId, method, url, headers, body, retry, timeoutMs, maxRetries, signal };
    let status: number | undefined;
    const run = async (): Promise<unknown> => {
      const answer = await ctx.send(call);
      const data = outcome(call, row, answer);
      status = answer.response.status;
      if (ctx.validate) check(ctx.validate, operationId, status, data);
      return whole ? ({ data, response: answer.response } satisfies Success) : data;
    };
    if (!observer && !tracing) return run();
    const span = tracing?.start({ operationId, method, urlTemplate: row.path, url });
    const retries = () => Math.max((call.attempts ?? 1) - 1, 0);
    try {
      const result = await (span ? span.run(run) : run());
      span?.end({ status, retries: retries() });
      return result;
    } catch (error) {
      observer?.error(call, error);
      span?.end({ status: error instanceof ApiError ? error.status : undefined, error, retries: retries() });
      throw error;
    }
  };
}

/** The 2xx body as the spec promises it, or an ApiError for any other status. */
function outcome({ operationId, method, url, headers }: Call, row: OperationRow, { response, text }: Answer): unknown {
  const { status } = response;
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    if (response.ok && row.json) throw new ClassBookingError(`${operationId}: the ${status} answer is not valid JSON`, { operationId, cause: error });
    body = text;
  }
  if (!response.ok) {
    throw new ApiError({ operationId, method, url, status, statusText: response.statusText, body, responseHeaders: response.headers, requestHeaders: redactHeaders(headers) });
  }
  if (!row.json) return undefined;
  if (body === undefined) throw new ClassBookingError(`${operationId}: the ${status} answer has no body, but the spec promises JSON`, { operationId });
  return body;
}

/** Runs the response validator; whatever it throws reaches the caller as a ClassBookingError. */
function check(validate: ResponseValidator, operationId: string, status: number, body: unknown): void {
  try {
    validate({ operationId, status, body });
  } catch (error) {
    if (error instanceof ClassBookingError) throw error;
    throw new ClassBookingError(`${operationId}: validateResponses refused the ${status} answer: ${(error as Error)?.message ?? error}`, { operationId, cause: error });
  }
}
