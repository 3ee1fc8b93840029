/**
 * Every runtime the README names, tested: the packed package's booking flow against a local
 * server, under the host's Node 20 and under Node 22, Node 24, Bun and Deno from npm
 * (pinned in runtimes/package-lock.json; the package setup keeps them in this machine's cache).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { repoRoot } from "../../scripts/spec.js";
import { prepared } from "../helpers/prepared.js";
import { runtimesDir } from "../setup/runtimes.js";

const RUNTIMES_INSTALL = `npm test (its setup installs them), or: npm ci --prefix ${runtimesDir()} after copying runtimes/package*.json there`;
/** The runtimes, from the setup's cache; the host's Node is the one running this. */
function runtimes(bins: string): Array<{ name: string; command: string[]; version: RegExp }> {
  return [
    { name: "Node 20 (host)", command: [process.execPath], version: /^v20\./ },
    { name: "Node 22", command: [path.join(bins, "node22", "bin", "node")], version: /^v22\./ },
    { name: "Node 24", command: [path.join(bins, "node24", "bin", "node")], version: /^v24\./ },
    { name: "Bun", command: [path.join(bins, ".bin", "bun")], version: /^1\./ },
    {
      name: "Deno",
      command: [
        path.join(bins, ".bin", "deno"),
        "run",
        "--allow-net",
        "--allow-read",
        "--allow-env",
        "--quiet",
      ],
      version: /^deno 2\./,
    },
  ];
}
const NAMES = runtimes("").map(({ name }) => name);

let consumer = "";
let bins = "";
let server: MockServer;
const run = (command: string, args: string[], cwd = repoRoot, timeout = 240_000) => {
  const res = spawnSync(command, args, { cwd, encoding: "utf8", timeout });
  return {
    status: res.status,
    out: `${res.stdout ?? ""}${res.stderr ?? ""}${res.error ? String(res.error) : ""}`,
    stdout: String(res.stdout ?? ""),
  };
};

/** Runs a command without blocking this process (which serves the sandbox the flow calls). */
function runAsync(
  command: string,
  args: string[],
  cwd: string,
  timeout: number,
  env: Record<string, string> = {},
): Promise<{ status: number | null; out: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
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

// The global setup (test/setup/package.ts) packed the package, installed it into a consumer
// project, and put the runtimes (pinned in runtimes/package-lock.json) into this machine's cache.
let before = "";
beforeAll(async () => {
  before = run("git", ["status", "--porcelain", "--untracked-files=all"]).stdout;
  [consumer, bins] = await Promise.all([prepared("consumer"), prepared("runtimes")]);
  server = await startMockServer({ stateful: true });
});
afterAll(async () => {
  await server?.stop();
});

describe.each(NAMES)("%s", (name) => {
  const runtime = () => runtimes(bins).find((r) => r.name === name)!;
  it("is the runtime it says it is", () => {
    const { command, version: expected } = runtime();
    if (!existsSync(command[0]!))
      throw new Error(`${name} is missing from ${bins}. Install it with: ${RUNTIMES_INSTALL}`);
    expect(run(command[0]!, ["--version"]).stdout.trim()).toMatch(expected);
  });

  it("runs the packed package's booking flow against a local server", async () => {
    // Each runtime books in a studio of its own (the sandbox gives each key one).
    const { command } = runtime();
    const key = `runtime-${name.replace(/\W+/g, "-")}`;
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
    const res = await runAsync(command[0]!, [...command.slice(1), file], consumer, 120_000);
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

  it("takes the key and host from the environment when the options give neither", async () => {
    const { command } = runtime();
    const key = `runtime-env-${name.replace(/\W+/g, "-")}`;
    const file = path.join(consumer, `env-${key}.mjs`);
    writeFileSync(
      file,
      `import { createClassBookingClient } from "class-booking-api";
const { validationStatus } = await createClassBookingClient().validateClassSlot({ customerId: 203, classSlotId: 20334 });
console.log(JSON.stringify({ validationStatus }));
`,
    );
    const env = { CLASS_BOOKING_API_KEY: key, CLASS_BOOKING_BASE_URL: server.url };
    const res = await runAsync(command[0]!, [...command.slice(1), file], consumer, 120_000, env);
    expect(res.status, res.out).toBe(0);
    expect(JSON.parse(res.stdout.trim().split("\n").pop()!)).toEqual({ validationStatus: "AVAILABLE" });
  });
});

it("Deno without --allow-env: the environment cannot be read, and the message says so", async () => {
  const deno = runtimes(bins).find((r) => r.name === "Deno")!.command;
  const file = path.join(consumer, "env-deno-denied.mjs");
  writeFileSync(
    file,
    `import { createClassBookingClient } from "class-booking-api";
try { createClassBookingClient(); } catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message })); }
`,
  );
  const args = [...deno.slice(1).filter((flag) => flag !== "--allow-env"), file];
  const env = { CLASS_BOOKING_API_KEY: "runtime-env-denied", CLASS_BOOKING_TENANT: "mystudio" };
  const res = await runAsync(deno[0]!, args, consumer, 120_000, env);
  expect(res.status, res.out).toBe(0);
  const { name, message } = JSON.parse(res.stdout.trim().split("\n").pop()!);
  expect(name).toBe("ClassBookingError");
  expect(message).toContain("could not be read");
  expect(message).toContain("--allow-env");
  expect(message).not.toContain("runtime-env-denied");
});

// After the matrix: the runtimes live in the machine's cache, and the checkout is as it was.
it("leaves the checkout as it was: nothing installed into it, no tracked file changed", () => {
  expect(run("git", ["status", "--porcelain", "--untracked-files=all"]).stdout).toBe(before);
});
