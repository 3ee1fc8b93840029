/**
 * The error family: ClassBookingError, the base of the errors the client and the other entries
 * throw (so that one `instanceof` catches them), and the client's own: ApiError (an answer outside
 * 2xx, typed by the spec's error body), TimeoutError, RateLimitError and ConnectionError. Headers
 * kept on an error have their secrets replaced by `***`.
 */
import { api, type OperationId } from "../../generated/operations.js";
import type { components } from "../../generated/schema.js";
import type { AnswerBody } from "./shapes.js";

type ErrorResponse = components["schemas"]["ErrorResponse"];
type DeclaredBody<S> = { [K in OperationId]: AnswerBody<K, S> }[OperationId];

/** The error body the spec declares for status S (ErrorResponse for every error status today). */
export type ErrorBody<S extends number> = number extends S
  ? ErrorResponse
  : [DeclaredBody<S>] extends [never]
    ? ErrorResponse
    : DeclaredBody<S>;

/** The base class of every error this package throws. */
export class ClassBookingError extends Error {
  // Names are written out: a minifying bundler renames classes, so `constructor.name` would not do.
  override name = "ClassBookingError";
  /** The operation that failed, when the error belongs to one. */
  declare readonly operationId: string | undefined;

  /** `options.cause` becomes the standard `cause`; leave it out when there is none. */
  constructor(message: string, options?: { operationId?: string | undefined; cause?: unknown }) {
    super(message, options);
    this.operationId = options?.operationId;
  }
}

/** Headers as kept on an error: the API key, credentials and cookies are replaced by `***`. */
export type RedactedHeaders = Record<string, string>;

const SECRET_HEADERS = new Set([
  api.keyHeader,
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
]);

/** Copies headers into a plain object with every secret value replaced by `***`. */
export function redactHeaders(headers: HeadersInit | undefined): RedactedHeaders {
  const out: RedactedHeaders = {};
  new Headers(headers).forEach((value, name) => (out[name] = SECRET_HEADERS.has(name) ? "***" : value));
  return out;
}

export interface ApiErrorInit {
  operationId: string;
  method: string;
  url: string;
  status: number;
  statusText: string;
  /** What openapi-fetch parsed from the error body: JSON, text, or undefined. */
  body: unknown;
  responseHeaders: Headers;
  requestHeaders: RedactedHeaders;
}

/** Each ApiError's message without the API's errorMessage and a redirect's target (see withheldMessage). */
const withheld = new WeakMap<object, string>();

/**
 * An error's message as logs and spans show it while personal data is withheld: for an ApiError,
 * the status, errorCode and traceId without the API's errorMessage (which may name a customer)
 * and without a redirect's Location; for any other error, undefined (its message holds nothing
 * of the answer's body).
 */
export function withheldMessage(error: unknown): string | undefined {
  return typeof error == "object" && error !== null ? withheld.get(error) : undefined;
}

/** The server answered with a status outside 2xx (including a redirect, which is never followed). */
export class ApiError<Status extends number = number> extends ClassBookingError {
  override name = "ApiError";
  declare readonly operationId: string;
  declare readonly status: Status;
  /** The parsed ErrorResponse, or undefined when the body was empty, HTML or another shape. */
  declare readonly body: ErrorBody<Status> | undefined;
  declare readonly errorCode: string | undefined;
  declare readonly errorMessage: string | undefined;
  declare readonly traceId: string | undefined;
  declare readonly method: string;
  declare readonly url: string;
  /** The Location header of a redirect answer (3xx), which the client does not follow. */
  declare readonly location: string | undefined;
  /** The answer's headers, as a plain object (Set-Cookie replaced by `***`: errors end up in logs). */
  declare readonly headers: Record<string, string>;
  /** The headers that were sent, with the API key replaced by `***`. */
  declare readonly requestHeaders: RedactedHeaders;

