/**
 * The packed package installed into a consumer project (once for the run, by test/setup/package.ts):
 * every entry from ESM and CJS, and the browser and edge bundles a bundler makes of it.
 */
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { freeUses } from "../helpers/free-names.js";
import pkg from "../../package.json" with { type: "json" };
import { bundleForBrowser, pack, run, usePackedPackage, write } from "./packed.js";

usePackedPackage();

describe("a consumer project", () => {
  const script = (header: string) => `${header}
const mock = await startMockServer();
try {
  const client = createClassBookingClient({ baseUrl: mock.url, apiKey: "demo" });
  const cls = await client.getClassById({ classId: 14928 });
  // client.raw loads openapi-fetch on its first call, in either module system.
  const { data } = await client.raw.GET("/v1/classes/{classId}", { params: { path: { classId: 14928 } } });
  console.log(JSON.stringify({ title: cls.title, raw: data.title, version: VERSION }));
} finally {
  await mock.stop();
}`;

  it("can import it (ESM)", () => {
    write(
      path.join(pack.consumer, "esm.mjs"),
      script(`import { createClassBookingClient, VERSION } from "class-booking-api";
import { startMockServer } from "class-booking-api/mock";`),
    );
    const res = run(process.execPath, ["esm.mjs"], { cwd: pack.consumer, timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      title: "Morning Yoga",
      raw: "Morning Yoga",
      version: pkg.version,
    });
  });

  it("can require it (CJS)", () => {
    write(
      path.join(pack.consumer, "cjs.cjs"),
      `const { createClassBookingClient, VERSION } = require("class-booking-api");
const { startMockServer } = require("class-booking-api/mock");
(async () => {${script("")}
})().catch((e) => { console.error(e); process.exit(1); });`,
    );
    const res = run(process.execPath, ["cjs.cjs"], { cwd: pack.consumer, timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      title: "Morning Yoga",
      raw: "Morning Yoga",
      version: pkg.version,
    });
  });

  it.each([
    [
      "ESM",
      "validate.mjs",
      `import { ClassBookingError, createClassBookingClient } from "class-booking-api";
import { responseValidator, ResponseValidationError } from "class-booking-api/validate";`,
    ],
    [
      "CJS",
      "validate.cjs",
      `const { ClassBookingError, createClassBookingClient } = require("class-booking-api");
const { responseValidator, ResponseValidationError } = require("class-booking-api/validate");`,
    ],
  ])(
    "class-booking-api/validate works from %s, and its error is one of the main entry's family",
    (_kind, file, imports) => {
      write(
        path.join(pack.consumer, file),
        `${imports}
const fetch = async () => new Response(JSON.stringify({ id: "x", bookable: true }), { status: 200 });
const client = createClassBookingClient({ baseUrl: "https://x.example", apiKey: "k", fetch, validateResponses: responseValidator() });
client.getClassById({ classId: 1 }).catch((e) => {
  console.log(JSON.stringify({ family: e instanceof ClassBookingError, own: e instanceof ResponseValidationError, pointer: e.violations[0].pointer }));
});
`,
      );
      const res = run(process.execPath, [file], { cwd: pack.consumer, timeout: 120_000 });
      expect(res.status, res.stderr).toBe(0);
      expect(JSON.parse(res.stdout)).toEqual({ family: true, own: true, pointer: "/id" });
    },
  );

  it.each([
    [
      "ESM",
      "sandbox.mjs",
      `import { createClassBookingClient } from "class-booking-api";
import { createSandbox } from "class-booking-api/sandbox";`,
    ],
    [
      "CJS",
      "sandbox.cjs",
      `const { createClassBookingClient } = require("class-booking-api");
const { createSandbox } = require("class-booking-api/sandbox");`,
    ],
  ])("class-booking-api/sandbox books from %s", (_kind, file, imports) => {
    write(
      path.join(pack.consumer, file),
      `${imports}
const sandbox = createSandbox();
const client = createClassBookingClient({ baseUrl: "http://localhost", apiKey: "k", fetch: sandbox.fetch });
client.bookClassSlot({ customerId: 203, classSlotId: 20334 }).then((b) => console.log(JSON.stringify({ id: b.bookingId, status: b.bookingStatus })));
`,
    );
    const res = run(process.execPath, [file], { cwd: pack.consumer, timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ id: 2033, status: "BOOKED" });
  });

  it.each([
    ["ESM", "webhooks.mjs", `import { createWebhookReceiver } from "class-booking-api/webhooks";`],
    ["CJS", "webhooks.cjs", `const { createWebhookReceiver } = require("class-booking-api/webhooks");`],
  ])("class-booking-api/webhooks receives an event from %s", (_kind, file, imports) => {
    write(
      path.join(pack.consumer, file),
      `${imports}
const receiver = createWebhookReceiver({ keys: { whk_1: "north" } });
const body = JSON.stringify({ entityId: 1, uuid: "u-1", payload: [{ timestamp: 1, type: "CLASS_BOOKING_CREATED" }] });
receiver.receive({ key: "whk_1", body }).then(({ events: [event], studio }) => console.log(JSON.stringify({ type: event.type, known: event.known, studio })));
`,
    );
    const res = run(process.execPath, [file], { cwd: pack.consumer, timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ type: "CLASS_BOOKING_CREATED", known: true, studio: "north" });
  });

  it("class-booking-api/webhooks bundles for edge runtimes and browsers without any node: import", async () => {
    write(
      path.join(pack.consumer, "edge.ts"),
      `import { createWebhookReceiver } from "class-booking-api/webhooks";
export const POST = createWebhookReceiver({ keys: "whk_1" }).fetchHandler;
`,
    );
    const result = await bundleForBrowser("edge.ts");
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/["']node:/);
  });

  it("class-booking-api/msw answers an app's own fetch through Mock Service Worker", () => {
    write(
      path.join(pack.consumer, "msw.mjs"),
      `import { setupServer } from "msw/node";
import { createClassBookingClient } from "class-booking-api";
import { createSandbox } from "class-booking-api/sandbox";
import { sandboxHandlers } from "class-booking-api/msw";
const baseUrl = "https://mystudio.open-api.magicline.com";
const server = setupServer(...sandboxHandlers(createSandbox(), { baseUrl }));
server.listen({ onUnhandledRequest: "error" });
const client = createClassBookingClient({ baseUrl, apiKey: "k" });
const { validationStatus } = await client.validateClassSlot({ customerId: 203, classSlotId: 20334 });
server.close();
console.log(JSON.stringify({ validationStatus }));
`,
    );
    const res = run(process.execPath, ["msw.mjs"], { cwd: pack.consumer, timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ validationStatus: "AVAILABLE" });
  });

  it("bundles for the browser with esbuild, without Node built-ins", async () => {
    write(
      path.join(pack.consumer, "browser.ts"),
      `import { createClassBookingClient } from "class-booking-api";
const client = createClassBookingClient({ baseUrl: "https://mystudio.open-api.magicline.com", apiKey: "k" });
export const bookings = () => client.getClassBookingsByCustomerId({ customerId: 203 });\n`,
    );
    const result = await bundleForBrowser("browser.ts");
    const code = result.outputFiles[0]!.text;
    expect(result.errors).toEqual([]);
    expect(code).toContain("/v1/classes/booking");
    expect(code).not.toMatch(/["']node:/);
  });

  it("its browser bundle never reads an environment: no bare process for a bundler to fill in", async () => {
    write(
      path.join(pack.consumer, "from-env.ts"),
      `import { createClassBookingClient } from "class-booking-api";
export const fromEnvironment = () => createClassBookingClient();\n`,
    );
    // Split as an app's bundler would, so client.raw (openapi-fetch, which looks for process) is its own chunk.
    const result = await build({
      absWorkingDir: pack.consumer,
      entryPoints: ["from-env.ts"],
      bundle: true,
      splitting: true,
      platform: "browser",
      format: "esm",
      outdir: path.join(pack.consumer, "from-env"),
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const [name] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint)!;
    const entry = result.outputFiles.find((file) => file.path === path.join(pack.consumer, name))!;
    expect(entry.text).toContain("CLASS_BOOKING_API_KEY");
    expect(freeUses(entry.text, "process")).toEqual([]);
  });

  it("keeps its error names when a bundler minifies (and renames) the classes", async () => {
    write(
      path.join(pack.consumer, "names.ts"),
      `import { createClassBookingClient } from "class-booking-api";
export async function names(): Promise<string[]> {
  const out: string[] = [];
  try { createClassBookingClient({ apiKey: "k" } as never); } catch (e) { out.push((e as Error).name); }
  const answer = (status: number) => (async () => new Response("{}", { status })) as unknown as typeof fetch;
  const fail = async (fetch: typeof globalThis.fetch, timeoutMs?: number) => {
    const client = createClassBookingClient({ baseUrl: "https://x.example", apiKey: "k", fetch, maxRetries: 0, timeoutMs });
    await client.getClassById({ classId: 1 }).catch((e: Error) => out.push(e.name));
  };
  await fail(answer(409));
  await fail((async () => { throw new TypeError("fetch failed"); }) as unknown as typeof fetch);
  await fail(((_url: string, init: RequestInit) => new Promise((_ok, no) => init.signal!.addEventListener("abort", () => no(init.signal!.reason)))) as unknown as typeof fetch, 1);
  return out;
}\n`,
    );
    const result = await bundleForBrowser("names.ts");
    const bundle = (await import(
      `data:text/javascript,${encodeURIComponent(result.outputFiles[0]!.text)}`
    )) as {
      names: () => Promise<string[]>;
    };
    expect(await bundle.names()).toEqual([
      "ClassBookingError",
      "ApiError",
      "ConnectionError",
      "TimeoutError",
    ]);
  });
});
