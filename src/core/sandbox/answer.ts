/**
 * The sandbox's own request and answer: what the sandbox reads of a request (method, target,
 * headers, body) and what it answers (status, headers, body), so that fetch, node:http and MSW
 * each bring theirs without building a WHATWG Request for every call (node:http cannot build one
 * for TRACE or CONNECT at all).
 */
import { answerMediaType } from "../../../generated/contract.js";

/** A request as the sandbox reads it. */
export interface Incoming {
  /** The method as sent (upper case for the methods HTTP defines). */
  method: string;
  /** The request target: "/v1/classes?x=1", "http://host/v1/...", "*", or "host:443". */
  target: string;
  /** A header's value (names in lower case), or undefined. */
  header(name: string): string | undefined;
  /** The body as text (UTF-8); "" when there is none. */
  text(): Promise<string>;
}

/** An answer: its status, headers (lower-case names) and body. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}

export const REASONS: Record<number, string> = {
  200: "OK",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  501: "Not Implemented",
};

/** An answer with a JSON body (none when `body` is undefined). */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return body === undefined
    ? { status, headers, body: undefined }
    : { status, headers: { "content-type": answerMediaType, ...headers }, body: JSON.stringify(body) };
}

/** The body of every error answer: the spec's ErrorResponse. */
interface ErrorBody {
  errorMessage: string;
  errorCode: string;
  traceId?: string;
  reference?: string;
}

/** What the sandbox answers for a request body that is not JSON. */
export const NOT_JSON = "The request body is not valid JSON.";

/** A request's body read as JSON, or undefined when it is not JSON. */
export async function jsonBody(incoming: Incoming): Promise<{ json: unknown } | undefined> {
  try {
    return { json: JSON.parse(await incoming.text()) };
  } catch {
    return undefined;
  }
}

/** A WHATWG Request as the sandbox reads it. */
export function fromRequest(request: Request): Incoming {
  return {
    method: request.method,
    target: request.url,
    header: (name) => request.headers.get(name) ?? undefined,
    text: () => request.text(),
  };
}

/** An answer as a WHATWG Response. */
export function toResponse(answer: Answer): Response {
  return new Response(answer.body ?? null, {
    status: answer.status,
    statusText: REASONS[answer.status] ?? "",
    headers: answer.headers,
  });
}
