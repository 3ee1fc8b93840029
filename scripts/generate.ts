/**
 * Writes everything under generated/ from openapi/openapi.yaml.
 *
 *   tsx scripts/generate.ts           write the files
 *   tsx scripts/generate.ts --check   write nothing; exit 1 naming each file that is stale
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { deref, loadSpec, operations as specOperations, type Node } from "./spec.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const specPath = "openapi/openapi.yaml";

/** The banner every generated file starts with. */
export function header(generator: string): string {
  return [
    "/**",
    ` * GENERATED FILE: do not edit. Written by scripts/generate.ts (${generator})`,
    ` * from ${specPath}. Change the spec, then run \`npm run generate\`.`,
    " */",
    "",
    "",
  ].join("\n");
}

/** Renders generated/schema.d.ts: the TypeScript types of the spec. */
export async function renderSchemaTypes(specFile: string): Promise<string> {
  const ast = await openapiTS(new URL(`file://${specFile}`), {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    silent: true,
  });
  return header("openapi-typescript") + astToString(ast);
}

/** What an input must be: the spec's own keywords for one parameter or body field. */
export interface InputRule {
  in: "path" | "query" | "body";
  type: "integer" | "string" | "boolean";
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
}

/** Schema keywords an input rule carries; any other validation keyword on an input is refused. */
const RULE_KEYWORDS = ["type", "format", "minimum", "maximum", "enum"] as const;
/** Keywords that only document or default a value; the client does not check them. */
const NOTE_KEYWORDS = new Set(["description", "default", "example", "examples", "title", "deprecated"]);
/** Formats the client knows how to check. */
const FORMATS: Record<string, string[]> = { integer: ["int32", "int64"], string: ["date"], boolean: [] };

