/**
 * The operations read from the spec: everything the generator needs of each (its SpecRow), every
 * input's rule, and the facts that hold for all of them; runtimeRow reduces a SpecRow to the
 * OperationRow (core/shapes.ts) that generated/operations.ts holds.
 */
import type { InputRule, OperationRow } from "../src/core/shapes.js";
import { inputRule } from "./input-rules.js";
import { deref, operations as specOperations, type Node } from "./spec.js";

export type { InputRule };

/** What the spec says of one operation, read: all the generator needs (the runtime row and more). */
export interface SpecRow {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Top-level fields of the JSON body, or null when the operation takes no body. */
  bodyFields: string[] | null;
  /** Every input (path, query, body) with the rule it obeys, in the spec's order. */
  inputs: Record<string, InputRule>;
  /** Input names that must be given (path parameters, required query parameters and body fields). */
  required: string[];
  /** The spec marks the operation `x-idempotent`: safe to send twice whatever its method. */
  idempotent: boolean;
  /** Whether the 200 answer is a slice (result, hasNext, offset) that client.paginate can walk. */
  sliced: boolean;
  /** Whether the 200 answer carries a JSON body. */
  json: boolean;
  /** The scope the operation's description names ("Required scope: `CLASSES_READ`."). */
  scope: string;
}

const SCOPE = /^Required scope: `(\w+)`\./;

function jsonBodySchema(spec: Node, operationId: string, holder: Node | undefined): Node | undefined {
  if (!holder) return undefined;
  const content = deref(spec, holder).content;
  if (!content) return undefined;
  const schema = content["application/json"]?.schema;
  if (!schema) throw new Error(`${operationId}: only application/json bodies are supported`);
  return deref(spec, schema);
}

export function operationRows(spec: Node): Map<string, SpecRow> {
  const rows = new Map<string, SpecRow>();
  for (const { operationId, method, path: route, op } of specOperations(spec)) {
    if (!operationId) throw new Error(`${method.toUpperCase()} ${route} has no operationId`);
    const params = (op.parameters ?? []).map((p: Node) => deref(spec, p));
    const names = (where: string) =>
      params.filter((p: Node) => p.in === where).map((p: Node) => p.name as string);
    const body = jsonBodySchema(spec, operationId, op.requestBody);
    if (body && body.type !== "object") throw new Error(`${operationId}: the request body must be an object`);
    const bodyFields = body ? Object.keys(body.properties ?? {}) : null;
    const inputs: Record<string, InputRule> = {};
    const add = (where: InputRule["in"], name: string, schema: Node) => {
      if (name in inputs)
        throw new Error(`${operationId}: input name "${name}" is used twice; flat inputs need unique names`);
      try {
        inputs[name] = inputRule(where, name, deref(spec, schema), spec);
      } catch (error) {
        throw new Error(`${operationId}: ${(error as Error).message}`);
      }
    };
    for (const p of params) {
      if (p.in !== "path" && p.in !== "query")
        throw new Error(`${operationId}: ${p.in} parameters are not supported`);
      add(p.in, p.name, p.schema ?? {});
      const personal = p["x-personal-data"];
      if (personal !== undefined && typeof personal !== "boolean")
        throw new Error(`${operationId}: x-personal-data of "${p.name}" must be true or false`);
      if (personal) inputs[p.name]!.personal = true;
    }
    for (const field of bodyFields ?? []) add("body", field, body!.properties[field]);
    const ok = jsonBodySchema(spec, operationId, op.responses?.["200"]);
    const okProps = ok?.properties ?? {};
    const scope = SCOPE.exec(op.description ?? "")?.[1];
    if (!scope) throw new Error(`${operationId}: the description must start with "Required scope: \`...\`."`);
    rows.set(operationId, {
      method: method.toUpperCase(),
      path: route,
      pathParams: names("path"),
      queryParams: names("query"),
      bodyFields,
      inputs,
      required: [
        ...params.filter((p: Node) => p.required).map((p: Node) => p.name as string),
        ...(body?.required ?? []),
      ],
      idempotent: op["x-idempotent"] === true,
      sliced:
        okProps.result?.type === "array" && okProps.hasNext !== undefined && okProps.offset !== undefined,
      json: ok !== undefined,
      scope,
    });
  }
  return rows;
}

/**
 * The row the client reads at run time: the full row minus what it can work out itself. Path
 * parameters are the inputs whose rule says `in: "path"` and are always required, so
 * `required` names only the query and body fields that must be given; the operation takes a JSON
 * body exactly when some input is `in: "body"`. Empty lists and false flags are left out to keep
 * bundles small.
 */
export function runtimeRow(row: SpecRow): OperationRow {
  const out: OperationRow = { method: row.method, path: row.path, inputs: row.inputs };
  const required = row.required.filter((name) => !row.pathParams.includes(name));
  if (required.length) out.required = required;
  if (row.idempotent) out.idempotent = true;
  if (row.sliced) out.sliced = true;
  if (row.json) out.json = true;
  return out;
}

/** The header an apiKey security scheme names, in lower case (as fetch's Headers and Node give names). */
export function keyHeaderOf(spec: Node, scheme: string): string {
  const found = spec.components?.securitySchemes?.[scheme];
  if (found?.type !== "apiKey" || found.in !== "header" || typeof found.name !== "string") {
    throw new Error(`security scheme ${scheme} must be an apiKey sent in a header`);
  }
  return found.name.toLowerCase();
}

/** A whole number of seconds from a spec extension, as milliseconds. */
export function secondsAsMs(value: unknown, where: string): number {
  if (!Number.isInteger(value) || (value as number) <= 0)
    throw new Error(`${where} must be a positive whole number of seconds`);
  return (value as number) * 1000;
}

/** The first segment every operation's path starts with ("/v1"): where the API's paths live. */
export function apiRootOf(spec: Node): string {
  const roots = new Set(specOperations(spec).map(({ path }) => `/${path.split("/")[1]}`));
  if (roots.size !== 1)
    throw new Error(
      `every operation's path must start with the same segment, found: ${[...roots].join(", ")}`,
    );
  return [...roots][0]!;
}

/** What holds for every operation: the key's header, the tenant host pattern, the API's rate limit. */
export function apiFacts(spec: Node): {
  keyHeader: string;
  tenantUrl: string;
  rateLimit: { limit: number; windowMs: number; lockoutMs: number };
} {
  const [scheme, ...others] = (spec.security ?? []).flatMap((requirement: Node) => Object.keys(requirement));
  if (!scheme || others.length)
    throw new Error("the spec must name exactly one security scheme for its operations");
  const tenantUrl = (spec.servers ?? [])
    .map((server: Node) => server.url)
    .find((url: string) => url.includes("{tenant}"));
  if (!tenantUrl) throw new Error("the spec must list a server whose URL holds {tenant}");
  const limit = spec["x-rate-limit"];
  if (!Number.isInteger(limit?.requests) || limit.requests <= 0)
    throw new Error("x-rate-limit.requests must be a positive integer");
  return {
    keyHeader: keyHeaderOf(spec, scheme),
    tenantUrl,
    rateLimit: {
      limit: limit.requests,
      windowMs: secondsAsMs(limit.windowSeconds, "x-rate-limit.windowSeconds"),
      lockoutMs: secondsAsMs(limit.lockoutSeconds, "x-rate-limit.lockoutSeconds"),
    },
  };
}
