/** What the package tests share: the prepared tarball and consumer project, and ways to run and write in them. */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { beforeAll } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { prepared } from "../helpers/prepared.js";

export const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

/** Runs a command to its end (bounded for a busy machine); never throws. */
export function run(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const res = spawnSync(cmd, args, { encoding: "utf8", timeout: 240_000, ...options });
  return { status: res.status, stdout: String(res.stdout ?? ""), stderr: String(res.stderr ?? "") };
}

export function write(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The package as the global setup (test/setup/package.ts) built, packed and installed it, once for the run. */
export const pack = { tarball: "", files: [] as string[], consumer: "" };
export function usePackedPackage(): void {
  beforeAll(async () => {
    const packed = await prepared("pack");
    Object.assign(pack, packed, { consumer: await prepared("consumer") });
  });
}

/** A consumer file bundled the way a browser app ships it: ESM, minified, names mangled. */
export const bundleForBrowser = (entry: string) =>
  build({
    absWorkingDir: pack.consumer,
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