/** What the client needs to know to call one operation, read from the spec. */
export interface OperationRow {
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

/** Reads the rule of one input from its schema, refusing keywords the client could not enforce. */
export function inputRule(where: InputRule["in"], name: string, schema: Node): InputRule {
  const type: InputRule["type"] = schema.type;
  if (typeof type !== "string" || !(type in FORMATS)) throw new Error(`input "${name}": type ${JSON.stringify(type)} is not a scalar type`);
  if (schema.format !== undefined && !FORMATS[type]!.includes(schema.format)) {
    throw new Error(`input "${name}": format "${schema.format}" of a ${type} cannot be checked`);
  }
  for (const key of Object.keys(schema)) {
    if (!(RULE_KEYWORDS as readonly string[]).includes(key) && !NOTE_KEYWORDS.has(key)) {
      throw new Error(`input "${name}": the keyword "${key}" cannot be checked by the client`);
    }
  }
  const rule: Record<string, unknown> = { in: where, type };
  for (const key of RULE_KEYWORDS.slice(1)) if (schema[key] !== undefined) rule[key] = schema[key];
  return rule as unknown as InputRule;
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

export function operationRows(spec: Node): Map<string, OperationRow> {
  const rows = new Map<string, OperationRow>();
  for (const { operationId, method, path: route, op } of specOperations(spec)) {
    if (!operationId) throw new Error(`${method.toUpperCase()} ${route} has no operationId`);
    const params = (op.parameters ?? []).map((p: Node) => deref(spec, p));
    const names = (where: string) => params.filter((p: Node) => p.in === where).map((p: Node) => p.name as string);
    const body = jsonBodySchema(spec, operationId, op.requestBody);
    if (body && body.type !== "object") throw new Error(`${operationId}: the request body must be an object`);
    const bodyFields = body ? Object.keys(body.properties ?? {}) : null;
    const inputs: Record<string, InputRule> = {};
    const add = (where: InputRule["in"], name: string, schema: Node) => {
      if (name in inputs) throw new Error(`${operationId}: input name "${name}" is used twice; flat inputs need unique names`);
      try {
        inputs[name] = inputRule(where, name, deref(spec, schema));
      } catch (error) {
        throw new Error(`${operationId}: ${(error as Error).message}`);
      }
    };
    for (const p of params) {
      if (p.in !== "path" && p.in !== "query") throw new Error(`${operationId}: ${p.in} parameters are not supported`);
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
      sliced: okProps.result?.type === "array" && okProps.hasNext !== undefined && okProps.offset !== undefined,
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
export function runtimeRow(row: OperationRow): Record<string, unknown> {
  const out: Record<string, unknown> = { method: row.method, path: row.path, inputs: row.inputs };
  const required = row.required.filter((name) => !row.pathParams.includes(name));
  if (required.length) out.required = required;
  if (row.idempotent) out.idempotent = true;
  if (row.sliced) out.sliced = true;
  if (row.json) out.json = true;
  return out;
}

/** Writes a value as a TypeScript literal on one line: `{ key: "text", list: [1, 2] }`. */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object") {
    const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
    const fields = Object.entries(value).map(([k, v]) => `${key(k)}: ${literal(v)}`);
    return fields.length ? `{ ${fields.join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}

/** Renders generated/operations.ts: the operation table the client builds its methods from. */
export function renderOperations(spec: Node): string {
  const lines = [`${header("operation table")}export const operations = {`];
  for (const [id, row] of operationRows(spec)) lines.push(`  ${id}: ${literal(runtimeRow(row))},`);
  lines.push("} as const;", "", "/** Every operationId in the spec. */", "export type OperationId = keyof typeof operations;", "");
  return lines.join("\n");
}

/** Keywords a response validator enforces; `SCHEMA_NOTES` only document. Anything else is refused. */
const SCHEMA_KEYWORDS = new Set(["type", "format", "enum", "required", "properties", "items", "$ref", "additionalProperties", "minimum", "maximum"]);
const SCHEMA_NOTES = new Set(["description", "examples", "example", "deprecated", "title", "default"]);

/** A schema reduced to what a validator checks, with local refs shortened to the component's name. */
export function checkedSchema(schema: Node, where: string): Node {
  const out: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_NOTES.has(key) || key.startsWith("x-")) continue;
    if (!SCHEMA_KEYWORDS.has(key)) throw new Error(`${where}: the keyword "${key}" cannot be checked by the response validator`);
    if (key === "$ref") out.$ref = String(value).replace("#/components/schemas/", "");
    else if (key === "properties") out.properties = Object.fromEntries(Object.entries<Node>(value).map(([name, sub]) => [name, checkedSchema(sub, `${where}.${name}`)]));
    else if (key === "items") out.items = checkedSchema(value, `${where}[]`);
    else out[key] = value;
  }
  return out;
}

/**
 * What a set of schemas have in common: the object fields all of them have (required where all
 * require them), array items in common, and a scalar's type and format without the values one
 * of them lists. The webhooks' envelope (entityId, uuid, payload) is worked out this way, so
 * events of a type the spec does not list can still be checked.
 */
export function commonShape(spec: Node, schemas: Node[]): Node {
  const all = schemas.map((schema) => deref(spec, schema));
  const types = new Set(all.map((schema) => schema.type));
  if (types.size !== 1) return {};
  const [type] = [...types];
  if (type === "array") return { type, items: commonShape(spec, all.map((schema) => schema.items ?? {})) };
  if (type !== "object") {
    const formats = new Set(all.map((schema) => schema.format));
    return formats.size === 1 && all[0]!.format ? { type, format: all[0]!.format } : { type };
  }
  const names = Object.keys(all[0]!.properties ?? {}).filter((name) => all.every((schema) => schema.properties?.[name]));
  const required = names.filter((name) => all.every((schema) => (schema.required ?? []).includes(name)));
  const properties = Object.fromEntries(names.map((name) => [name, commonShape(spec, all.map((schema) => schema.properties[name]))]));
  return { type, ...(required.length && { required }), ...(names.length && { properties }) };
}

/** Renders generated/contract.ts: the schemas of every answer, for checking what the API sends. */
export function renderContract(spec: Node): string {
  const schemas = Object.entries<Node>(spec.components.schemas).map(([name, schema]) => `  ${name}: ${literal(checkedSchema(schema, name))},`);
  const responses = specOperations(spec).map(({ operationId, op }) => {
    const byStatus = Object.entries<Node>(op.responses).map(([status, response]) => {
      const schema = deref(spec, response).content?.["application/json"]?.schema;
      return `${status}: ${schema ? literal(checkedSchema(schema, `${operationId} ${status}`)) : "null"}`;
    });
    return `  ${operationId}: { ${byStatus.join(", ")} },`;
  });
  const examples = specOperations(spec).map(({ operationId, op }) => {
    const byStatus = Object.entries<Node>(op.responses).flatMap(([status, response]) => {
      const named = Object.entries<Node>(deref(spec, response).content?.["application/json"]?.examples ?? {});
      return named.length ? [`${status}: { ${named.map(([name, example]) => `${name}: ${literal(deref(spec, example).value)}`).join(", ")} }`] : [];
    });
    return `  ${operationId}: { ${byStatus.join(", ")} },`;
  });
  const requests = specOperations(spec).flatMap(({ operationId, op }) => {
    const schema = op.requestBody && deref(spec, op.requestBody).content?.["application/json"]?.schema;
    return schema ? [`  ${operationId}: ${literal(checkedSchema(schema, `${operationId} request`))},`] : [];
  });
  const webhookBodies = Object.entries<Node>(spec.webhooks ?? {}).map(([type, item]) => {
    const schema = deref(spec, item.post.requestBody).content["application/json"].schema;
    return [type, schema] as const;
  });
  const webhookLines = webhookBodies.map(([type, schema]) => `  ${type}: ${literal(checkedSchema(schema, `webhook ${type}`))},`);
  const envelope = commonShape(spec, webhookBodies.map(([, schema]) => schema));
  const rows = operationRows(spec);
  const scopes = [...rows].map(([id, row]) => `  ${id}: ${JSON.stringify(row.scope)},`);
  const defaults = specOperations(spec).map(({ operationId, op }) => {
    const given = (op.parameters ?? []).map((p: Node) => deref(spec, p)).filter((p: Node) => p.schema?.default !== undefined);
    return `  ${operationId}: ${literal(Object.fromEntries(given.map((p: Node) => [p.name, p.schema.default])))},`;
  });
  return [
    `${header("contract")}import type { Schema } from "../src/contract/check.js";`,
    "",
    "/** Every component schema, reduced to the keywords a validator checks. */",
    "export const schemas: Record<string, Schema> = {",
    ...schemas,
    "};",
    "",
    "/** Per operation, the schema of each documented answer by status (null: the answer has no body). */",
    "export const responses: Record<string, Record<string, Schema | null>> = {",
    ...responses,
    "};",
    "",
    "/** The schema of each operation's JSON request body. */",
    "export const requests: Record<string, Schema> = {",
    ...requests,
    "};",
    "",
    "/** The schema of each event type's webhook call (the body the API posts). */",
    "export const webhookEvents: Record<string, Schema> = {",
    ...webhookLines,
    "};",
    "",
    "/** What the webhook calls of every event type have in common: the check for a type the spec does not list. */",
    `export const webhookEnvelope: Schema = ${literal(envelope)};`,
    "",
    "/** The scope each operation needs, as its description names it. */",
    "export const scopes: Record<string, string> = {",
    ...scopes,
    "};",
    "",
    "/** The defaults of each operation's parameters, which the server applies when a value is left out. */",
    "export const defaults: Record<string, Record<string, unknown>> = {",
    ...defaults,
    "};",
    "",
    "/** Per operation and status, the named examples of each documented answer that has a body (the first is the default). */",
    "export const examples: Record<string, Record<string, Record<string, unknown>>> = {",
    ...examples,
    "};",
    "",
  ].join("\n");
}

/** Every generated file, by its path relative to the repository root. */
export async function renderAll(specFile = path.join(root, specPath)): Promise<Map<string, string>> {
  return new Map([
    ["generated/schema.d.ts", await renderSchemaTypes(specFile)],
    ["generated/operations.ts", renderOperations(loadSpec(specFile))],
    ["generated/contract.ts", renderContract(loadSpec(specFile))],
  ]);
}

async function readOrEmpty(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

async function main(check: boolean): Promise<number> {
  const files = await renderAll();
  const stale: string[] = [];
  for (const [rel, content] of files) {
    const abs = path.join(root, rel);
    if ((await readOrEmpty(abs)) === content) continue;
    if (check) {
      stale.push(rel);
    } else {
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, content);
      console.log(`wrote ${rel}`);
    }
  }
  if (stale.length > 0) {
    for (const rel of stale) console.error(`stale: ${rel} differs from what ${specPath} gives`);
    console.error("Run `npm run generate` and commit the result.");
    return 1;
  }
  if (check) console.log(`generated/ matches ${specPath} (${files.size} files)`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.includes("--check"));
}
