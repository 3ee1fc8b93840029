/**
 * The package's entries, read from package.json: `exports` is the one list. Each subpath's ES
 * module declarations name the source file it is built from (`./dist/types/src/mock/index.d.ts`
 * comes from `src/mock/index.ts`), its `import` file names the output (`./dist/mock.js`), and an
 * entry needs Node when something it imports does (`node:`). The build, the declarations,
 * `typesVersions`, the benchmarks and the tests all derive what they need from here.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pkg from "../package.json" with { type: "json" };
import { repoRoot } from "./spec.js";

export interface Entry {
  /** The subpath users import: "." or "./mock". */
  subpath: string;
  /** The import specifier: "class-booking-api" or "class-booking-api/mock". */
  specifier: string;
  /** The output's name in dist/: "index" (dist/index.js, dist/index.cjs) or "mock". */
  name: string;
  /** The source file, relative to the repository root. */
  source: string;
  /** Whether the entry (or anything it imports) imports a `node:` module. */
  node: boolean;
}

type Conditions = { import: { types: string; default: string }; require: { types: string; default: string } };

const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** Whether a source file, or any file it imports relatively, imports a `node:` module. */
function needsNode(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, "utf8").matchAll(IMPORT)) {
    if (specifier!.startsWith("node:")) return true;
    if (!specifier!.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), specifier!.replace(/\.js$/, ".ts"));
    if (existsSync(target) && target.endsWith(".ts") && needsNode(target, seen)) return true;
  }
  return false;
}

export const ENTRIES: Entry[] = Object.entries(pkg.exports as Record<string, string | Conditions>)
  .filter((pair): pair is [string, Conditions] => typeof pair[1] !== "string")
  .map(([subpath, conditions]) => {
    const source = conditions.import.types.replace(/^\.\/dist\/types\//, "").replace(/\.d\.ts$/, ".ts");
    return {
      subpath,
      specifier: subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
      name: path.basename(conditions.import.default, ".js"),
      source,
      node: needsNode(path.join(repoRoot, source)),
    };
  });

/** The command line tools: each bin's source is src/cli/<its name>.ts. */
export const BINS = Object.entries(pkg.bin).map(([name, output]) => ({
  name,
  output,
  source: `src/cli/${name}.ts`,
}));

/** The `typesVersions` the exports call for: each subpath but "." to its CommonJS declarations. */
export function typesVersionsFor(entries: Entry[] = ENTRIES): Record<string, Record<string, string[]>> {
  const map: Record<string, string[]> = {};
  for (const entry of entries)
    if (entry.subpath !== ".")
      map[entry.subpath.slice(2)] = [`./dist/types-cjs/${entry.source.replace(/\.ts$/, ".d.ts")}`];
  return { "*": map };
}

/**
 * The entries as `paths` for a tsconfig, so a project's `class-booking-api[/entry]` imports read
 * the sources.
 */
export function sourcePaths(): Record<string, string[]> {
  return Object.fromEntries(ENTRIES.map((entry) => [entry.specifier, [path.join(repoRoot, entry.source)]]));
}
