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

/** What the client needs to know to call one operation, read from the spec. */
export interface OperationRow {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Top-level fields of the JSON body, or null when the operation takes no body. */
  bodyFields: string[] | null;
  /** Input names that must be given (path parameters, required query parameters and body fields). */
  required: string[];
  /** The spec marks the operation `x-idempotent`: safe to send twice whatever its method. */
  idempotent: boolean;
  /** Whether the 200 answer is a slice (result, hasNext, offset) that client.paginate can walk. */
  sliced: boolean;
}

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
    const inputs = [...names("path"), ...names("query"), ...(bodyFields ?? [])];
    const clash = inputs.find((name, i) => inputs.indexOf(name) !== i);
    if (clash) throw new Error(`${operationId}: input name "${clash}" is used twice; flat inputs need unique names`);
    const ok = jsonBodySchema(spec, operationId, op.responses?.["200"]);
    const okProps = ok?.properties ?? {};
    rows.set(operationId, {
      method: method.toUpperCase(),
      path: route,
      pathParams: names("path"),
      queryParams: names("query"),
      bodyFields,
      required: [
        ...params.filter((p: Node) => p.required).map((p: Node) => p.name as string),
        ...(body?.required ?? []),
      ],
      idempotent: op["x-idempotent"] === true,
      sliced: okProps.result?.type === "array" && okProps.hasNext !== undefined && okProps.offset !== undefined,
    });
  }
  return rows;
}

/**
 * The row the client reads at run time: the full row minus what it can work out itself. Path
 * parameters are the `{names}` in the path and always required, so they are not listed;
 * `required` names the query and body fields that must be given; `body` is there exactly when
 * the operation takes a JSON body. Empty lists and false flags are left out to keep bundles small.
 */
export function runtimeRow(row: OperationRow): Record<string, unknown> {
  const out: Record<string, unknown> = { method: row.method, path: row.path };
  if (row.queryParams.length) out.query = row.queryParams;
  if (row.bodyFields) out.body = row.bodyFields;
  const required = row.required.filter((name) => !row.pathParams.includes(name));
  if (required.length) out.required = required;
  if (row.idempotent) out.idempotent = true;
  if (row.sliced) out.sliced = true;
  return out;
}

/** Renders generated/operations.ts: the operation table the client builds its methods from. */
export function renderOperations(spec: Node): string {
  const lines = [`${header("operation table")}export const operations = {`];
  for (const [id, row] of operationRows(spec)) {
    const fields = Object.entries(runtimeRow(row)).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    lines.push(`  ${id}: { ${fields.join(", ")} },`);
  }
  lines.push("} as const;", "", "/** Every operationId in the spec. */", "export type OperationId = keyof typeof operations;", "");
  return lines.join("\n");
}

/** Every generated file, by its path relative to the repository root. */
export async function renderAll(specFile = path.join(root, specPath)): Promise<Map<string, string>> {
  return new Map([
    ["generated/schema.d.ts", await renderSchemaTypes(specFile)],
    ["generated/operations.ts", renderOperations(loadSpec(specFile))],
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
