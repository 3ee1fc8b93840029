/** Every TypeScript block of README.md type-checks under strict settings, against the package's own entries. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENTRIES } from "../../scripts/build.js";
import { repoRoot } from "../../scripts/spec.js";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
// Inside the repository (and ignored by git), so that vitest, msw and redis resolve as they would for a user.
mkdirSync(path.join(repoRoot, ".vitest-tmp"), { recursive: true });
const work = mkdtempSync(path.join(repoRoot, ".vitest-tmp", "readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function typecheck(files: Record<string, string>) {
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(work, name), source);
  const paths = Object.fromEntries(
    Object.entries(ENTRIES).map(([entry, { source }]) => [entry === "index" ? "class-booking-api" : `class-booking-api/${entry}`, [path.join(repoRoot, source)]]),
  );
  writeFileSync(
    path.join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["es2022", "dom", "dom.iterable"],
        types: ["node"],
        paths,
        skipLibCheck: true,
      },
      files: Object.keys(files),
    }),
  );
  return spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", work], { encoding: "utf8", timeout: 120_000 });
}

describe("README.md", () => {
  it("has TypeScript blocks for every part a user reads about", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const entry of ["validate", "sandbox", "msw", "webhooks", "tracing", "redis", "mock"]) {
      expect(blocks.some((b) => b.includes(`"class-booking-api/${entry}"`)), entry).toBe(true);
    }
  });

  it("every TypeScript block type-checks strictly", () => {
    const res = typecheck(Object.fromEntries(blocks.map((code, i) => [`block${i + 1}.ts`, code])));
    expect(res.status, `${res.stdout}${res.stderr}`).toBe(0);
  });

  it("the check would catch a block that is wrong", () => {
    const quickStart = blocks.find((b) => b.includes("client.bookClassSlot({ customerId: 203, classSlotId: 20334 })"))!;
    const res = typecheck({ "wrong.ts": quickStart.replace("classSlotId: 20334 })", 'classSlotId: "20334" })') });
    expect(res.status).not.toBe(0);
    expect(res.stdout).toMatch(/wrong\.ts\(\d+,\d+\): error TS2322/);
  });
});
