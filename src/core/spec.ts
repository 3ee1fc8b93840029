/**
 * The one reader of the generated operation table: every operation with its row, the facts that
 * hold for all of them, and how a method and a path find their operation. The client, client.raw
 * and the sandbox all read the table through here.
 */
import { api, apiRoot, operations, type OperationId } from "../../generated/operations.js";
import type { OperationRow } from "./shapes.js";

export { api, apiRoot };
export type { OperationId };
export type { InputRule, OperationRow } from "./shapes.js";

/**
 * Every operation of the spec with its row, in the spec's order (pure: a bundle that only needs
 * `api` leaves the table out).
 */
export const rows: ReadonlyArray<readonly [OperationId, OperationRow]> = /* @__PURE__ */ (
  Object.keys(operations) as OperationId[]
).map((id) => [id, operations[id]] as const);

/** Whether one path segment stays a segment: not empty, no dot segment, no separator. */
export function isPlainSegment(segment: string): boolean {
  return segment !== "" && !/^(?:\.|%2e){1,2}$/i.test(segment) && !/[/\\?#]/.test(segment);
}

/** Whether `path` (no query) has the template's literal segments and one plain segment per `{name}`. */
export function matchesTemplate(template: string, path: string): boolean {
  const want = template.split("/");
  const got = path.split("/");
  return (
    want.length === got.length &&
    want.every((part, i) => (part[0] === "{" ? isPlainSegment(got[i]!) : part === got[i]))
  );
}

/** The operation of a method and a path template, as the spec writes it (`/v1/classes/{classId}`). */
export function operationAt(
  method: string,
  template: string,
): readonly [OperationId, OperationRow] | undefined {
  return rows.find(([, row]) => row.method === method && row.path === template);
}

/**
 * The operation a method and a concrete path name, with the path's raw values; and every method the
 * path allows.
 */
export interface Found {
  found?: { operationId: OperationId; row: OperationRow; params: Record<string, string> };
  allowed: string[];
}

/**
 * The operation behind a method and a concrete path, as the API routes it: literal segments win
 * over `{name}` ones.
 */
export function findOperation(method: string, path: string): Found {
  const got = path.split("/");
  let found: Found["found"];
  let bestLiterals = -1;
  const allowed = new Set<string>();
  for (const [operationId, row] of rows) {
    const want = row.path.split("/");
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const fits = want.every((part, i) => {
      if (part.startsWith("{")) return (params[part.slice(1, -1)] = got[i]!) !== "";
      literals++;
      return part === got[i];
    });
    if (!fits) continue;
    allowed.add(row.method);
    if (row.method === method && literals > bestLiterals)
      [found, bestLiterals] = [{ operationId, row, params }, literals];
  }
  return { found, allowed: [...allowed] };
}
