/** Type-checks files the way a user's strict project would, against this package's own entries. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ENTRIES } from "../../scripts/build.js";
import { repoRoot } from "../../scripts/spec.js";

/** Writes `files` into `dir` with a strict tsconfig whose `class-booking-api[/entry]` imports are the sources, and runs tsc. */
export function typecheck(dir: string, files: Record<string, string>) {
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(dir, name), source);
  const paths = Object.fromEntries(
    Object.entries(ENTRIES).map(([entry, { source }]) => [entry === "index" ? "class-booking-api" : `class-booking-api/${entry}`, [path.join(repoRoot, source)]]),
  );
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
  return spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", dir], { encoding: "utf8", timeout: 120_000 });
}
