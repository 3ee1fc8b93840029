/** The breaking-change gate (npm run spec:diff) and the release step, on scratch copies of the repo. */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { raisesBreakingBoundary, specDiff } from "../../scripts/spec-diff.js";
import { release } from "../../scripts/release.js";
import { repoRoot } from "../../scripts/spec.js";

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of what the gate reads, with the spec changed by `edit` and the version set. */
function copy(edit: (spec: string) => string = (s) => s, version = "0.1.0"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cba-diff-"));
  scratch.push(dir);
  for (const part of [
    "openapi",
    "redocly.yaml",
    ".redocly.lint-ignore.yaml",
    "CHANGELOG.md",
    "src/core/version.ts",
  ]) {
    cpSync(path.join(repoRoot, part), path.join(dir, part), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ ...pkg, version }));
  const spec = path.join(dir, "openapi", "openapi.yaml");
  const before = readFileSync(spec, "utf8");
  const after = edit(before);
  writeFileSync(spec, after);
  return dir;
}
/** Replaces one exact piece of the spec, failing loudly if it is not there. */
const replace = (from: string, to: string) => (spec: string) => {
  expect(spec).toContain(from);
  return spec.replace(from, to);
};

describe("npm run spec:diff", () => {
  it("passes on the committed tree", () => {
    expect(specDiff(repoRoot).ok).toBe(true);
  });

  it.each<[string, (spec: string) => string]>([
    [
      "a removed response field",
      replace(
        "        participantStatus:\n          type: string\n          description: Whether the customer took part",
        "        participantStatusGone:\n          type: string\n          description: Whether the customer took part",
      ),
    ],
    [
      "a new required request field",
      replace(
        "      required:\n        - customerId\n        - classSlotId\n",
        "      required:\n        - customerId\n        - classSlotId\n        - studioId\n",
      ),
    ],
    [
      "a narrowed request type",
      replace(
        "        format: int32\n        default: 50\n        minimum: 10\n        maximum: 100",
        "        format: int32\n        default: 50\n        minimum: 10\n        maximum: 50",
      ),
    ],
  ])("fails on %s when the version is not raised, and passes once it is", (_name, edit) => {
    const held = specDiff(copy(edit));
    expect(held.ok).toBe(false);
    expect(held.report).toMatch(
      /^spec:diff: FAILED: \d+ breaking changes since 0\.1\.0, but the version 0\.1\.0 keeps compatibility with 0\.1\.0/,
    );
    expect(specDiff(copy(edit, "0.2.0")).ok).toBe(true);
    expect(specDiff(copy(edit, "0.1.1")).ok).toBe(false);
  });

  it.each<[string, (spec: string) => string]>([
    [
      "an added optional response field",
      replace(
        "        bookable:\n          type: boolean\n",
        "        room:\n          type: string\n          description: Where it takes place.\n        bookable:\n          type: boolean\n",
      ),
    ],
    [
      "a new value in a response enum (the API adds them over time)",
      replace(
        "            - CANCELED\n          x-enumDescriptions:\n            BOOKED:",
        "            - CANCELED\n            - EXPIRED\n          x-enumDescriptions:\n            BOOKED:",
      ),
    ],
  ])("passes on %s", (_name, edit) => {
    const result = specDiff(copy(edit));
    // A verdict, not a warning: it says it passed, and what the next release is.
    expect(result.report).toMatch(
      /^spec:diff: passed: no breaking change since 0\.1\.0; the next release is (minor|a patch) \(\d+ changes?\)\.$/,
    );
    expect(result.ok).toBe(true);
  });
});

describe("breaking boundaries", () => {
  it.each<[string, string, boolean]>([
    ["0.1.0", "0.2.0", true],
    ["0.1.0", "0.1.5", false],
    ["0.1.0", "1.0.0", true],
    ["0.0.3", "0.0.4", true],
    ["1.4.2", "1.9.0", false],
    ["1.4.2", "2.0.0", true],
    ["2.0.0", "1.9.9", false],
  ])("%s -> %s: %s", (prev, next, raised) => expect(raisesBreakingBoundary(prev, next)).toBe(raised));
});

describe("the release step (npm version)", () => {
  it("refuses a version that CHANGELOG.md does not describe", () => {
    const dir = copy(undefined, "0.2.0");
    expect(() => release(dir)).toThrow(/CHANGELOG\.md has no section "## \[0\.2\.0\] - YYYY-MM-DD"/);
  });

  it("records the spec as the new baseline and writes the version into src/core/version.ts", () => {
    const dir = copy(
      replace(
        "        bookable:\n          type: boolean\n",
        "        room:\n          type: string\n          description: Where it takes place.\n        bookable:\n          type: boolean\n",
      ),
      "0.2.0",
    );
    const log = path.join(dir, "CHANGELOG.md");
    writeFileSync(
      log,
      readFileSync(log, "utf8").replace("## [Unreleased]", "## [Unreleased]\n\n## [0.2.0] - 2026-12-01"),
    );
    release(dir);
    expect(readFileSync(path.join(dir, "openapi", "released", "openapi.yaml"), "utf8")).toBe(
      readFileSync(path.join(dir, "openapi", "openapi.yaml"), "utf8"),
    );
    expect(
      JSON.parse(readFileSync(path.join(dir, "openapi", "released", "release.json"), "utf8")),
    ).toMatchObject({ version: "0.2.0" });
    expect(readFileSync(path.join(dir, "src", "core", "version.ts"), "utf8")).toContain('VERSION = "0.2.0"');
  });
});
