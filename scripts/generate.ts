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
import { renderContract } from "./contract.js";
import { renderMethodDocs } from "./method-docs.js";
import { apiFacts, apiRootOf, operationRows, runtimeRow } from "./operations.js";
import { header, literal, SPEC_PATH } from "./render.js";
import { loadSpec, type Node } from "./spec.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Renders generated/schema.d.ts: the TypeScript types of the spec. */
export async function renderSchemaTypes(specFile: string): Promise<string> {
  const ast = await openapiTS(new URL(`file://${specFile}`), {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    silent: true,
  });
  return header("openapi-typescript") + astToString(ast);
}

/** Renders generated/operations.ts: the operation table the client builds its methods from. */
export function renderOperations(spec: Node): string {
  const lines = [
    `${header("operation table")}import type { OperationRow } from "../src/core/shapes.js";`,
    "",
    "export const operations = {",
  ];
  for (const [id, row] of operationRows(spec)) lines.push(`  ${id}: ${literal(runtimeRow(row))},`);
  lines.push(
    "} as const satisfies Readonly<Record<string, OperationRow>>;",
    "",
    "/** Every operationId in the spec. */",
    "export type OperationId = keyof typeof operations;",
    "",
    "/** What holds for every operation: the key's header (lower case), the tenant host pattern, the API's rate limit per key and operation. */",
    `export const api = ${literal(apiFacts(spec))} as const;`,
    "",
    "/** The first segment every operation's path starts with: where the API's paths live. */",
    `export const apiRoot = ${JSON.stringify(apiRootOf(spec))};`,
    "",
  );
  return lines.join("\n");
}

/** Every generated file, by its path relative to the repository root. */
export async function renderAll(specFile = path.join(root, SPEC_PATH)): Promise<Map<string, string>> {
  return new Map([
    ["generated/schema.d.ts", await renderSchemaTypes(specFile)],
    ["generated/operations.ts", renderOperations(loadSpec(specFile))],
    ["generated/contract.ts", renderContract(loadSpec(specFile))],
    ["generated/docs.ts", renderMethodDocs(loadSpec(specFile))],
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
    for (const rel of stale) console.error(`stale: ${rel} differs from what ${SPEC_PATH} gives`);
    console.error("Run `npm run generate` and commit the result.");
    return 1;
  }
  if (check) console.log(`generated/ matches ${SPEC_PATH} (${files.size} files)`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.includes("--check"));
}
