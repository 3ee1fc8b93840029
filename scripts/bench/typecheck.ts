/** What the types cost: `tsc --noEmit` on a file that calls every operation, ours vs bare openapi-fetch. */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { operationRows } from "../operations.js";
import { exampleInput, loadSpec, operations as specOperations, repoRoot } from "../spec.js";
import { median } from "./stats.js";

const dir = path.join(repoRoot, "bench", ".typecheck");

function consumers(): { client: string; bare: string } {
  const spec = loadSpec();
  const client = [
    'import { createClassBookingClient } from "class-booking-api";',
    'const c = createClassBookingClient({ baseUrl: "https://x.example", apiKey: "k" });',
    "export async function all() {",
  ];
  const bare = [
    'import createClient from "openapi-fetch";',
    'import type { paths } from "class-booking-api/schema";',
    'const c = createClient<paths>({ baseUrl: "https://x.example" });',
    "export async function all() {",
  ];
  const rows = operationRows(spec);
  for (const { operationId, op } of specOperations(spec)) {
    const input = exampleInput(spec, op);
    const row = rows.get(operationId)!;
    const pick = (names: readonly string[]) =>
      JSON.stringify(Object.fromEntries(names.filter((n) => n in input).map((n) => [n, input[n]])));
    const groups = [
      row.pathParams.length ? `path: ${pick(row.pathParams)}` : "",
      row.queryParams.length ? `query: ${pick(row.queryParams)}` : "",
    ].filter(Boolean);
    const params = groups.length ? `params: { ${groups.join(", ")} }` : "";
    client.push(
      `  const ${operationId} = await c.${operationId}(${JSON.stringify(input)});`,
      `  void ${operationId};`,
    );
    const body = row.bodyFields ? `body: ${pick(row.bodyFields)}` : "";
    bare.push(
      `  const ${operationId} = await c.${row.method}("${row.path}", { ${[params, body].filter(Boolean).join(", ")} });`,
      `  void ${operationId}.data;`,
    );
  }
  return { client: [...client, "}", ""].join("\n"), bare: [...bare, "}", ""].join("\n") };
}

function project(name: string, source: string): string {
  const folder = path.join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "consumer.ts"), source);
  writeFileSync(
    path.join(folder, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["es2022", "dom"],
        types: [],
        paths: {
          "class-booking-api": [path.join(repoRoot, "dist", "types", "src", "client", "index.d.ts")],
          "class-booking-api/schema": [path.join(repoRoot, "generated", "schema.d.ts")],
        },
      },
      files: ["consumer.ts"],
    }),
  );
  return folder;
}

/** Median wall time (ms) of whole `tsc --noEmit` processes, runs interleaved. */
export function typecheckCost(runs = 5): { client: number; bare: number } {
  rmSync(dir, { recursive: true, force: true });
  const sources = consumers();
  const folders = { client: project("client", sources.client), bare: project("bare", sources.bare) };
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  const times = { client: [] as number[], bare: [] as number[] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const who of ["client", "bare"] as const) {
        const start = performance.now();
        const res = spawnSync(process.execPath, [tsc, "-p", folders[who]], { encoding: "utf8" });
        times[who].push(performance.now() - start);
        if (res.status !== 0) throw new Error(`tsc failed for the ${who} consumer:\n${res.stdout}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { client: median(times.client), bare: median(times.bare) };
}
