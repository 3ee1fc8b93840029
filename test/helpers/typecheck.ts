/** Type-checks files the way a user's strict project would, against this package's own entries. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sourcePaths } from "../../scripts/entries.js";
import { repoRoot } from "../../scripts/spec.js";

/** How long one strict tsc run may take: seconds on a quiet machine, minutes on a busy one. */
export const TSC_TIMEOUT_MS = 200_000;
/** The timeout of a test that runs tsc (once, or twice when it also checks that an error is caught). */
export const TSC_TEST_TIMEOUT_MS = 2 * TSC_TIMEOUT_MS + 20_000;

/** Writes `files` into `dir` with a strict tsconfig whose `class-booking-api[/entry]` imports are the sources, and runs tsc. */
export function typecheck(dir: string, files: Record<string, string>) {
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(dir, name), source);
  const paths = sourcePaths();
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["es2022", "dom", "dom.iterable"],
        types: ["node"],
        typeRoots: [path.join(repoRoot, "node_modules", "@types")],
        paths,
        skipLibCheck: true,
      },
      files: Object.keys(files),
    }),
  );
  const res = spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", dir], {
    encoding: "utf8",
    timeout: TSC_TIMEOUT_MS,
  });
  // A run stopped by the timeout says so, instead of failing with tsc's partial output.
  const slow = res.error
    ? `\ntsc did not finish within ${TSC_TIMEOUT_MS / 1000} s (${res.error.message})`
    : "";
  return { status: res.status, stdout: `${res.stdout ?? ""}${slow}`, stderr: res.stderr ?? "" };
}
