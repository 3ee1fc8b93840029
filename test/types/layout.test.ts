/**
 * The rules of the source tree: the core imports nothing outside the core, an entry imports the
 * core and its own files but never another entry, the command line tools import entries only by
 * their public index, and package.json's typesVersions follow its exports (the one list of entries).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { ENTRIES, typesVersionsFor } from "../../scripts/entries.js";
import { repoRoot } from "../../scripts/spec.js";

const src = path.join(repoRoot, "src");
const files = readdirSync(src, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join("src", f));
const IMPORT = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** Every relative import between folders of src/: [importer, imported]. */
const edges = files.flatMap((file) =>
  [...readFileSync(path.join(repoRoot, file), "utf8").matchAll(IMPORT)]
    .map(([, specifier]) => path.normalize(path.join(path.dirname(file), specifier!)))
    .filter((target) => target.startsWith(`src${path.sep}`))
    .map((target) => [file, target] as const),
);
const folder = (file: string) => file.split(path.sep)[1]!;

describe("the source tree", () => {
  it("has one folder per entry, each with an index.ts, beside core/ and cli/", () => {
    const entryFolders = ENTRIES.map((e) => folder(e.source)).sort();
    expect(
      ENTRIES.every((e) => e.source.endsWith(`${path.sep}index.ts`) || e.source.endsWith("/index.ts")),
    ).toBe(true);
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...entryFolders, "cli", "core"].sort());
    expect(readdirSync(src).filter((name) => name.endsWith(".ts"))).toEqual([]);
  });

  it("gives each entry an index.ts that only exports", () => {
    for (const { source } of ENTRIES) {
      const code = readFileSync(path.join(repoRoot, source), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      const statements = code
        .split(/;\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean);
      expect(
        statements.filter((s) => !/^export (type )?(\*|\{)[\s\S]*from\s+"[^"]+"$/.test(s)),
        source,
      ).toEqual([]);
    }
  });

  it("keeps the core free of entries", () => {
    expect(edges.filter(([from, to]) => folder(from) === "core" && folder(to) !== "core")).toEqual([]);
  });

  it("lets an entry import the core and its own files, never another entry", () => {
    expect(
      edges.filter(
        ([from, to]) =>
          !["core", "cli"].includes(folder(from)) && folder(to) !== folder(from) && folder(to) !== "core",
      ),
    ).toEqual([]);
  });

  it("lets the command line tools use an entry only through its public index", () => {
    const entryIndexes = new Set(ENTRIES.map((e) => path.normalize(e.source.replace(/\.ts$/, ".js"))));
    expect(
      edges.filter(
        ([from, to]) =>
          folder(from) === "cli" && !["core", "cli"].includes(folder(to)) && !entryIndexes.has(to),
      ),
    ).toEqual([]);
  });

  it("derives typesVersions from exports", () => {
    expect(pkg.typesVersions).toEqual(typesVersionsFor());
  });
});
