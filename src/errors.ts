import type { components, operations } from "../generated/schema.js";

type ErrorResponse = components["schemas"]["ErrorResponse"];
type JsonAt<Responses, S> = S extends keyof Responses
  ? Responses[S] extends { content: { "application/json": infer B } }
    ? B
    : never
  : never;
type DeclaredBody<S> = { [K in keyof operations]: JsonAt<operations[K]["responses"], S> }[keyof operations];

/** The error body the spec declares for status S (ErrorResponse for every error status today). */
export type ErrorBody<S extends number> = number extends S
  ? ErrorResponse
  : [DeclaredBody<S>] extends [never]
    ? ErrorResponse
    : DeclaredBody<S>;

/** The base class of every error this package throws. */
export class ClassBookingError extends Error {
  /** The operation that failed, when the error belongs to one. */
  readonly operationId: string | undefined;

  constructor(message: string, options?: { operationId?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.operationId = options?.operationId;
  }
}

/** Request headers as kept on an error: the API key is replaced by `***`. */
export type RedactedHeaders = Record<string, string>;

const SECRET_HEADERS = new Set(["x-api-key", "authorization", "cookie", "proxy-authorization"]);

/** Copies headers into a plain object with every secret value replaced by `***`. */
export function redactHeaders(headers: HeadersInit | undefined): RedactedHeaders {
  const out: RedactedHeaders = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name) ? "***" : value;
  });
  return out;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  return typeof body === "object" && body !== null && typeof (body as ErrorResponse).errorMessage === "string";
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

/** The server answered with a status outside 2xx (including a redirect, which is never followed). */
export class ApiError<Status extends number = number> extends ClassBookingError {
  override readonly operationId: string;
  readonly status: Status;
  /** The parsed ErrorResponse, or undefined when the body was empty, HTML or another shape. */
  readonly body: ErrorBody<Status> | undefined;
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
  readonly traceId: string | undefined;
  readonly method: string;
  readonly url: string;
  /** The Location header of a redirect answer (3xx), which the client does not follow. */
  readonly location: string | undefined;
  /** The answer's headers, as a plain object. */
  readonly headers: Record<string, string>;
  /** The headers that were sent, with the API key replaced by `***`. */
  readonly requestHeaders: RedactedHeaders;

  constructor(init: ApiErrorInit) {
    const body = isErrorResponse(init.body) ? init.body : undefined;
    const location = init.responseHeaders.get("location") ?? undefined;
    const reason = [init.statusText || "HTTP error", body?.errorMessage ?? (location && `redirect to ${location}`)]
      .filter(Boolean)
      .join(": ");
    const ids = [body?.errorCode && `errorCode ${body.errorCode}`, body?.traceId && `traceId ${body.traceId}`]
      .filter(Boolean)
      .join(", ");
    super(`${init.operationId}: ${init.status} ${reason}${ids ? ` (${ids})` : ""}`, { operationId: init.operationId });
    this.operationId = init.operationId;
    this.status = init.status as Status;
    this.body = body as ErrorBody<Status> | undefined;
    this.errorCode = body?.errorCode;
    this.errorMessage = body?.errorMessage;
    this.traceId = body?.traceId;
    this.method = init.method;
    this.url = init.url;
    this.location = location;
    const headers: Record<string, string> = {};
    init.responseHeaders.forEach((value, name) => (headers[name] = value));
    this.headers = headers;
    this.requestHeaders = init.requestHeaders;
  }
}

/** One attempt ran longer than `timeoutMs` (and no retry was left or allowed). */
export class TimeoutError extends ClassBookingError {
  readonly timeoutMs: number;

  constructor(operationId: string | undefined, method: string, url: string, timeoutMs: number) {
    super(`${operationId ?? method}: no answer from ${method} ${url} within ${timeoutMs} ms`, { operationId });
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got an answer: refused, reset, DNS failure. `cause` holds the runtime's error. */
export class ConnectionError extends ClassBookingError {
  constructor(operationId: string | undefined, method: string, url: string, cause: unknown) {
    const detail = cause instanceof Error ? describe(cause) : String(cause);
    super(`${operationId ?? method}: could not reach ${method} ${url}: ${detail}`, { operationId, cause });
  }
}

function describe(error: Error): string {
  const inner = error.cause instanceof Error ? error.cause : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code;
  return inner ? `${error.message} (${typeof code === "string" ? code : inner.message})` : error.message;
}

/**
 * Whether `error` is an ApiError, optionally with the given status. With a status, the error is
 * narrowed so that `error.status` is that literal and `error.body` the spec's body for it.
 */
export function isApiError<S extends number = number>(error: unknown, status?: S): error is ApiError<S> {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
