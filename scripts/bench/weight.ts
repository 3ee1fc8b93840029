/** Bundle weight of a browser consumer that makes one call, each way (esbuild, minified ESM). */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { build } from "esbuild";
import { repoRoot } from "../spec.js";
import { EXTERNAL } from "../build.js";
import { ENTRIES } from "../entries.js";
import type { Contender } from "./stats.js";

const CONSUMERS: Record<Contender, string> = {
  fetch: `export async function book(apiKey) {
  const res = await fetch("https://mystudio.open-api.magicline.com/v1/classes/booking/book", {
    method: "POST",
    headers: { "X-API-KEY": apiKey, Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ customerId: 203, classSlotId: 20334 }),
  });
  if (!res.ok) throw new Error("HTTP " + res.status);
  return res.json();
}`,
  "fetch+timeout": `export async function book(apiKey) {
  const res = await fetch("https://mystudio.open-api.magicline.com/v1/classes/booking/book", {
    method: "POST",
    headers: { "X-API-KEY": apiKey, Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ customerId: 203, classSlotId: 20334 }),
    signal: AbortSignal.timeout(30000),
  });
  if (!res.ok) throw new Error("HTTP " + res.status);
  return res.json();
}`,
  "openapi-fetch": `import createClient from "openapi-fetch";
export async function book(apiKey) {
  const client = createClient({ baseUrl: "https://mystudio.open-api.magicline.com", headers: { "X-API-KEY": apiKey } });
  const { data, error } = await client.POST("/v1/classes/booking/book", { body: { customerId: 203, classSlotId: 20334 } });
  if (error) throw new Error("error answer");
  return data;
}`,
  client: `import { createClassBookingClient } from "class-booking-api";
export function book(apiKey) {
  const client = createClassBookingClient({ baseUrl: "https://mystudio.open-api.magicline.com", apiKey });
  return client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
}`,
};

export interface Weight {
  /** What the app loads before its first call: the entry chunk and every chunk it imports statically. */
  minified: number;
  gzip: number;
  /** Minified bytes each source file puts into those chunks (esbuild's metafile), largest first. */
  parts: Array<[string, number]>;
  /** Chunks loaded only when a lazy part is first used (client.raw), gzip bytes. */
  lazyGzip: number;
}

const scratch = path.join(repoRoot, "bench", ".weight");

/**
 * Bundles one consumer the way a browser app ships it: minified ESM, with code splitting, so a
 * dynamic import becomes a chunk that is fetched only when used. `external` modules are left out.
 */
async function weigh(
  name: string,
  contents: string,
  external: string[] = [],
  platform: "browser" | "node" = "browser",
): Promise<Weight> {
  mkdirSync(scratch, { recursive: true });
  const entry = path.join(scratch, `${name.replace(/\W/g, "-")}.js`);
  writeFileSync(entry, contents);
  try {
    const result = await build({
      entryPoints: [entry],
      absWorkingDir: repoRoot,
      bundle: true,
      splitting: true,
      outdir: path.join(scratch, "out"),
      minify: true,
      format: "esm",
      platform,
      target: "es2022",
      write: false,
      // The source entry: the same code as dist/index.js (esbuild builds one from the other),
      // but the metafile can then say which module the bytes come from.
      alias: Object.fromEntries(
        ENTRIES.map(({ specifier, source }) => [specifier, path.join(repoRoot, source)]),
      ),
      external,
      logLevel: "error",
      metafile: true,
    });
    const outputs = result.metafile.outputs;
    const code = new Map(
      result.outputFiles.map((file) => [path.relative(repoRoot, file.path), file.contents]),
    );
    const start = Object.keys(outputs).find((file) => outputs[file]!.entryPoint);
    const eager = new Set<string>();
    for (const queue = [start!]; queue.length;) {
      const file = queue.pop()!;
      if (eager.has(file)) continue;
      eager.add(file);
      for (const imported of outputs[file]!.imports)
        if (imported.kind === "import-statement" && !imported.external) queue.push(imported.path);
    }
    const gzip = (files: string[]) =>
      files.reduce((sum, file) => sum + gzipSync(code.get(file)!, { level: 9 }).length, 0);
    const parts = new Map<string, number>();
    for (const file of eager)
      for (const [input, info] of Object.entries(outputs[file]!.inputs))
        parts.set(input, (parts.get(input) ?? 0) + info.bytesInOutput);
    return {
      minified: [...eager].reduce((sum, file) => sum + code.get(file)!.length, 0),
      gzip: gzip([...eager]),
      parts: [...parts].sort((a, b) => b[1] - a[1]),
      lazyGzip: gzip(Object.keys(outputs).filter((file) => !eager.has(file) && file.endsWith(".js"))),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function weights(): Promise<Record<Contender | "clientOwnCode", Weight>> {
  const out = {} as Record<Contender | "clientOwnCode", Weight>;
  for (const [who, contents] of Object.entries(CONSUMERS) as Array<[Contender, string]>)
    out[who] = await weigh(who, contents);
  // The same client consumer with openapi-fetch left out: what our own code weighs.
  out.clientOwnCode = await weigh("own", CONSUMERS.client, ["openapi-fetch"]);
  return out;
}

/** What one optional entry weighs when an app imports it, and what it adds to the one-call bundle. */
export interface EntryCost {
  entry: string;
  /** The entry's own bundle (everything it exports), gzip bytes. */
  gzip: number;
  /** Bytes of the one-call bundle that come from modules only this entry uses: must be 0. */
  inOneCall: number;
}

/** For every entry but the main one: its weight, and its share of the main one-call bundle. */
export async function optionalEntryCosts(oneCall: Weight): Promise<EntryCost[]> {
  const main = new Set(
    (await weigh("main", 'export * from "class-booking-api";', EXTERNAL)).parts.map(([file]) => file),
  );
  const out: EntryCost[] = [];
  for (const { name: entry, node } of ENTRIES) {
    if (entry === "index") continue;
    // The entry's own code: its dependency and optional peers (MSW, OpenTelemetry) are the user's install.
    const own = await weigh(
      entry,
      `export * from "class-booking-api/${entry}";`,
      EXTERNAL,
      node ? "node" : "browser",
    );
    const onlyHere = new Set(own.parts.map(([file]) => file).filter((file) => !main.has(file)));
    out.push({
      entry,
      gzip: own.gzip,
      inOneCall: oneCall.parts
        .filter(([file]) => onlyHere.has(file))
        .reduce((sum, [, bytes]) => sum + bytes, 0),
    });
  }
  return out;
}
