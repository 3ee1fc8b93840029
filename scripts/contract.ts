/**
 * Renders generated/contract.ts: the schemas of every answer, request body and webhook call,
 * reduced to what a validator checks, plus examples, scopes and parameter defaults. Read by the
 * validate entry, the sandbox and the webhook receiver, never by the main entry.
 */
import { keyHeaderOf, operationRows, secondsAsMs } from "./operations.js";
import { header, literal } from "./render.js";
import { deref, operations as specOperations, type Node } from "./spec.js";

/** Keywords a response validator enforces; `SCHEMA_NOTES` only document. Anything else is refused. */
const SCHEMA_KEYWORDS = new Set([
  "type",
  "format",
  "enum",
  "required",
  "properties",
  "items",
  "$ref",
  "additionalProperties",
  "minimum",
  "maximum",
  "maxLength",
  "maxItems",
]);
const SCHEMA_NOTES = new Set(["description", "examples", "example", "deprecated", "title", "default"]);

/** A schema reduced to what a validator checks, with local refs shortened to the component's name. */
export function checkedSchema(schema: Node, where: string): Node {
  const out: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_NOTES.has(key) || key.startsWith("x-")) continue;
    if (!SCHEMA_KEYWORDS.has(key))
      throw new Error(`${where}: the keyword "${key}" cannot be checked by the response validator`);
    if (key === "$ref") out.$ref = String(value).replace("#/components/schemas/", "");
    else if (key === "properties")
      out.properties = Object.fromEntries(
        Object.entries<Node>(value).map(([name, sub]) => [name, checkedSchema(sub, `${where}.${name}`)]),
      );
    else if (key === "items") out.items = checkedSchema(value, `${where}[]`);
    else out[key] = value;
  }
  return out;
}

/**
 * What a set of schemas have in common: the object fields all of them have (required where all
 * require them), array items in common, and a scalar's type, format and length limit without the
 * values one of them lists (a limit or format only when all of them state the same one). The webhooks' envelope (entityId, uuid, payload) is worked out this way, so
 * events of a type the spec does not list can still be checked.
 */
export function commonShape(spec: Node, schemas: Node[]): Node {
  const all = schemas.map((schema) => deref(spec, schema));
  const types = new Set(all.map((schema) => schema.type));
  if (types.size !== 1) return {};
  const [type] = [...types];
  const shared = (keyword: string) => {
    const values = new Set(all.map((schema) => schema[keyword]));
    return values.size === 1 && all[0]![keyword] !== undefined ? { [keyword]: all[0]![keyword] } : {};
  };
  if (type === "array")
    return {
      type,
      ...shared("maxItems"),
      items: commonShape(
        spec,
        all.map((schema) => schema.items ?? {}),
      ),
    };
  if (type !== "object") return { type, ...shared("format"), ...shared("maxLength") };
  const names = Object.keys(all[0]!.properties ?? {}).filter((name) =>
    all.every((schema) => schema.properties?.[name]),
  );
  const required = names.filter((name) => all.every((schema) => (schema.required ?? []).includes(name)));
  const properties = Object.fromEntries(
    names.map((name) => [
      name,
      commonShape(
        spec,
        all.map((schema) => schema.properties[name]),
      ),
    ]),
  );
  return { type, ...(required.length && { required }), ...(names.length && { properties }) };
}

/** The JSON content (schema, examples) of a response or request body, if it has one. */
const jsonContent = (spec: Node, holder: Node): Node | undefined =>
  deref(spec, holder).content?.["application/json"];

