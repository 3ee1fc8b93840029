/**
 * An app that makes one call ships the client as one chunk, and client.raw (with openapi-fetch)
 * in another that it loads only on the first raw call. raw.ts shares no module with the client
 * (create.ts hands it what it needs); were it to import one, the bundler would split the client
 * into two chunks, and the one-call bundle would grow (by about 500 bytes gzip when it did).
 */
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";

describe("the one-call browser bundle", () => {
  it("is one chunk; client.raw is a chunk of its own that shares no module with it", async () => {
    const result = await build({
      stdin: {
        contents: `import { createClassBookingClient } from "class-booking-api";
          export const book = (apiKey) => createClassBookingClient({ baseUrl: "https://mystudio.open-api.magicline.com", apiKey })
            .bookClassSlot({ customerId: 203, classSlotId: 20334 });`,
        resolveDir: repoRoot,
        loader: "js",
      },
      absWorkingDir: repoRoot,
      alias: { "class-booking-api": path.join(repoRoot, "src", "client", "index.ts") },
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      outdir: path.join(repoRoot, "bench", ".bundle-test"),
      write: false,
      metafile: true,
      logLevel: "error",
    });
    const { outputs } = result.metafile;
    const entry = Object.values(outputs).find((output) => output.entryPoint !== undefined)!;
    // What the entry loads before its first call: nothing but its own file.
    expect(entry.imports.filter((i) => i.kind === "import-statement")).toEqual([]);
    const lazy = entry.imports.filter((i) => i.kind === "dynamic-import");
    expect(lazy).toHaveLength(1);
    const raw = outputs[lazy[0]!.path]!;
    expect(
      Object.keys(raw.inputs).some((input) => input.endsWith(path.join("src", "client", "raw.ts"))),
    ).toBe(true);
    expect(raw.imports.filter((i) => i.kind === "import-statement")).toEqual([]);
  });
});
