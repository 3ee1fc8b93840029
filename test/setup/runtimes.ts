/**
 * The other runtimes the matrix test runs the package on (Node 22 and 24, Bun, Deno), installed
 * from npm with `npm ci` into a cache of this machine, outside the checkout, keyed by a hash of
 * runtimes/package-lock.json: the first run downloads them (about 570 MB), every later run on the
 * machine reuses them, and the checkout stays as it was.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { repoRoot } from "../../scripts/spec.js";
import { command, STEP_TIMEOUT_MS } from "./steps.js";

const source = path.join(repoRoot, "runtimes");

/** Where runtimes are cached: CLASS_BOOKING_RUNTIMES_CACHE, else $XDG_CACHE_HOME or ~/.cache, then class-booking-api. */
export function runtimesCache(): string {
  const base =
    process.env.CLASS_BOOKING_RUNTIMES_CACHE ??
    path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "class-booking-api");
  return path.resolve(base);
}

/** The folder for this lock file's runtimes. */
export function runtimesDir(): string {
  const hash = createHash("sha256")
    .update(readFileSync(path.join(source, "package.json")))
    .update(readFileSync(path.join(source, "package-lock.json")))
    .digest("hex")
    .slice(0, 12);
  return path.join(runtimesCache(), `runtimes-${hash}`);
}

/** Installs the runtimes into the cache when they are not there yet; resolves with their node_modules folder. */
export async function ensureRuntimes(): Promise<string> {
  const dir = runtimesDir();
  const done = path.join(dir, ".complete");
  if (!existsSync(done)) {
    // Installed beside the final folder, then renamed into place: a run that is stopped halfway,
    // or two runs at once, never leave a half-installed cache behind.
    const temporary = `${dir}.partial-${process.pid}`;
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    for (const file of ["package.json", "package-lock.json"])
      copyFileSync(path.join(source, file), path.join(temporary, file));
    try {
      // The runtimes' own install scripts fetch their binaries: runtimes/package.json allows them.
      await command(
        "runtimes",
        "npm",
        ["ci", "--no-audit", "--no-fund"],
        temporary,
        STEP_TIMEOUT_MS.runtimes,
      );
      writeFileSync(path.join(temporary, ".complete"), new Date().toISOString());
      if (!existsSync(done)) {
        rmSync(dir, { recursive: true, force: true });
        renameSync(temporary, dir);
      }
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
    // Runtimes of older lock files are not used again.
    for (const old of readdirSync(runtimesCache())) {
      const full = path.join(runtimesCache(), old);
      if (old.startsWith("runtimes-") && full !== dir && !old.includes(".partial-"))
        rmSync(full, { recursive: true, force: true });
    }
  }
  return path.join(dir, "node_modules");
}
