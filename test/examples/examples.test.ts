/**
 * The programs in examples/ are what README sends readers to, so each one is type-checked strictly
 * and run, as a reader would run it in a clone (`npm run build`, then `npx tsx examples/<file>`):
 * its `class-booking-api` imports are the built package itself, found through package.json's
 * exports. Each must end well and print what it promises.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { prepared } from "../helpers/prepared.js";
import { TSC_TEST_TIMEOUT_MS, TSC_TIMEOUT_MS } from "../helpers/typecheck.js";

const dir = path.join(repoRoot, "examples");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
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
};

/** Runs an example to its end with the built package; bounded for a busy machine. */
function runExample(
  file: string,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", loader, path.join(dir, file)], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
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
});
