/**
 * What hooks, logs and spans show of a call while personal data is withheld (`logBodies` off):
 * its URL with every query value and every path value the spec marks `x-personal-data` (a
 * customer's or a booking's id) replaced by `***`, and its failure without the API's
 * errorMessage, which may name a customer. The request itself is never changed.
 */
import { withheldMessage } from "../../core/errors.js";
import type { OperationRow } from "../../core/spec.js";

const MASK = "***";

/**
 * The URL of a call of the operation `row`, masked. The path template's segments are the URL
 * path's last ones (whatever path the base URL has before them); each query value is masked
 * whatever its name, so a query value the spec adds later cannot slip through.
 */
export function maskUrl(url: string, row: OperationRow): string {
  const q = url.indexOf("?");
  const parts = (q < 0 ? url : url.slice(0, q)).split("/");
  const template = row.path.split("/");
  const offset = parts.length - template.length;
  template.forEach((part, i) => {
    if (part[0] === "{" && row.inputs[part.slice(1, -1)]?.personal) parts[offset + i] = MASK;
  });
  const path = parts.join("/");
  return q < 0 ? path : `${path}?${url.slice(q + 1).replace(/=[^&]*/g, `=${MASK}`)}`;
}

/**
 * A failure as logs and spans tell it while personal data is withheld: an ApiError without the
 * API's errorMessage (its status, errorCode and traceId stay), and the call's URL, wherever a
 * message repeats it, masked (`shown`).
 */
export function withheldFailure(error: unknown, url: string, shown: string): string {
  const text = withheldMessage(error) ?? (error instanceof Error ? error.message : String(error));
  return text.replaceAll(url, shown);
}

/** A failure as logs and spans tell it when personal data may show: the error's own message. */
export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
