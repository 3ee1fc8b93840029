/**
 * An app that makes one call ships the client as one chunk, and client.raw (with openapi-fetch)
 * in another that it loads only on the first raw call. raw.ts shares no module with the client
 * (create.ts hands it what it needs); were it to import one, the bundler would split the client
 * into two chunks, and the one-call bundle would grow (by about 500 bytes gzip when it did).
 */
import path from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { freeUses } from "../helpers/free-names.js";

/** The client bundled for a browser page from `contents`: the entry's own code and its inputs (split: client.raw stays out). */
async function browserBundle(contents: string, format: "esm" | "iife") {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: "js" },
    absWorkingDir: repoRoot,
    alias: { "class-booking-api": path.join(repoRoot, "src", "client", "index.ts") },
    bundle: true,
    splitting: format === "esm",
    format,
    platform: "browser",
    outdir: path.join(repoRoot, "bench", ".bundle-test"),
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const [name, entry] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint)!;
  const code = result.outputFiles.find((file) => file.path === path.join(repoRoot, name))!.text;
  return { code, inputs: Object.keys(entry.inputs) };
}

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

  it("reads no environment: no free `process` for a bundler to fill, and none needed where there is none", async () => {
    const app = `import { createClassBookingClient } from "class-booking-api";
      globalThis.fromEnvironment = () => createClassBookingClient();`;
    // A bundler adds a stand-in for process only where code names it bare; the client never does
    // (openapi-fetch does, in client.raw's own chunk, loaded on the first raw call).
    const { code, inputs } = await browserBundle(app, "esm");
    expect(code).toContain("CLASS_BOOKING_API_KEY"); // the code that reads the environment is there
    expect(freeUses(code, "process")).toEqual([]);
    expect(inputs.filter((input) => !/^(src|generated)\//.test(input) && input !== "<stdin>")).toEqual([]);
    // Run where there is no process at all, as in a page: no ReferenceError, only the options' own message.
    const page: { fromEnvironment?: () => unknown } = {};
    runInNewContext((await browserBundle(app, "iife")).code, { globalThis: page, URL });
    let thrown: Error | undefined;
    try {
      page.fromEnvironment!();
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.name).toBe("ClassBookingError");
    expect(thrown?.message).toBe('createClassBookingClient: option "baseUrl" is required (or give "tenant")');
  });
});
