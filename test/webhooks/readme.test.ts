/**
 * The webhooks guide's receiver runs as written: its block is taken from docs/webhooks.md unchanged and run
 * in a child process, with `class-booking-api/...` resolved to this repository's sources (tsx
 * reads the same `paths` a user's bundler would resolve to the package).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { sourcePaths } from "../../scripts/entries.js";
import { repoRoot } from "../../scripts/spec.js";

// The whole guide is the section README once held (its heading one level up).
const section = readFileSync(path.join(repoRoot, "docs", "webhooks.md"), "utf8");
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
mkdirSync(path.join(repoRoot, ".vitest-tmp"), { recursive: true });
const work = mkdtempSync(path.join(repoRoot, ".vitest-tmp", "readme-webhooks-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a file with tsx, the package's entries mapped to the sources; resolves with its exit code and output. */
function run(file: string): Promise<{ code: number | null; out: string; err: string }> {
  const paths = sourcePaths();
  const tsconfig = path.join(work, "tsconfig.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", paths },
    }),
  );
  const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", loader, file], {
    cwd: work,
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => {
    const guard = setTimeout(() => child.kill("SIGKILL"), 40_000);
    child.on("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, out, err });
    });
  });
}

describe("docs/webhooks.md: Receive events (webhooks)", () => {
  it("has one TypeScript block: the receiver against the sandbox", () => {
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain('from "class-booking-api/webhooks"');
    // Compared with its line breaks as spaces: Prettier decides where the call breaks.
    expect(blocks[0]!.replace(/\s+/g, " ")).toContain(
      "startMockServer({ stateful: true, sandbox: { webhooks:",
    );
  });

  it("the block runs as written: the sandbox's event reaches the handler, which reads the booking from the sandbox, and the process ends by itself", async () => {
    const file = path.join(work, "receiver.ts");
    writeFileSync(file, blocks[0]!);
    const { code, out, err } = await run(file);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out.trim().split("\n")).toEqual(["new booking 2033 for customer 777"]);
  }, 60_000);
});