  constructor(init: ApiErrorInit) {
    const { operationId, status, responseHeaders } = init;
    // Only a body with a string errorMessage counts as the spec's ErrorResponse.
    const body =
      typeof (init.body as ErrorResponse | null)?.errorMessage === "string"
        ? (init.body as ErrorResponse)
        : undefined;
    const location = responseHeaders.get("location") ?? undefined;
    const said = body ? `: ${body.errorMessage}` : location ? `: redirect to ${location}` : "";
    const ids = [
      body?.errorCode && `errorCode ${body.errorCode}`,
      body?.traceId && `traceId ${body.traceId}`,
    ].filter(Boolean);
    const head = `${operationId}: ${status} ${init.statusText || "HTTP error"}`;
    const tail = ids.length ? ` (${ids.join(", ")})` : "";
    super(`${head}${said}${tail}`);
    const hidden = body ? ": [errorMessage withheld]" : location ? ": [redirect target withheld]" : "";
    withheld.set(this, `${head}${hidden}${tail}`);
    Object.assign(this, {
      operationId,
      status,
      body,
      errorCode: body?.errorCode,
      errorMessage: body?.errorMessage,
      traceId: body?.traceId,
      method: init.method,
      url: init.url,
      location,
      headers: redactHeaders(responseHeaders),
      requestHeaders: init.requestHeaders,
    });
  }
}

/**
 * An attempt got no complete answer (headers and body) within `timeoutMs`, and no retry was left or
 * allowed.
 */
export class TimeoutError extends ClassBookingError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(operationId: string, method: string, url: string, timeoutMs: number) {
    super(`${operationId}: no answer from ${method} ${url} within ${timeoutMs} ms`, { operationId });
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The client's rate limit had no room for the call within the time it may wait (its operation's
 * budget is spent, or a 429 closed the operation). Nothing was sent for this attempt.
 */
export class RateLimitError extends ClassBookingError {
  override name = "RateLimitError";
  declare readonly operationId: string;
  /** When the operation is expected to have room again (on this process's clock). */
  readonly retryAt: Date;

  constructor(operationId: string, retryAt: Date, waitMs: number, mayWaitMs: number) {
    super(
      `${operationId}: rate limited: no room for this operation until ${retryAt.toISOString()} (${waitMs} ms), longer than it may wait (${mayWaitMs} ms); not sent`,
      { operationId },
    );
    this.retryAt = retryAt;
  }
}

/**
 * The request got no (complete) answer: refused, reset, DNS failure, a body cut off. `cause` holds
 * the runtime's error.
 */
export class ConnectionError extends ClassBookingError {
  override name = "ConnectionError";

  /**
   * `brokeOff`: the answer's headers came, then the connection failed while the body was read.
   * `secret`: text that must not show (the API key); it is cut out of the message and the cause.
   */
  constructor(
    operationId: string,
    method: string,
    url: string,
    cause: unknown,
    how: { brokeOff?: boolean; secret?: string } = {},
  ) {
    // Runtimes put the useful part (ECONNREFUSED, ECONNRESET) on the error's own cause.
    const inner = (cause as Error | undefined)?.cause as { code?: unknown; message?: unknown } | undefined;
    const detail = inner?.code ?? inner?.message;
    const said = `${(cause as Error)?.message ?? cause}${detail ? ` (${detail})` : ""}`;
    const clean = how.secret && said.includes(how.secret) ? said.replaceAll(how.secret, "***") : said;
    const what = how.brokeOff
      ? `the answer from ${method} ${url} broke off`
      : `could not reach ${method} ${url}`;
    super(`${operationId}: ${what}: ${clean}`, {
      operationId,
      cause: clean === said ? cause : new Error(clean),
    });
  }
}

/**
 * Whether `error` is an ApiError, optionally with the given status. With a status, the error is
 * narrowed so that `error.status` is that literal and `error.body` the spec's body for it.
 */
export function isApiError<S extends number = number>(error: unknown, status?: S): error is ApiError<S> {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
