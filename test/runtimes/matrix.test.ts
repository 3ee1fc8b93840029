/**
 * Every runtime the README names, tested: the packed package's booking flow against a local
 * server, under the host's Node 20 and under Node 22, Node 24, Bun and Deno from npm
 * (runtimes/package.json, installed by this test when missing).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock.js";
import { repoRoot } from "../../scripts/spec.js";

const RUNTIMES_INSTALL = "npm install --prefix runtimes --no-audit --no-fund";
const bins = path.join(repoRoot, "runtimes", "node_modules");
const RUNTIMES: Array<{ name: string; command: string[]; version: RegExp }> = [
  { name: "Node 20 (host)", command: [process.execPath], version: /^v20\./ },
  { name: "Node 22", command: [path.join(bins, "node22", "bin", "node")], version: /^v22\./ },
  { name: "Node 24", command: [path.join(bins, "node24", "bin", "node")], version: /^v24\./ },
  { name: "Bun", command: [path.join(bins, ".bin", "bun")], version: /^1\./ },
  { name: "Deno", command: [path.join(bins, ".bin", "deno"), "run", "--allow-net", "--allow-read", "--allow-env", "--quiet"], version: /^deno 2\./ },
];

const work = mkdtempSync(path.join(tmpdir(), "cba-runtimes-"));
const consumer = path.join(work, "consumer");
let server: MockServer;
const run = (command: string, args: string[], cwd = repoRoot, timeout = 240_000) => {
  const res = spawnSync(command, args, { cwd, encoding: "utf8", timeout });
  return { status: res.status, out: `${res.stdout ?? ""}${res.stderr ?? ""}${res.error ? String(res.error) : ""}`, stdout: String(res.stdout ?? "") };
};

/** Runs a command without blocking this process (which serves the sandbox the flow calls). */
function runAsync(command: string, args: string[], cwd: string, timeout: number): Promise<{ status: number | null; out: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.once("error", (error) => (stderr += String(error)));
    child.once("close", (status) => {
      clearTimeout(timer);
      resolve({ status, out: stdout + stderr, stdout });
    });
  });
}

beforeAll(async () => {
  // The runtimes come from the npm registry, pinned in runtimes/package-lock.json.
  if (!RUNTIMES.every((r) => existsSync(r.command[0]!))) {
    const installed = run("npm", ["install", "--prefix", "runtimes", "--no-audit", "--no-fund"]);
    if (installed.status !== 0) throw new Error(`could not install the runtimes; run: ${RUNTIMES_INSTALL}\n${installed.out}`);
  }
  // The package as users get it: packed, then installed into a consumer project.
  if (!existsSync(path.join(repoRoot, "dist", "index.js"))) expect(run("npm", ["run", "-s", "build"]).status).toBe(0);
  const pack = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work]);
  expect(pack.status, pack.out).toBe(0);
  const tarball = path.join(work, (JSON.parse(pack.stdout) as Array<{ filename: string }>)[0]!.filename);
  mkdirSync(consumer, { recursive: true });
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], consumer);
  expect(install.status, install.out).toBe(0);
  server = await startMockServer({ stateful: true });
}, 600_000);
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe.each(RUNTIMES)("$name", (runtime) => {
  it("is the runtime it says it is", () => {
    if (!existsSync(runtime.command[0]!)) throw new Error(`${runtime.name} is missing. Install it with: ${RUNTIMES_INSTALL}`);
    const version = run(runtime.command[0]!, ["--version"]);
    expect(version.stdout.trim()).toMatch(runtime.version);
  });

  it("runs the packed package's booking flow against a local server", async () => {
    // Each runtime books in a studio of its own (the sandbox gives each key one).
    const key = `runtime-${runtime.name.replace(/\W+/g, "-")}`;
    const file = path.join(consumer, `flow-${key}.mjs`);
    writeFileSync(
      file,
      `import { createClassBookingClient, isApiError, parseZonedDateTime } from "class-booking-api";
const client = createClassBookingClient({ baseUrl: ${JSON.stringify(server.url)}, apiKey: ${JSON.stringify(key)} });
const { validationStatus } = await client.validateClassSlot({ customerId: 203, classSlotId: 20334 });
const booking = await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
const listed = await client.getClassBookingsByCustomerId({ customerId: 203 });
await client.cancelClassSlotById({ bookingId: booking.bookingId });
const after = await client.getClassBookingById({ bookingId: booking.bookingId });
const slot = await client.getClassSlotById({ classId: 14928, classSlotId: 20334 });
const missing = await client.getClassById({ classId: 424242 }).catch((e) => (isApiError(e, 404) ? 404 : String(e)));
console.log(JSON.stringify({ validationStatus, booked: booking.bookingStatus, listed: listed.length, after: after.bookingStatus, start: parseZonedDateTime(slot.startDateTime).instant.toISOString(), missing }));
`,
    );
    const res = await runAsync(runtime.command[0]!, [...runtime.command.slice(1), file], consumer, 60_000);
    expect(res.status, res.out).toBe(0);
    expect(JSON.parse(res.stdout.trim().split("\n").pop()!)).toEqual({
      validationStatus: "AVAILABLE",
      booked: "BOOKED",
      listed: 1,
      after: "CANCELED",
      start: "2026-12-01T08:00:00.000Z",
      missing: 404,
    });
  });
});
