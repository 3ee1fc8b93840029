/**
 * The programs in examples/ are what README sends readers to, so each one is type-checked strictly
 * and run, as a reader would run it in a clone (`npm run build`, then `npx tsx examples/<file>`):
 * its `class-booking-api` imports are the built package itself, found through package.json's
 * exports. Each must end well and print what it promises.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { prepared } from "../helpers/prepared.js";
import { startRedis, type RedisServer } from "../helpers/redis.js";
import { TSC_TEST_TIMEOUT_MS, TSC_TIMEOUT_MS } from "../helpers/typecheck.js";

const dir = path.join(repoRoot, "examples");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
/** The folders that are an example each (a vitest suite with its own config), run their own way below. */
const folders = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// A real redis-server on a free port, started only when the Redis example runs, stopped after the file.
let redis: RedisServer | undefined;
afterAll(() => redis?.stop());
const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** What each example must print (every line matched somewhere in its output), and what it needs. */
const EXPECTED: Record<string, { prints: RegExp[]; env?: () => Promise<Record<string, string>> }> = {
  "booking-flow.ts": {
    prints: [
      /^class 14928: Morning Yoga$/m,
      /^Ana: booking \d+ is BOOKED$/m,
      /^Ben: booking (\d+) is WAITING_LIST$/m,
      /^Ana again: refused with CUSTOMER_ALREADY_BOOKED$/m,
      /^Ben: booking \d+ is BOOKED, PARTICIPATING$/m,
    ],
  },
  "trial-offer.ts": {
    prints: [
      /^trial class 14928: Morning Yoga$/m,
      /^offer 1 "One free yoga class": 1 booking\(s\), confirm 2 DAY ahead$/m,
      /^lead 5120 registered$/m,
      /^booking \d+ is BOOKED_WITH_CONFIRMATION_REQUIRED$/m,
      /^confirmation: CONFIRMED$/m,
      /^booking \d+ is BOOKED, PARTICIPATING$/m,
      /^signing up again: DUPLICATE_CUSTOMER$/m,
    ],
  },
  "webhook-receiver.ts": {
    prints: [
      /^CLASS_BOOKING_CREATED: booking 2033 is BOOKED$/m,
      /^CLASS_SLOT_UPDATED: slot 20334 of class 14928$/m,
      /^CLASS_BOOKING_CREATED: booking 2034 is WAITING_LIST$/m,
      /^CLASS_BOOKING_CANCELLED: booking 2033 is CANCELED$/m,
      /^CLASS_BOOKING_UPDATED: booking 2034 is BOOKED$/m,
      /^5 of 5 webhook calls answered 200$/m,
    ],
  },
  "msw.ts": {
    prints: [/^class 14928: Morning Yoga$/m, /^booking 2033 is BOOKED$/m, /^booking 2033 is CANCELED$/m],
  },
  "redis-two-processes.ts": {
    prints: [
      /^process A: \d sent, \d refused by the shared budget$/m,
      /^process B: \d sent, \d refused by the shared budget$/m,
      /^together: 5 sent, 5 refused, 0 answered 429$/m,
    ],
    env: async () => {
      redis ??= await startRedis();
      return { REDIS_URL: redis.url };
    },
  },
  "tracing.ts": {
    // The span's name only: its kind and attributes are the tracing tests' business (test/client/tracing).
    prints: [/^span getClassById$/m, /^span bookClassSlot$/m],
  },
};

/** Runs a vitest suite of examples/ with its own config, as a user runs theirs. */
function runVitest(folder: string): Promise<{ code: number | null; out: string }> {
  // This test's own vitest settings must not leak into the child's run.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "FORCE_COLOR"),
  );
  return outcome(
    spawn(
      process.execPath,
      [
        path.join(repoRoot, "node_modules", "vitest", "vitest.mjs"),
        "run",
        "--config",
        path.join(dir, folder, "vitest.config.ts"),
        "--reporter",
        "verbose",
      ],
      { cwd: repoRoot, env: { ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    ),
  );
}

/** Runs an example to its end with the built package; bounded for a busy machine. */
function runExample(
  file: string,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return outcome(
    spawn(process.execPath, ["--import", loader, path.join(dir, file)], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/** A child's exit code and everything it printed; killed after 90 s, for a busy machine. */
function outcome(child: ChildProcess): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

// The global setup (test/setup/package.ts) builds dist/ when it is older than its sources.
beforeAll(async () => {
  await prepared("build");
});

describe("examples/", () => {
  it("has an expectation for every example, and an example for every expectation", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it(
    "type-checks strictly against the built package",
    () => {
      const res = spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", dir], {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: TSC_TIMEOUT_MS,
      });
      expect(res.status, `${res.stdout}${res.stderr}${res.error ?? ""}`).toBe(0);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it.each(files)("%s runs to its end and prints what it promises", async (file) => {
    const expected = EXPECTED[file]!;
    const { code, out } = await runExample(file, (await expected.env?.()) ?? {});
    expect(code, out).toBe(0);
    for (const line of expected.prints) expect(out, out).toMatch(line);
  });

  it("vitest/ is a suite that starts the sandbox per test file and stops it: `vitest run` with its config passes", async () => {
    expect(folders).toEqual(["vitest"]);
    const { code, out } = await runVitest("vitest");
    expect(code, out).toBe(0);
    expect(out).toMatch(/✓ booking\.test\.ts > books a customer into a slot and lists the booking/);
    expect(out).toMatch(/✓ booking\.test\.ts > starts each test from a fresh studio/);
    expect(out).toMatch(/✓ booking\.test\.ts > puts the customer on the waiting list/);
    expect(out).toMatch(/✓ clock\.test\.ts > shows a booking of a class that is over as COMPLETED/);
    expect(out).toMatch(/Test Files\s+2 passed \(2\)/);
    expect(out).toMatch(/Tests\s+4 passed \(4\)/);
  });

  it("README lists every example", () => {
    const readme = readFileSync(path.join(dir, "README.md"), "utf8");
    for (const name of [...files, `${folders[0]}/`]) expect(readme, name).toContain(`](${name})`);
  });
});
