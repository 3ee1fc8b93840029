/**
 * npm test's first step: the checks that need no test runner, side by side (they are independent
 * and mostly wait on one core each): the spec's lint, the code's format (Prettier), unused files,
 * exports and dependencies (knip), generated/ in step with the spec, the breaking-change gate, and
 * the type check. Each one's output is printed whole, in this order, once all have ended; the step
 * fails when any of them does, naming it.
 *
 *   tsx scripts/checks.ts
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { repoRoot } from "./spec.js";

const CHECKS = ["lint:spec", "format:check", "knip", "generate:check", "spec:diff", "typecheck"] as const;

function run(
  script: string,
): Promise<{ script: string; code: number | null; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("error", (error) => (output += String(error)));
    child.once("close", (code) => resolve({ script, code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

export async function runChecks(): Promise<number> {
  const results = await Promise.all(CHECKS.map(run));
  for (const { script, code, output, seconds } of results) {
    process.stdout.write(
      `\n> npm run ${script} (${code === 0 ? "passed" : `FAILED with exit code ${code}`}, ${seconds.toFixed(1)} s)\n${output.trimEnd()}\n`,
    );
  }
  const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
  if (failed.length) process.stderr.write(`\nchecks: failed: ${failed.join(", ")}\n`);
  return failed.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await runChecks();
}
