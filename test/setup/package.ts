/**
 * Global setup of the "package" tests (test/package, test/runtimes): builds dist/ when it is
 * older than its sources, packs the tarball once, installs it into a consumer project once, and
 * makes sure the other runtimes are in the machine's cache. It starts these steps and returns at
 * once, so the rest of the suite runs meanwhile; the tests wait for the outcome they need.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import pkg from "../../package.json" with { type: "json" };
import { repoRoot } from "../../scripts/spec.js";
import { ensureRuntimes } from "./runtimes.js";
import { command, record, running, STEP_TIMEOUT_MS } from "./steps.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder where the package setup writes each step's outcome. */
    preparedDir: string;
  }
}

/** What the tests read from the package steps. */
export interface Packed {
  tarball: string;
  /** The files in the tarball, relative to the package root. */
  files: string[];
}

/** The newest modification time of any file below `dir`. */
function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs),
  );
}

/** dist/ is built from these; .ci/run builds first, a plain `npm test` after a change builds here. */
function distIsStale(): boolean {
  let built = 0;
  try {
    built = statSync(path.join(repoRoot, "dist", "index.js")).mtimeMs;
  } catch {
    return true;
  }
  const sources = ["src", "generated", "scripts"].map((dir) => newest(path.join(repoRoot, dir)));
  return Math.max(...sources, statSync(path.join(repoRoot, "package.json")).mtimeMs) > built;
}

async function install(step: string, dir: string, packages: string[]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: path.basename(dir), private: true, type: "module" }),
  );
  await command(
    step,
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", ...packages],
    dir,
    STEP_TIMEOUT_MS.consumer,
  );
  return dir;
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "cba-prepared-"));
  project.provide("preparedDir", dir);

  const packed = (async () => {
    await record(dir, "build", async () => {
      if (distIsStale())
        await command("build", "npm", ["run", "-s", "build"], repoRoot, STEP_TIMEOUT_MS.build);
      return true;
    });
    return record(dir, "pack", async (): Promise<Packed> => {
      const out = await command(
        "pack",
        "npm",
        ["pack", "--ignore-scripts", "--json", "--pack-destination", dir],
        repoRoot,
        STEP_TIMEOUT_MS.pack,
      );
      const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
      return { tarball: path.join(dir, info!.filename), files: info!.files.map((f) => f.path) };
    });
  })();
  const steps = Promise.all([
    packed.then((p) =>
      Promise.all([
        // A consumer project with the optional peers the tests use (Prism for the mock, MSW).
        record(dir, "consumer", () => {
          if (!p.ok) throw new Error(`no tarball: ${p.error}`);
          const peers = [
            `@stoplight/prism-cli@${pkg.devDependencies["@stoplight/prism-cli"]}`,
            `msw@${pkg.devDependencies.msw}`,
          ];
          return install("consumer", path.join(dir, "consumer"), [p.value.tarball, ...peers]);
        }),
        // An app that installs only the package: what it pulls in.
        record(dir, "client-only", () => {
          if (!p.ok) throw new Error(`no tarball: ${p.error}`);
          return install("client-only", path.join(dir, "client-only"), [p.value.tarball]);
        }),
      ]),
    ),
    record(dir, "runtimes", ensureRuntimes),
  ]);

  return async () => {
    // Tests that ended early leave steps running: stop them, then clean up.
    for (const child of running) child.kill("SIGKILL");
    await steps;
    rmSync(dir, { recursive: true, force: true });
  };
}
