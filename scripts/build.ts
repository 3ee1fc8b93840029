/**
 * Writes dist/: the library as ES module and CommonJS (esbuild), type declarations for each
 * (tsc), and the class-booking-mock command.
 *
 *   dist/index.js, dist/mock.js        ES modules (shared and lazy code in dist/chunks/)
 *   dist/index.cjs, dist/mock.cjs      CommonJS
 *   dist/types/                        declarations, read as ESM (the package is "type": "module")
 *   dist/types-cjs/                    the same declarations, read as CommonJS (own package.json)
 *   dist/bin/class-booking-mock.js     the CLI
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, type BuildOptions } from "esbuild";
import { repoRoot } from "./spec.js";

const dist = path.join(repoRoot, "dist");
const common: BuildOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  target: "es2022",
  external: ["openapi-fetch", "node:*"],
  logLevel: "warning",
};

export async function buildAll(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  const entries = { index: "src/index.ts", mock: "src/mock.ts" };
  await Promise.all([
    // Code splitting keeps lazily loaded parts (client.raw and openapi-fetch) in chunks of their
    // own, which a consumer's bundler fetches only when they are used.
    build({ ...common, entryPoints: entries, outdir: dist, format: "esm", platform: "neutral", splitting: true, chunkNames: "chunks/[name]-[hash]" }),
    build({ ...common, entryPoints: { index: entries.index }, outdir: dist, format: "cjs", platform: "neutral", outExtension: { ".js": ".cjs" } }),
    build({
      ...common,
      entryPoints: { mock: entries.mock },
      outdir: dist,
      format: "cjs",
      platform: "node",
      outExtension: { ".js": ".cjs" },
      // mock.ts finds the packaged spec from import.meta.url, which CommonJS does not have.
      define: { "import.meta.url": "__importMetaUrl" },
      banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    }),
    build({
      ...common,
      entryPoints: { "class-booking-mock": "scripts/mock-cli.ts" },
      outdir: path.join(dist, "bin"),
      format: "esm",
      platform: "node",
      target: "node20",
    }),
  ]);

  const tsc = spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  // tsc does not copy hand-placed .d.ts files; the generated schema types are one.
  mkdirSync(path.join(dist, "types", "generated"), { recursive: true });
  copyFileSync(path.join(repoRoot, "generated", "schema.d.ts"), path.join(dist, "types", "generated", "schema.d.ts"));
  cpSync(path.join(dist, "types"), path.join(dist, "types-cjs"), { recursive: true });
  writeFileSync(path.join(dist, "types-cjs", "package.json"), '{ "type": "commonjs" }\n');
}

await buildAll();
console.log("wrote dist/");
