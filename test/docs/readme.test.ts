/**
 * Every TypeScript block of README.md and of the guides in docs/ type-checks under strict settings,
 * against the package's own entries.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { TSC_TEST_TIMEOUT_MS, typecheck } from "../helpers/typecheck.js";

/** README.md, then every docs/*.md, as paths from the repository's root. */
const documents = [
  "README.md",
  ...readdirSync(path.join(repoRoot, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
/** Each TypeScript block, with the file it is written to: named after its document, so an error says where it is. */
const blocks = documents.flatMap((doc) =>
  [...readFileSync(path.join(repoRoot, doc), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    doc,
    file: `${doc.replace(/\.md$/, "").replace(/\W+/g, "-")}-block${i + 1}.ts`,
    code: m[1]!,
  })),
);
// Inside the repository (and ignored by git), so that vitest, msw and redis resolve as they would for a user.
mkdirSync(path.join(repoRoot, ".vitest-tmp"), { recursive: true });
const work = mkdtempSync(path.join(repoRoot, ".vitest-tmp", "readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const check = (files: Record<string, string>) => typecheck(work, files);

describe("README.md and docs/*.md", () => {
  it("README and docs/ have TypeScript blocks for every part a user reads about", () => {
    expect(documents).toContain("docs/sandbox.md");
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    expect(blocks.filter((b) => b.doc === "README.md").length).toBeGreaterThanOrEqual(1);
    for (const entry of ["validate", "sandbox", "msw", "webhooks", "tracing", "redis", "mock"]) {
      expect(
        blocks.some((b) => b.code.includes(`"class-booking-api/${entry}"`)),
        entry,
      ).toBe(true);
    }
  });

  // One compile for both checks below: every block, and copies of README's quick start and of a
  // guide's first booking made wrong.
  let compiled: ReturnType<typeof check> | undefined;
  const compile = () => {
    const quickStart = blocks.find(
      (b) =>
        b.doc === "README.md" &&
        b.code.includes("client.bookClassSlot({ customerId: 203, classSlotId: 20334 })"),
    )!.code;
    const guide = blocks.find(
      (b) => b.doc.startsWith("docs/") && b.code.includes("classSlotId: 20334 })"),
    )!.code;
    return (compiled ??= check({
      ...Object.fromEntries(blocks.map((b) => [b.file, b.code])),
      "wrong.ts": quickStart.replace("classSlotId: 20334 })", 'classSlotId: "20334" })'),
      "wrong-guide.ts": guide.replace("classSlotId: 20334 })", 'classSlotId: "20334" })'),
    }));
  };
  const errorsOutside = (...files: string[]) =>
    compile()
      .stdout.split("\n")
      .filter((line) => /error TS\d+/.test(line) && !files.some((file) => line.includes(`${file}(`)));

  it(
    "every TypeScript block type-checks strictly",
    () => {
      expect(errorsOutside("wrong.ts", "wrong-guide.ts"), compile().stdout + compile().stderr).toEqual([]);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it(
    "the check would catch a block that is wrong",
    () => {
      const res = compile();
      expect(res.status).not.toBe(0);
      expect(res.stdout).toMatch(/wrong\.ts\(\d+,\d+\): error TS2322/);
      expect(res.stdout).toMatch(/wrong-guide\.ts\(\d+,\d+\): error TS2322/);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it("names each block's file after its document, so an error says where the block is", () => {
    expect(blocks.filter((b) => b.doc.startsWith("docs/")).length).toBeGreaterThanOrEqual(5);
    expect(new Set(blocks.map((b) => b.file)).size).toBe(blocks.length);
    expect(blocks.map((b) => b.file)).toContain("docs-sandbox-block1.ts");
    expect(blocks.map((b) => b.file)).toContain("README-block1.ts");
  });
});
