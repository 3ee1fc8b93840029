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

/** Every generated file, by its path relative to the repository root. */
export async function renderAll(specFile = path.join(root, specPath)): Promise<Map<string, string>> {
  return new Map([["generated/schema.d.ts", await renderSchemaTypes(specFile)]]);
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
