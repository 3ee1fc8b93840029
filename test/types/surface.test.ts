/**
 * The package's public surface, written down: every subpath of package.json's `exports` (its
 * conditions and files; the declaration files' paths are left out, they follow the sources), and
 * every name each entry exports, as a value or as a type only. A change to any of it is a change
 * users see: the snapshot (surface.json) must be updated on purpose (`npx vitest run -u`).
 */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { repoRoot } from "../../scripts/spec.js";

type Conditions = { [name: string]: string | Conditions };

/** The source file behind an entry: its ESM declaration path, read back to the .ts it comes from. */
function sourceOf(conditions: Conditions): string {
  const types = (conditions.import as Conditions).types as string;
  return path.join(repoRoot, types.replace(/^\.\/dist\/types\//, "").replace(/\.d\.ts$/, ".ts"));
}

/** The map with each declaration path replaced by a placeholder. */
function withoutTypePaths(value: string | Conditions): string | Conditions {
  if (typeof value === "string") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === "types" ? "<declarations>" : withoutTypePaths(v)]),
  );
}

function exportedNames(files: Record<string, string>): Record<string, string[]> {
  const program = ts.createProgram(Object.values(files), {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  return Object.fromEntries(
    Object.entries(files).map(([entry, file]) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
      const names = checker.getExportsOfModule(symbol).map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        return `${s.name}${target.flags & ts.SymbolFlags.Value ? "" : " (type)"}`;
      });
      return [entry, names.sort()];
    }),
  );
}

describe("the public surface", () => {
  it("is what surface.json records: the exports map and every entry's exported names", async () => {
    const entries = Object.entries(pkg.exports as Record<string, string | Conditions>).filter(
      ([, v]) => typeof v !== "string",
    );
    const surface = {
      exports: Object.fromEntries(
        Object.entries(pkg.exports as Record<string, string | Conditions>).map(([k, v]) => [
          k,
          withoutTypePaths(v),
        ]),
      ),
      bin: pkg.bin,
      names: exportedNames(
        Object.fromEntries(entries.map(([key, conditions]) => [key, sourceOf(conditions as Conditions)])),
      ),
    };
    await expect(`${JSON.stringify(surface, null, 2)}\n`).toMatchFileSnapshot("./surface.json");
  });
});
