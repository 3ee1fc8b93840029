/**
 * The operations read from the spec: everything the generator needs of each (its SpecRow), every
 * input's rule, and the facts that hold for all of them; runtimeRow reduces a SpecRow to the
 * OperationRow (core/shapes.ts) that generated/operations.ts holds.
 */
import type { InputRule, OperationRow } from "../src/core/shapes.js";
import type { Rule } from "../src/core/rules.js";
import { deref, operations as specOperations, type Node } from "./spec.js";

export type { InputRule };

/** Schema keywords a scalar rule carries; any other validation keyword on an input is refused. */
const RULE_KEYWORDS = ["type", "format", "minimum", "maximum", "enum"] as const;
/** Keywords that only document or default a value; the client does not check them. */
const NOTE_KEYWORDS = new Set([
  "description",
  "default",
  "example",
  "examples",
  "title",
  "deprecated",
  "x-enumDescriptions",
]);
/** Keywords an object rule carries besides `type`. */
const OBJECT_KEYWORDS = new Set(["properties", "required", "additionalProperties"]);
/** Formats the client knows how to check. */
const FORMATS: Record<string, string[]> = { integer: ["int32", "int64"], string: ["date"], boolean: [] };
/**
 * Formats that JSON Schema or OpenAPI define. A string format outside this list ("ISO 639-1") is a
 * label for the reader, not a check: it stays out of the rule. A defined format the client cannot
 * check is refused, so that a spec change never makes a promise the client silently skips.
 */
const DEFINED_FORMATS = new Set(
  "date-time time date duration email idn-email hostname idn-hostname ipv4 ipv6 uri uri-reference iri iri-reference uuid uri-template json-pointer relative-json-pointer regex int32 int64 float double byte binary password".split(
    " ",
  ),
);
/** How deep objects may nest inside a body field. */
const MAX_DEPTH = 4;

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

/** Reads the rule of one value from its schema (an object's fields too), refusing keywords the client could not enforce. */
function ruleOf(spec: Node, name: string, schema: Node, depth: number): Rule {
  const type = schema.type;
  if (type === "object") return objectRule(spec, name, schema, depth);
  if (typeof type !== "string" || !(type in FORMATS))
    throw new Error(`input "${name}": type ${JSON.stringify(type)} is not a scalar type or an object`);
  const label = type === "string" && schema.format !== undefined && !DEFINED_FORMATS.has(schema.format);
  if (schema.format !== undefined && !label && !FORMATS[type]!.includes(schema.format)) {
    throw new Error(`input "${name}": format "${schema.format}" of a ${type} cannot be checked`);
  }
  for (const key of Object.keys(schema)) {
    if (!(RULE_KEYWORDS as readonly string[]).includes(key) && !NOTE_KEYWORDS.has(key)) {
      throw new Error(`input "${name}": the keyword "${key}" cannot be checked by the client`);
    }
  }
  return {
    type,
    ...Object.fromEntries(
      RULE_KEYWORDS.slice(1)
        .filter((key) => schema[key] !== undefined && !(key === "format" && label))
        .map((key) => [key, schema[key]]),
    ),
  };
}

/** The rule of an object: each field's rule, the fields it must have, and whether others are refused. */
function objectRule(spec: Node, name: string, schema: Node, depth: number): Rule {
  if (depth >= MAX_DEPTH) throw new Error(`input "${name}": objects nest deeper than ${MAX_DEPTH} levels`);
  for (const key of Object.keys(schema)) {
    if (key !== "type" && !OBJECT_KEYWORDS.has(key) && !NOTE_KEYWORDS.has(key)) {
      throw new Error(`input "${name}": the keyword "${key}" cannot be checked by the client`);
    }
  }
  if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== "boolean")
    throw new Error(`input "${name}": only a true or false additionalProperties can be checked`);
  const properties: Record<string, Rule> = {};
  for (const [field, sub] of Object.entries<Node>(schema.properties ?? {}))
    properties[field] = ruleOf(spec, `${name}.${field}`, deref(spec, sub), depth + 1);
  const required: string[] = schema.required ?? [];
  for (const field of required)
    if (!(field in properties)) throw new Error(`input "${name}": required field "${field}" has no schema`);
  return {
    type: "object",
    properties,
    ...(required.length && { required }),
    ...(schema.additionalProperties === false && { closed: true }),
  };
}

/** Reads the rule of one input from its schema, refusing keywords the client could not enforce. */
export function inputRule(where: InputRule["in"], name: string, schema: Node, spec: Node = {}): InputRule {
  return { in: where, ...ruleOf(spec, name, schema, 0) } as InputRule;
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