/** Renders generated/contract.ts: the schemas of every answer, for checking what the API sends. */
export function renderContract(spec: Node): string {
  const schemas = Object.entries<Node>(spec.components.schemas).map(
    ([name, schema]) => `  ${name}: ${literal(checkedSchema(schema, name))},`,
  );
  const responses = specOperations(spec).map(({ operationId, op }) => {
    const byStatus = Object.entries<Node>(op.responses).map(([status, response]) => {
      const schema = jsonContent(spec, response)?.schema;
      return `${status}: ${schema ? literal(checkedSchema(schema, `${operationId} ${status}`)) : "null"}`;
    });
    return `  ${operationId}: { ${byStatus.join(", ")} },`;
  });
  const examples = specOperations(spec).map(({ operationId, op }) => {
    const byStatus = Object.entries<Node>(op.responses).flatMap(([status, response]) => {
      const named = Object.entries<Node>(jsonContent(spec, response)?.examples ?? {});
      return named.length
        ? [
            `${status}: { ${named.map(([name, example]) => `${name}: ${literal(deref(spec, example).value)}`).join(", ")} }`,
          ]
        : [];
    });
    return `  ${operationId}: { ${byStatus.join(", ")} },`;
  });
  const requests = specOperations(spec).flatMap(({ operationId, op }) => {
    const schema = op.requestBody && jsonContent(spec, op.requestBody)?.schema;
    return schema ? [`  ${operationId}: ${literal(checkedSchema(schema, `${operationId} request`))},`] : [];
  });
  const bodies = specOperations(spec).flatMap(({ operationId, op }) => {
    if (!op.requestBody) return [];
    const body = deref(spec, op.requestBody);
    return [
      `  ${operationId}: ${literal({ mediaTypes: Object.keys(body.content ?? {}), required: body.required === true })},`,
    ];
  });
  const webhookBodies = Object.entries<Node>(spec.webhooks ?? {}).map(([type, item]) => {
    const schema = jsonContent(spec, item.post.requestBody)!.schema;
    return [type, schema] as const;
  });
  const envelope = commonShape(
    spec,
    webhookBodies.map(([, schema]) => schema),
  );
  const itemLines = webhookBodies.map(([type, schema]) => {
    const item = deref(spec, deref(spec, schema).properties?.payload?.items ?? {});
    if (!item.properties?.type?.enum?.includes(type))
      throw new Error(`webhook ${type}: its payload items must list "${type}" in their type enum`);
    return `  ${type}: ${literal(checkedSchema(item, `webhook ${type} item`))},`;
  });
  const rows = operationRows(spec);
  const scopes = [...rows].map(([id, row]) => `  ${id}: ${JSON.stringify(row.scope)},`);
  const defaults = specOperations(spec).map(({ operationId, op }) => {
    const given = (op.parameters ?? [])
      .map((p: Node) => deref(spec, p))
      .filter((p: Node) => p.schema?.default !== undefined);
    return `  ${operationId}: ${literal(Object.fromEntries(given.map((p: Node) => [p.name, p.schema.default])))},`;
  });
  return [
    `${header("contract")}import type { Schema } from "../src/core/schema.js";`,
    'import type { DefaultTable, ExampleTable, RequestBodyTable, ResponseTable, SchemaTable, ScopeTable } from "../src/core/shapes.js";',
    "",
    "/** Every component schema, reduced to the keywords a validator checks. */",
    "export const schemas: SchemaTable = {",
    ...schemas,
    "};",
    "",
    "/** Per operation, the schema of each documented answer by status (null: the answer has no body). */",
    "export const responses: ResponseTable = {",
    ...responses,
    "};",
    "",
    "/** The schema of each operation's JSON request body. */",
    "export const requests: SchemaTable = {",
    ...requests,
    "};",
    "",
    "/** Per operation that takes a body: the media types the spec lets it be sent as (its requestBody's content), and whether it must be sent. */",
    "export const requestBodies: RequestBodyTable = {",
    ...bodies,
    "};",
    "",
    "/** The media type of every body the operations answer with (the one key of each response's content). */",
    `export const answerMediaType = ${JSON.stringify(answerMediaType(spec))};`,
    "",
    "/** The schema of one payload item of each event type (what its content holds). */",
    "export const webhookItems: SchemaTable = {",
    ...itemLines,
    "};",
    "",
    "/** What the webhook calls of every event type have in common: the check for a type the spec does not list. */",
    `export const webhookEnvelope: Schema = ${literal(envelope)};`,
    "",
    "/** The scope each operation needs, as its description names it. */",
    "export const scopes = {",
    ...scopes,
    "} as const satisfies ScopeTable;",
    "",
    "/** The defaults of each operation's parameters, which the server applies when a value is left out. */",
    "export const defaults: DefaultTable = {",
    ...defaults,
    "};",
    "",
    "/** How the API calls a webhook receiver: the header that carries the webhook key (lower case) and how long it waits for an answer. */",
    `export const webhookDelivery = ${literal(webhookDelivery(spec))} as const;`,
    "",
    "/** Per operation and status, the named examples of each documented answer that has a body (the first is the default). */",
    "export const examples: ExampleTable = {",
    ...examples,
    "};",
    "",
  ].join("\n");
}

/**
 * The one media type the operations' answers are written in; more than one would need content
 * negotiation.
 */
export function answerMediaType(spec: Node): string {
  const types = new Set(
    specOperations(spec).flatMap(({ op }) =>
      Object.values<Node>(op.responses).flatMap((response) =>
        Object.keys(deref(spec, response).content ?? {}),
      ),
    ),
  );
  if (types.size !== 1)
    throw new Error(`the answers must all use one media type, found: ${[...types].join(", ") || "none"}`);
  return [...types][0]!;
}

/** How the API calls webhook receivers: the one scheme every webhook names, and x-webhook-delivery. */
export function webhookDelivery(spec: Node): { keyHeader: string; timeoutMs: number } {
  const schemes = new Set(
    Object.values<Node>(spec.webhooks ?? {}).flatMap((item) =>
      (item.post.security ?? []).flatMap((s: Node) => Object.keys(s)),
    ),
  );
  if (schemes.size !== 1) throw new Error("every webhook must name the same one security scheme");
  return {
    keyHeader: keyHeaderOf(spec, [...schemes][0]!),
    timeoutMs: secondsAsMs(spec["x-webhook-delivery"]?.timeoutSeconds, "x-webhook-delivery.timeoutSeconds"),
  };
}
