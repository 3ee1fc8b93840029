/**
 * The package as users get it: pack it, lint the tarball, install it into a temporary consumer
 * project (from the npm registry or its cache only), and use it from ESM, CJS, TypeScript, a
 * browser bundle and npx.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimPort } from "../../src/mock.js";
import { repoRoot } from "../../scripts/spec.js";
import { killAll, leftovers, processesWith, waitForLine } from "../helpers/process.js";
import pkg from "../../package.json" with { type: "json" };

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const work = mkdtempSync(path.join(tmpdir(), "cba-package-"));
const consumer = path.join(work, "consumer");
let tarball = "";
let packed: string[] = [];

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const res = spawnSync(cmd, args, { encoding: "utf8", timeout: 240_000, ...options });
  return { status: res.status, stdout: String(res.stdout ?? ""), stderr: String(res.stderr ?? "") };
}
function write(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs),
  );
}

beforeAll(() => {
  // .ci/run builds first; a plain `npm test` on a fresh clone (or after a source change) builds here.
  let built = 0;
  try {
    built = statSync(path.join(repoRoot, "dist", "index.js")).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = ["src", "generated", "scripts"].map((dir) => newest(path.join(repoRoot, dir)));
  if (Math.max(...sources) > built) {
    const res = run("npm", ["run", "-s", "build"], { cwd: repoRoot });
    expect(res.status, `npm run build failed:\n${res.stdout}${res.stderr}`).toBe(0);
  }
  const pack = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: repoRoot });
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, info!.filename);
  packed = info!.files.map((f) => f.path);

  write(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const install = run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, `@stoplight/prism-cli@${pkg.devDependencies["@stoplight/prism-cli"]}`, `msw@${pkg.devDependencies.msw}`],
    { cwd: consumer },
  );
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the tarball", () => {
  it("holds only what users need: dist, the spec, generated, README, CHANGELOG, LICENSE", () => {
    for (const file of packed) {
      expect(file, file).toMatch(/^(dist\/|openapi\/openapi\.yaml$|generated\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/);
      expect(file, file).not.toMatch(/\.map$|\.test\.|^test\/|^scripts\//);
    }
    expect(packed).toEqual(
      expect.arrayContaining(["dist/index.js", "dist/index.cjs", "dist/mock.js", "dist/validate.js", "dist/validate.cjs", "dist/bin/class-booking-mock.js", "openapi/openapi.yaml"]),
    );
  });

  it("keeps Node built-ins out of the main entry (Deno, Bun and browsers load it too)", () => {
    for (const file of ["dist/index.js", "dist/index.cjs"]) {
      const code = readFileSync(path.join(repoRoot, file), "utf8");
      expect(code, file).not.toMatch(/["']node:|require\(["'](fs|path|url|http|https|child_process|net|os|util)["']\)/);
    }
  });

  it("loads openapi-fetch only in the lazy client.raw chunk of the ES module build", () => {
    const importers = readdirSync(path.join(repoRoot, "dist", "chunks"))
      .map((file) => `dist/chunks/${file}`)
      .concat("dist/index.js")
      .filter((file) => /from\s*["']openapi-fetch["']/.test(readFileSync(path.join(repoRoot, file), "utf8")));
    expect(importers).toHaveLength(1);
    expect(importers[0]).toMatch(/^dist\/chunks\/raw-/);
    expect(readFileSync(path.join(repoRoot, "dist", "index.js"), "utf8")).toMatch(/import\(["']\.\/chunks\/raw-/);
  });

  it("the main entry never loads an optional peer: no OpenTelemetry, MSW or Prism in it or its chunks", () => {
    const files = ["dist/index.js", "dist/index.cjs", ...readdirSync(path.join(repoRoot, "dist", "chunks")).map((f) => `dist/chunks/${f}`)];
    for (const file of files) expect(readFileSync(path.join(repoRoot, file), "utf8"), file).not.toMatch(/@opentelemetry|["']msw|prism-cli/);
  });

  it("passes publint with no warning", () => {
    const res = run(bin("publint"), ["run", tarball, "--strict", "--level", "suggestion"]);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain("All good!");
  });

  it("passes @arethetypeswrong/cli with no problem", () => {
    // ./openapi.yaml is a data file, not a module: there are no types to resolve for it.
    const res = run(bin("attw"), [tarball, "--exclude-entrypoints", "./openapi.yaml", "--format", "ascii"]);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain("No problems found");
  });

  it("has openapi-fetch as its only runtime dependency, and pulls in none of its optional peers (Prism, MSW, OpenTelemetry)", () => {
    expect(Object.keys(pkg.dependencies)).toEqual(["openapi-fetch"]);
    const app = path.join(work, "client-only");
    write(path.join(app, "package.json"), JSON.stringify({ name: "client-only", private: true }));
    const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: app });
    expect(install.status, install.stderr).toBe(0);
    const res = run("npm", ["ls", "--omit=dev", "--omit=optional", "--omit=peer", "--all", "--json"], { cwd: app });
    type Tree = { version?: string; dependencies?: Record<string, Tree> };
    const tree = JSON.parse(res.stdout) as Tree;
    const deps = Object.entries(tree.dependencies?.["class-booking-api"]?.dependencies ?? {});
    // npm ls names the optional peer it did not install as an empty entry with no version.
    expect(deps.filter(([, d]) => d.version).map(([name]) => name)).toEqual(["openapi-fetch"]);
    expect(deps.filter(([, d]) => !d.version).map(([name]) => name).sort()).toEqual(["@opentelemetry/api", "@stoplight/prism-cli", "msw"]);
    expect(readdirSync(path.join(app, "node_modules"))).not.toContain("@opentelemetry");
    expect(readdirSync(path.join(app, "node_modules"))).not.toContain("@stoplight");
    expect(readdirSync(path.join(app, "node_modules"))).not.toContain("msw");
  });
});

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
      path.join(consumer, "esm.mjs"),
      script(`import { createClassBookingClient, VERSION } from "class-booking-api";
import { startMockServer } from "class-booking-api/mock";`),
    );
    const res = run(process.execPath, ["esm.mjs"], { cwd: consumer, timeout: 60_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ title: "Morning Yoga", raw: "Morning Yoga", version: pkg.version });
  });

  it("can require it (CJS)", () => {
    write(
      path.join(consumer, "cjs.cjs"),
      `const { createClassBookingClient, VERSION } = require("class-booking-api");
const { startMockServer } = require("class-booking-api/mock");
(async () => {${script("")}
})().catch((e) => { console.error(e); process.exit(1); });`,
    );
    const res = run(process.execPath, ["cjs.cjs"], { cwd: consumer, timeout: 60_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ title: "Morning Yoga", raw: "Morning Yoga", version: pkg.version });
  });

  it.each([
    ["ESM", "validate.mjs", `import { ClassBookingError, createClassBookingClient } from "class-booking-api";
import { responseValidator, ResponseValidationError } from "class-booking-api/validate";`],
    ["CJS", "validate.cjs", `const { ClassBookingError, createClassBookingClient } = require("class-booking-api");
const { responseValidator, ResponseValidationError } = require("class-booking-api/validate");`],
  ])("class-booking-api/validate works from %s, and its error is one of the main entry's family", (_kind, file, imports) => {
    write(
      path.join(consumer, file),
      `${imports}
const fetch = async () => new Response(JSON.stringify({ id: "x", bookable: true }), { status: 200 });
const client = createClassBookingClient({ baseUrl: "https://x.example", apiKey: "k", fetch, validateResponses: responseValidator() });
client.getClassById({ classId: 1 }).catch((e) => {
  console.log(JSON.stringify({ family: e instanceof ClassBookingError, own: e instanceof ResponseValidationError, pointer: e.violations[0].pointer }));
});
`,
    );
    const res = run(process.execPath, [file], { cwd: consumer, timeout: 60_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ family: true, own: true, pointer: "/id" });
  });

  it.each([
    ["ESM", "sandbox.mjs", `import { createClassBookingClient } from "class-booking-api";
import { createSandbox } from "class-booking-api/sandbox";`],
    ["CJS", "sandbox.cjs", `const { createClassBookingClient } = require("class-booking-api");
const { createSandbox } = require("class-booking-api/sandbox");`],
  ])("class-booking-api/sandbox books from %s", (_kind, file, imports) => {
    write(
      path.join(consumer, file),
      `${imports}
const sandbox = createSandbox();
const client = createClassBookingClient({ baseUrl: "http://localhost", apiKey: "k", fetch: sandbox.fetch });
client.bookClassSlot({ customerId: 203, classSlotId: 20334 }).then((b) => console.log(JSON.stringify({ id: b.bookingId, status: b.bookingStatus })));
`,
    );
    const res = run(process.execPath, [file], { cwd: consumer, timeout: 60_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ id: 2033, status: "BOOKED" });
  });

  it.each([
    ["ESM", "webhooks.mjs", `import { createWebhookReceiver } from "class-booking-api/webhooks";`],
    ["CJS", "webhooks.cjs", `const { createWebhookReceiver } = require("class-booking-api/webhooks");`],
  ])("class-booking-api/webhooks receives an event from %s", (_kind, file, imports) => {
    write(
      path.join(consumer, file),
      `${imports}
const receiver = createWebhookReceiver({ keys: { whk_1: "north" } });
const body = JSON.stringify({ entityId: 1, uuid: "u-1", payload: [{ timestamp: 1, type: "CLASS_BOOKING_CREATED" }] });
receiver.receive({ key: "whk_1", body }).then(({ events: [event], studio }) => console.log(JSON.stringify({ type: event.type, known: event.known, studio })));
`,
    );
    const res = run(process.execPath, [file], { cwd: consumer, timeout: 60_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ type: "CLASS_BOOKING_CREATED", known: true, studio: "north" });
  });

  it("class-booking-api/webhooks bundles for edge runtimes and browsers without any node: import", async () => {
    write(path.join(consumer, "edge.ts"), `import { createWebhookReceiver } from "class-booking-api/webhooks";
export const POST = createWebhookReceiver({ keys: "whk_1" }).fetchHandler;
`);
    const result = await bundleForBrowser("edge.ts");
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/["']node:/);
  });

  it("class-booking-api/msw answers an app's own fetch through Mock Service Worker", () => {
    write(
      path.join(consumer, "msw.mjs"),
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
    const res = run(process.execPath, ["msw.mjs"], { cwd: consumer, timeout: 60_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ validationStatus: "AVAILABLE" });
  });

  const typed = `import { createClassBookingClient, isApiError, type ClassSlotBookingResult } from "class-booking-api";
import { startMockServer, type MockServer } from "class-booking-api/mock";
export async function flow(mock: MockServer): Promise<ClassSlotBookingResult | undefined> {
  const client = createClassBookingClient({ baseUrl: mock.url, apiKey: "demo" });
  try {
    const { validationStatus } = await client.validateClassSlot({ customerId: 203, classSlotId: 20334 });
    return validationStatus === "AVAILABLE" ? await client.bookClassSlot({ customerId: 203, classSlotId: 20334 }) : undefined;
  } catch (e) {
    if (isApiError(e, 409)) console.log(e.body?.errorMessage);
    throw e;
  }
}
export const start: () => Promise<MockServer> = startMockServer;
`;

  it.each(["node16", "bundler"])("type-checks strictly with moduleResolution %s, and a type error fails", (resolution) => {
    const dir = path.join(consumer, `ts-${resolution}`);
    const module = resolution === "node16" ? "node16" : "esnext";
    write(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false },
        include: ["*.ts"],
      }),
    );
    write(path.join(dir, "flow.ts"), typed);
    const ok = run(bin("tsc"), ["-p", dir]);
    expect(ok.status, ok.stdout).toBe(0);

    write(path.join(dir, "wrong.ts"), `import { createClassBookingClient } from "class-booking-api";
void createClassBookingClient({ baseUrl: "https://x.example", apiKey: "k" }).bookClassSlot({ customerId: "203", classSlotId: 1 });\n`);
    const bad = run(bin("tsc"), ["-p", dir]);
    rmSync(path.join(dir, "wrong.ts"));
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/wrong\.ts\(2,\d+\): error TS2322/);
  });

  /** A consumer file bundled the way a browser app ships it: ESM, minified, names mangled. */
  const bundleForBrowser = (entry: string) =>
    build({
      absWorkingDir: consumer,
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
      logLevel: "silent",
    });

  it("bundles for the browser with esbuild, without Node built-ins", async () => {
    write(
      path.join(consumer, "browser.ts"),
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

  it("keeps its error names when a bundler minifies (and renames) the classes", async () => {
    write(
      path.join(consumer, "names.ts"),
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
    const bundle = (await import(`data:text/javascript,${encodeURIComponent(result.outputFiles[0]!.text)}`)) as {
      names: () => Promise<string[]>;
    };
    expect(await bundle.names()).toEqual(["ClassBookingError", "ApiError", "ConnectionError", "TimeoutError"]);
  });

  it("runs `npx class-booking-mock --stateful`, which books and holds the booking", async () => {
    const port = await claimPort(0, "127.0.0.1");
    const child = spawn("npx", ["--no-install", "class-booking-mock", "--stateful", "--port", String(port)], { cwd: consumer, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    try {
      await waitForLine(child, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`), 60_000);
      const headers = { "x-api-key": "demo", "content-type": "application/json" };
      const booked = await fetch(`http://127.0.0.1:${port}/v1/classes/booking/book`, { method: "POST", headers, body: JSON.stringify({ customerId: 203, classSlotId: 20334 }) });
      const { bookingId } = (await booked.json()) as { bookingId: number };
      const read = await fetch(`http://127.0.0.1:${port}/v1/classes/booking/${bookingId}`, { headers });
      expect(await read.json()).toMatchObject({ bookingId, bookingStatus: "BOOKED" });
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  });

  it.each([
    ["SIGTERM to npx's own pid", ["--stateful"], "top"],
    ["SIGTERM to npx's own pid, with Prism", [], "top"],
    ["Ctrl-C (SIGINT to the process group)", ["--stateful"], "group"],
    ["Ctrl-C (SIGINT to the process group), with Prism", [], "group"],
  ] as const)("npx class-booking-mock stops with everything it started within 2 s: %s", async (_name, args, target) => {
    const port = await claimPort(0, "127.0.0.1");
    const marker = `--port ${port}`;
    const child = spawn("npx", ["--no-install", "class-booking-mock", ...args, "--port", String(port)], { cwd: consumer, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    try {
      await waitForLine(child, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`), 60_000);
      expect(processesWith(marker).length).toBeGreaterThanOrEqual(3); // npx, its shell, the command (and Prism)
      if (target === "top") process.kill(child.pid!, "SIGTERM");
      else process.kill(-child.pid!, "SIGINT");
      expect(await leftovers(marker)).toEqual([]);
    } finally {
      killAll(marker);
    }
  });

  it("runs `npx class-booking-mock`, which answers GET /v1/classes with the example", async () => {
    const port = await claimPort(0, "127.0.0.1");
    // Its own process group, so the cleanup reaches npx and everything under it.
    const child = spawn("npx", ["--no-install", "class-booking-mock", "--port", String(port)], {
      cwd: consumer,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      await waitForLine(child, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`), 60_000);
      const res = await fetch(`http://127.0.0.1:${port}/v1/classes`, { headers: { "x-api-key": "demo" } });
      const body = (await res.json()) as { result: Array<{ id: number }>; hasNext: boolean };
      expect(res.status).toBe(200);
      expect(body.result.map((c) => c.id)).toEqual([14928, 14930]);
      expect(body.hasNext).toBe(false);
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  });
});
