/**
 * The tarball as users get it (packed once for the run by test/setup/package.ts): what it holds,
 * what its entries load, publint and @arethetypeswrong/cli, and what installing it pulls in.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { prepared } from "../helpers/prepared.js";
import pkg from "../../package.json" with { type: "json" };
import { bin, pack, run, usePackedPackage } from "./packed.js";

usePackedPackage();

describe("the pack.tarball", () => {
  it("holds only what users need: dist, the spec, generated, README with its guides and examples, CHANGELOG, LICENSE", () => {
    for (const file of pack.files) {
      expect(file, file).toMatch(
        /^(dist\/|openapi\/openapi\.yaml$|generated\/|README\.md$|docs\/[\w-]+\.md$|examples\/|CHANGELOG\.md$|LICENSE$|package\.json$)/,
      );
      expect(file, file).not.toMatch(/\.map$|^test\/|^scripts\/|^dist\/docs\//);
      // The package's own tests stay out; the vitest example's test files are the example.
      if (!file.startsWith("examples/vitest/")) expect(file, file).not.toMatch(/\.test\./);
    }
    // Every file README links to is in the package, so its links work where npm shows it.
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const linked = [...readme.matchAll(/\]\(((?:docs|examples)\/[^)#\s]*)/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(5);
    for (const target of linked)
      expect(
        pack.files.some((f) => f === target || f.startsWith(target.endsWith("/") ? target : `${target}/`)),
        target,
      ).toBe(true);
    expect(pack.files).toEqual(
      expect.arrayContaining([
        "dist/index.js",
        "dist/index.cjs",
        "dist/mock.js",
        "dist/validate.js",
        "dist/validate.cjs",
        "dist/bin/class-booking-mock.js",
        "openapi/openapi.yaml",
      ]),
    );
  });

  it("keeps Node built-ins out of the main entry (Deno, Bun and browsers load it too)", () => {
    for (const file of ["dist/index.js", "dist/index.cjs"]) {
      const code = readFileSync(path.join(repoRoot, file), "utf8");
      expect(code, file).not.toMatch(
        /["']node:|require\(["'](fs|path|url|http|https|child_process|net|os|util)["']\)/,
      );
    }
  });

  it("loads openapi-fetch only in the lazy client.raw chunk of the ES module build", () => {
    const importers = readdirSync(path.join(repoRoot, "dist", "chunks"))
      .map((file) => `dist/chunks/${file}`)
      .concat("dist/index.js")
      .filter((file) => /from\s*["']openapi-fetch["']/.test(readFileSync(path.join(repoRoot, file), "utf8")));
    expect(importers).toHaveLength(1);
    expect(importers[0]).toMatch(/^dist\/chunks\/raw-/);
    expect(readFileSync(path.join(repoRoot, "dist", "index.js"), "utf8")).toMatch(
      /import\(["']\.\/chunks\/raw-/,
    );
  });

  it("the main entry never loads an optional peer: no OpenTelemetry, MSW or Prism in it or its chunks", () => {
    const files = [
      "dist/index.js",
      "dist/index.cjs",
      ...readdirSync(path.join(repoRoot, "dist", "chunks")).map((f) => `dist/chunks/${f}`),
    ];
    for (const file of files)
      expect(readFileSync(path.join(repoRoot, file), "utf8"), file).not.toMatch(
        /@opentelemetry|["']msw|prism-cli/,
      );
  });

  it("passes publint with no warning", () => {
    const res = run(bin("publint"), ["run", pack.tarball, "--strict", "--level", "suggestion"]);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain("All good!");
  });

  it("passes @arethetypeswrong/cli with no problem", () => {
    // ./openapi.yaml is a data file, not a module: there are no types to resolve for it.
    const res = run(bin("attw"), [
      pack.tarball,
      "--exclude-entrypoints",
      "./openapi.yaml",
      "--format",
      "ascii",
    ]);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain("No problems found");
  });

  it("has openapi-fetch as its only runtime dependency, and pulls in none of its optional peers (Prism, MSW, OpenTelemetry)", async () => {
    expect(Object.keys(pkg.dependencies)).toEqual(["openapi-fetch"]);
    const app = await prepared("client-only");
    const res = run("npm", ["ls", "--omit=dev", "--omit=optional", "--omit=peer", "--all", "--json"], {
      cwd: app,
    });
    type Tree = { version?: string; dependencies?: Record<string, Tree> };
    const tree = JSON.parse(res.stdout) as Tree;
    const deps = Object.entries(tree.dependencies?.["class-booking-api"]?.dependencies ?? {});
    // npm ls names the optional peer it did not install as an empty entry with no version.
    expect(deps.filter(([, d]) => d.version).map(([name]) => name)).toEqual(["openapi-fetch"]);
    expect(
      deps
        .filter(([, d]) => !d.version)
        .map(([name]) => name)
        .sort(),
    ).toEqual(["@opentelemetry/api", "@stoplight/prism-cli", "msw"]);
    expect(readdirSync(path.join(app, "node_modules"))).not.toContain("@opentelemetry");
    expect(readdirSync(path.join(app, "node_modules"))).not.toContain("@stoplight");
    expect(readdirSync(path.join(app, "node_modules"))).not.toContain("msw");
  });
});
