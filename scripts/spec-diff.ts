/**
 * npm run spec:diff: the breaking-change gate. Compares openapi/openapi.yaml with the spec of the
 * last release (openapi/released/openapi.yaml) using `redocly diff`, which rates every change by
 * the semver bump it needs (rules and exceptions in redocly.yaml, `diff:`). Fails when a change
 * is breaking and the package's version was not raised past a breaking boundary since that release.
 *
 *   tsx scripts/spec-diff.ts [--root DIR]
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./spec.js";

export interface Change {
  impact: "major" | "minor" | "patch";
  path: string;
  verdicts: Array<{ ruleId: string; impact: string; message: string }>;
}

/**
 * Whether `next` is past a breaking boundary of `prev` in semver terms: a higher major, or
 * while the major is 0 (where anything may change), a higher minor, or at 0.0.x a higher patch.
 */
export function raisesBreakingBoundary(prev: string, next: string): boolean {
  const [a, b] = [prev, next].map((v) => v.split(/[.+-]/).slice(0, 3).map(Number)) as [number[], number[]];
  const position = a[0]! > 0 ? 0 : a[1]! > 0 ? 1 : 2;
  for (let i = 0; i < position; i++) if (b[i]! !== a[i]!) return b[i]! > a[i]!;
  return b[position]! > a[position]!;
}

export function specDiff(root = repoRoot): { ok: boolean; report: string } {
  const released = JSON.parse(
    readFileSync(path.join(root, "openapi", "released", "release.json"), "utf8"),
  ) as { version: string; spec: string };
  const version = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string })
    .version;
  const redocly = path.join(root, "node_modules", ".bin", "redocly");
  const res = spawnSync(
    redocly,
    [
      "diff",
      released.spec,
      "openapi/openapi.yaml",
      "--format",
      "json",
      "--fail-on",
      "none",
      "--config",
      "redocly.yaml",
    ],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  if (res.error || res.status !== 0)
    throw new Error(`redocly diff failed: ${res.error?.message ?? ""}${res.stderr}`);
  const { bump, changes } = JSON.parse(res.stdout) as { bump: string; changes: Change[] };
  const breaking = changes.filter((c) => c.impact === "major");
  const lines = breaking.flatMap((c) =>
    c.verdicts.length
      ? c.verdicts.map((v) => `  - ${v.message} (${v.ruleId}, at ${c.path})`)
      : [`  - ${c.path}`],
  );
  const raised = raisesBreakingBoundary(released.version, version);
  const counted = `${changes.length} change${changes.length === 1 ? "" : "s"}`;
  const next =
    bump === "none" || !changes.length
      ? "the spec has not changed"
      : `the next release is ${bump === "patch" ? "a patch" : bump} (${counted})`;
  if (!breaking.length)
    return { ok: true, report: `spec:diff: passed: no breaking change since ${released.version}; ${next}.` };
  if (raised) {
    return {
      ok: true,
      report: `spec:diff: passed: ${breaking.length} breaking since ${released.version}, and the version ${version} says so; ${next}:\n${lines.join("\n")}`,
    };
  }
  return {
    ok: false,
    report: [
      `spec:diff: FAILED: ${breaking.length} breaking changes since ${released.version}, but the version ${version} keeps compatibility with ${released.version}:`,
      ...lines,
      "Undo them, or raise the version past a breaking boundary (npm version major; minor while 0.x) and say why in CHANGELOG.md.",
    ].join("\n"),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf("--root");
  const { ok, report } = specDiff(at > 0 ? path.resolve(process.argv[at + 1]!) : repoRoot);
  (ok ? console.log : console.error)(report);
  process.exitCode = ok ? 0 : 1;
}
