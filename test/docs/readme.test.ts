/** Every TypeScript block of README.md type-checks under strict settings, against the package's own entries. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { TSC_TEST_TIMEOUT_MS, typecheck } from "../helpers/typecheck.js";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
// Inside the repository (and ignored by git), so that vitest, msw and redis resolve as they would for a user.
mkdirSync(path.join(repoRoot, ".vitest-tmp"), { recursive: true });
const work = mkdtempSync(path.join(repoRoot, ".vitest-tmp", "readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const check = (files: Record<string, string>) => typecheck(work, files);

describe("README.md", () => {
  it("has TypeScript blocks for every part a user reads about", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const entry of ["validate", "sandbox", "msw", "webhooks", "tracing", "redis", "mock"]) {
      expect(
        blocks.some((b) => b.includes(`"class-booking-api/${entry}"`)),
        entry,
      ).toBe(true);
    }
  });

  // One compile for both checks below: every block, and a copy of the quick start made wrong.
  let compiled: ReturnType<typeof check> | undefined;
  const compile = () => {
    const quickStart = blocks.find((b) =>
      b.includes("client.bookClassSlot({ customerId: 203, classSlotId: 20334 })"),
    )!;
    const wrong = quickStart.replace("classSlotId: 20334 })", 'classSlotId: "20334" })');
    return (compiled ??= check({
      ...Object.fromEntries(blocks.map((code, i) => [`block${i + 1}.ts`, code])),
      "wrong.ts": wrong,
    }));
  };
  const errorsOutside = (file: string) =>
    compile()
      .stdout.split("\n")
      .filter((line) => /error TS\d+/.test(line) && !line.includes(`${file}(`));

  it(
    "every TypeScript block type-checks strictly",
    () => {
      expect(errorsOutside("wrong.ts"), compile().stdout + compile().stderr).toEqual([]);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it(
    "the check would catch a block that is wrong",
    () => {
      const res = compile();
      expect(res.status).not.toBe(0);
      expect(res.stdout).toMatch(/wrong\.ts\(\d+,\d+\): error TS2322/);
    },
    TSC_TEST_TIMEOUT_MS,
  );
});
