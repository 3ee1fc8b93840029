import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";

// A scratch copy of the parts generate.ts reads and writes, so the real tree is never touched.
const work = mkdtempSync(path.join(tmpdir(), "cba-gen-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
for (const dir of ["package.json", "openapi", "generated", "scripts"]) {
  cpSync(path.join(repoRoot, dir), path.join(work, dir), { recursive: true });
}
symlinkSync(path.join(repoRoot, "node_modules"), path.join(work, "node_modules"), "dir");

const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
const check = () =>
  spawnSync(tsx, ["scripts/generate.ts", "--check"], { cwd: work, encoding: "utf8", timeout: 60_000 });

describe("generate:check", () => {
  it("passes on the committed tree", () => {
    const res = check();
    expect(res.status, res.stderr).toBe(0);
  });

  it("fails naming the stale file when an enum value changes without regenerating", () => {
    const spec = path.join(work, "openapi", "openapi.yaml");
    const original = readFileSync(spec, "utf8");
    expect(original).toContain("- WAITING_LIST");
    writeFileSync(spec, original.replace("- WAITING_LIST", "- WAITLISTED"));
    const res = check();
    writeFileSync(spec, original);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("stale: generated/schema.d.ts");
    expect(res.stderr).toContain("npm run generate");
  });

  it("fails naming operations.ts when an operation's parameters change", () => {
    const spec = path.join(work, "openapi", "openapi.yaml");
    const original = readFileSync(spec, "utf8");
    writeFileSync(spec, original.replace("name: daysAhead", "name: daysAfter"));
    const res = check();
    writeFileSync(spec, original);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("stale: generated/operations.ts");
  });

  it.each(["schema.d.ts", "operations.ts", "docs.ts"])(
    "generated/%s starts with the generated-from header",
    (name) => {
      const file = readFileSync(path.join(repoRoot, "generated", name), "utf8");
      expect(file.split("\n").slice(0, 3).join("\n")).toMatch(/GENERATED FILE[\s\S]*openapi\/openapi\.yaml/);
    },
  );
});
