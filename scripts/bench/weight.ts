/** Bundle weight of a browser consumer that makes one call, three ways (esbuild, minified ESM). */
import { gzipSync } from "node:zlib";
import path from "node:path";
import { build } from "esbuild";
import { repoRoot } from "../spec.js";
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
  minified: number;
  gzip: number;
  /** Minified bytes each source file puts into the bundle (esbuild's metafile), largest first. */
  parts: Array<[string, number]>;
}

/** Bundles one consumer; `external` modules are left out of the bundle (imported at run time). */
async function weigh(contents: string, external: string[] = []): Promise<Weight> {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    // The source entry: the same code as dist/index.js (esbuild builds one from the other),
    // but the metafile can then say which module the bytes come from.
    alias: { "class-booking-api": path.join(repoRoot, "src", "index.ts") },
    external,
    logLevel: "error",
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const parts = Object.entries(inputs)
    .map(([file, info]): [string, number] => [file, info.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, parts };
}

export async function weights(): Promise<Record<Contender | "clientOwnCode", Weight>> {
  const out = {} as Record<Contender | "clientOwnCode", Weight>;
  for (const [who, contents] of Object.entries(CONSUMERS) as Array<[Contender, string]>) out[who] = await weigh(contents);
  // The same client consumer with openapi-fetch left out: what our own code weighs.
  out.clientOwnCode = await weigh(CONSUMERS.client, ["openapi-fetch"]);
  return out;
}
