/**
 * Writes dist/: every entry as ES module and CommonJS (esbuild), type declarations for each
 * (tsc), and the class-booking-mock command.
 *
 *   dist/<entry>.js           ES modules; shared and lazily loaded code in dist/chunks/
 *   dist/<entry>.cjs          CommonJS; secondary entries take the error classes from index.cjs
 *   dist/types/               declarations, read as ESM (the package is "type": "module")
 *   dist/types-cjs/           the same declarations, read as CommonJS (own package.json)
 *   dist/bin/class-booking-mock.js     the CLI
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import pkg from "../package.json" with { type: "json" };
import { BINS, ENTRIES, typesVersionsFor, type Entry } from "./entries.js";
import { repoRoot } from "./spec.js";

const dist = path.join(repoRoot, "dist");

/** What the package leaves to its users' installs: its dependency and its optional peers. */
export const EXTERNAL = ["openapi-fetch", "msw", "@opentelemetry/api", "@stoplight/prism-cli"];

const common: BuildOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  target: "es2022",
  external: [...EXTERNAL, "node:*"],
  logLevel: "warning",
};

/**
 * The error classes must be one set across entries, or `instanceof ClassBookingError` would fail
 * for an error from class-booking-api/validate. The ES module build shares them through a chunk;
 * the CommonJS build of every other entry requires them from index.cjs.
 */
const errorsFromMainEntry: Plugin = {
  name: "errors-from-main-entry",
  setup(b) {
    const errors = path.join(repoRoot, "src", "core", "errors.ts");
    b.onResolve({ filter: /errors\.js$/ }, (args) =>
      path.resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")) === errors
        ? { path: "./index.cjs", external: true }
        : undefined,
    );
  },
};

function cjs({ name, source, node }: Entry): Promise<unknown> {
  return build({
    ...common,
    entryPoints: { [name]: source },
    outdir: dist,
    format: "cjs",
    platform: node ? "node" : "neutral",
    outExtension: { ".js": ".cjs" },
    plugins: name === "index" ? [] : [errorsFromMainEntry],
    // Files that find their way from import.meta.url need it in CommonJS too.
    ...(node && {
      define: { "import.meta.url": "__importMetaUrl" },
      banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    }),
  });
}

export async function buildAll(): Promise<void> {
  const typesVersions = typesVersionsFor();
  if (JSON.stringify(pkg.typesVersions) !== JSON.stringify(typesVersions)) {
    throw new Error(
      `package.json: typesVersions must follow exports; set it to ${JSON.stringify(typesVersions)}`,
    );
  }
  // Everything but the docs page, which scripts/docs.ts builds into dist/docs on its own schedule
  // (npm start, the docs tests): a build of the package must not pull it away under them.
  for (const entry of existsSync(dist) ? readdirSync(dist) : [])
    if (entry !== "docs") rmSync(path.join(dist, entry), { recursive: true, force: true });
  await Promise.all([
    // Code splitting keeps shared code (the error classes) in one chunk, and lazily loaded parts
    // (client.raw and openapi-fetch) in chunks a consumer's bundler fetches only when used.
    build({
      ...common,
      entryPoints: Object.fromEntries(ENTRIES.map(({ name, source }) => [name, source])),
      outdir: dist,
      format: "esm",
      platform: "neutral",
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
    }),
    ...ENTRIES.map(cjs),
    ...BINS.map(({ name, output, source }) =>
      build({
        ...common,
        entryPoints: { [name]: source },
        outdir: path.join(repoRoot, path.dirname(output)),
        format: "esm",
        platform: "node",
        target: "node20",
      }),
    ),
  ]);

  // Declarations of every entry: tsconfig.build.json's settings, the entries' sources as its files.
  const config = path.join(dist, "tsconfig.types.json");
  writeFileSync(
    config,
    JSON.stringify({ extends: "../tsconfig.build.json", files: ENTRIES.map(({ source }) => `../${source}`) }),
  );
  const tsc = spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", config], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  rmSync(config);
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  // tsc does not copy hand-placed .d.ts files; the generated schema types are one.
  mkdirSync(path.join(dist, "types", "generated"), { recursive: true });
  copyFileSync(
    path.join(repoRoot, "generated", "schema.d.ts"),
    path.join(dist, "types", "generated", "schema.d.ts"),
  );
  cpSync(path.join(dist, "types"), path.join(dist, "types-cjs"), { recursive: true });
  writeFileSync(path.join(dist, "types-cjs", "package.json"), '{ "type": "commonjs" }\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(repoRoot, "scripts", "build.ts")) {
  await buildAll();
  console.log("wrote dist/");
}
