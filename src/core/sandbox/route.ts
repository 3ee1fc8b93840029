/**
 * From a request to an operation: the request target (never the Host header) gives the path and
 * query, the generated table gives the operation, its path parameters and the methods a path
 * allows, and the spec's requestBody gives the media types a body may be sent as.
 */
import { requestBodies } from "../../../generated/contract.js";
import { show } from "../rules.js";
import { findOperation, rows, type Found } from "../spec.js";

/** Every method some operation uses, and HEAD (which any path answers). */
export const SERVER_METHODS = [...new Set([...rows.map(([, row]) => row.method), "HEAD"])];

/**
 * Where a request goes: a path and its query, the server as a whole ("*"), or a target that names
 * nothing.
 */
export type Target = { path: string; query: URLSearchParams } | { server: true } | { problem: string };

const shown = (text: string) => show(text, 60);

/**
 * Reads a request target: origin-form ("/v1/classes?x=1"), absolute-form ("http://host/v1/..."),
 * or "*" (OPTIONS) and authority-form ("host:443", CONNECT), which name the server as a whole.
 */
export function readTarget(target: string, method: string): Target {
  if (target === "*" && method === "OPTIONS") return { server: true };
  if (method === "CONNECT" && /^[^/?#]+:\d+$/.test(target)) return { server: true };
  let url: URL | undefined;
  try {
    // An origin-form target goes after a fixed origin, so that "//host/..." stays a path.
    if (target.startsWith("/")) url = new URL(`http://sandbox.invalid${target}`);
    else if (/^https?:\/\//i.test(target)) url = new URL(target);
  } catch {
    // not a URL: refused below
  }
  if (!url)
    return {
      problem: `The request target ${shown(target)} is not a path (such as /v1/classes) or an http(s) URL.`,
    };
  return { path: url.pathname, query: url.searchParams };
}

/**
 * The operation behind a method and path (literal segments win), and the methods the path allows,
 * HEAD among them.
 */
export function route(method: string, path: string): Found {
  const routed = findOperation(method, path);
  if (routed.allowed.length) routed.allowed.push("HEAD");
  return routed;
}

/** A path value with its percent-encoding undone; undefined when the encoding is broken. */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The media type a Content-Type names (type/subtype, in lower case), without its parameters; "" for none. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Why a body of this Content-Type cannot be read by the operation (undefined when it can): the
 * media type (type/subtype, in any case) must be one of the spec's for its requestBody;
 * parameters such as `charset=utf-8` are allowed and not looked at.
 */
export function refusedMediaType(operationId: string, contentType: string | undefined): string | undefined {
  const allowed = requestBodies[operationId]?.mediaTypes;
  if (!allowed) return undefined;
  const essence = mediaTypeOf(contentType);
  if (allowed.some((type) => type.toLowerCase() === essence)) return undefined;
  const got =
    contentType === undefined || essence === "" ? "no Content-Type" : `Content-Type ${shown(contentType)}`;
  return `The request body of ${operationId} must be sent as ${allowed.join(" or ")} (Content-Type); the request has ${got}.`;
}
