/**
 * npm run bench: what the client costs next to raw fetch and bare openapi-fetch, and what it
 * weighs. Prints a markdown table and writes it to bench/RESULTS.md. Not a test: budgets are
 * reported as PASS/FAIL, and the exit code stays 0.
 */
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { repoRoot } from "../spec.js";
import { limiterCost, loopback, wrapperOnly, type PerCall } from "./percall.js";
import { typecheckCost } from "./typecheck.js";
import { sandboxBench } from "./sandbox.js";
import { optionalEntryCosts, weights } from "./weight.js";

/** The one-call bundle's gzip bytes before the input checks (bench/RESULTS.md of that time). */
const BUNDLE_BEFORE_CHECKS = 5925;

/** The budgets the issues set; each row of the table says which one it is held to. */
export const BUDGETS = {
  /** Over loopback: within 10% of plain fetch with a timeout signal, the fair limit for any safe caller. */
  loopbackVsFetchTimeout: 1.1,
  /** Over loopback: never slower than bare openapi-fetch. */
  loopbackVsOpenapiFetch: 1.0,
  /** With a stub fetch (the code alone): within 10% of bare openapi-fetch. */
  wrapperVsOpenapiFetch: 1.1,
  /** The one-call bundle was 5925 bytes gzip before the input checks; they may add 400. */
  bundleGzipBytes: BUNDLE_BEFORE_CHECKS + 400,
  /** The in-memory rate limit (on by default) may cost at most 3% per call. */
  limiterOnVsOff: 1.03,
  /** The sandbox answers its first request within this long in-process, and over HTTP. */
  sandboxReadyMs: 500,
  sandboxHttpReadyMs: 1_000,
} as const;

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  const started = performance.now();
  process.stderr.write("building dist/ ...\n");
  execSync("npm run -s build", { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });

  process.stderr.write("per-call cost over loopback ...\n");
  const perCall: PerCall[] = await loopback();
  process.stderr.write("rate limit on vs off ...\n");
  const limiter = await limiterCost();
  process.stderr.write("wrapper-only cost ...\n");
  const wrapper = await wrapperOnly();
  process.stderr.write("bundle weight ...\n");
  const weight = await weights();
  const entries = await optionalEntryCosts(weight.client);
  process.stderr.write("sandbox and Prism ...\n");
  const sandbox = await sandboxBench();
  process.stderr.write("type-check cost ...\n");
  const types = typecheckCost();

  const rows: string[][] = [];
  for (const row of perCall) {
    const ok =
      row.vsFetchTimeout <= BUDGETS.loopbackVsFetchTimeout &&
      row.vsOpenapiFetch <= BUDGETS.loopbackVsOpenapiFetch;
    const budget = `<= ${BUDGETS.loopbackVsFetchTimeout}x fetch+timeout and <= ${BUDGETS.loopbackVsOpenapiFetch}x openapi-fetch`;
    rows.push(perCallRow(row, budget, ok));
  }
  rows.push(
    perCallRow(
      wrapper,
      `<= ${BUDGETS.wrapperVsOpenapiFetch}x openapi-fetch`,
      wrapper.vsOpenapiFetch <= BUDGETS.wrapperVsOpenapiFetch,
    ),
  );
  for (const kind of ["minified", "gzip"] as const) {
    const gz = kind === "gzip";
    rows.push([
      `one-call browser bundle, ${kind} bytes`,
      String(weight.fetch[kind]),
      String(weight["fetch+timeout"][kind]),
      String(weight["openapi-fetch"][kind]),
      String(weight.client[kind]),
      `${fmt(weight.client[kind] / weight["fetch+timeout"][kind], 2)}x`,
      `${fmt(weight.client[kind] / weight["openapi-fetch"][kind], 2)}x`,
      gz ? `<= ${BUDGETS.bundleGzipBytes} bytes` : "-",
      gz ? verdict(weight.client.gzip <= BUDGETS.bundleGzipBytes) : "-",
    ]);
  }
  rows.push([
    "tsc --noEmit, every operation, ms",
    "-",
    "-",
    fmt(types.bare, 0),
    fmt(types.client, 0),
    "-",
    `${fmt(types.client / types.bare, 2)}x`,
    "-",
    "-",
  ]);

  const header = [
    "measure",
    "fetch",
    "fetch+timeout",
    "openapi-fetch",
    "client",
    "client / fetch+timeout",
    "client / openapi-fetch",
    "budget",
    "verdict",
  ];
  const own = (files: string[]) =>
    weight.client.parts.filter(([file]) => files.includes(file)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const markdown = (head: string[], body: string[][]) =>
    [head, head.map(() => "---"), ...body].map((r) => `| ${r.join(" | ")} |`).join("\n");
  const table = markdown(header, rows);
  const limiterTable = markdown(
    ["measure", "rate limit off", "rate limit on (default)", "on / off", "budget", "verdict"],
    [
      [
        "loopback, sequential, µs/call",
        fmt(limiter.off),
        fmt(limiter.on),
        `${fmt(limiter.ratio, 3)}x`,
        `<= ${BUDGETS.limiterOnVsOff}x`,
        verdict(limiter.ratio <= BUDGETS.limiterOnVsOff),
      ],
    ],
  );
  const sandboxTable = markdown(
    ["measure", "sandbox", "Prism", "aim", "verdict"],
    [
      [
        "in-process: createSandbox() to its first answer, ms",
        fmt(sandbox.inProcessReadyMs),
        "-",
        `< ${BUDGETS.sandboxReadyMs}`,
        verdict(sandbox.inProcessReadyMs < BUDGETS.sandboxReadyMs),
      ],
      [
        "over HTTP: process start to its first answer, ms",
        fmt(sandbox.httpReadyMs, 0),
        fmt(sandbox.prismReadyMs, 0),
        `< ${BUDGETS.sandboxHttpReadyMs}`,
        verdict(sandbox.httpReadyMs < BUDGETS.sandboxHttpReadyMs),
      ],
      [
        "requests a second, 50 connections, getClassSlotById",
        fmt(sandbox.sandboxRps, 0),
        fmt(sandbox.prismRps, 0),
        ">= Prism",
        verdict(sandbox.sandboxRps >= sandbox.prismRps),
      ],
    ],
  );
  const entryTable = markdown(
    ["entry", "its own bundle, gzip bytes", "bytes it adds to the one-call bundle", "budget", "verdict"],
    entries.map(({ entry, gzip, inOneCall }) => [
      `class-booking-api/${entry}`,
      String(gzip),
      String(inOneCall),
      "0",
      verdict(inOneCall === 0),
    ]),
  );
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const report = `# Benchmark results

- date: ${new Date().toISOString()}
- machine: ${cpus().length} x ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB
- Node ${process.version}
- run time: ${fmt((performance.now() - started) / 1000, 0)} s (\`npm run bench\`)

Per-call rows: the median time of each way of calling, and the median over blocks of the
client's time divided by the baseline's in the same block (calls interleaved one by one), so a
noisy machine moves all of them together. The client runs with its defaults (retries and
timeouts on).

${table}

The in-memory rate limit, on by default, next to the same client with \`rateLimit: false\`:

${limiterTable}

The stateful sandbox next to Prism (the stateless mock), each server in its own process, the
load from the benchmark's process:

${sandboxTable}

Every optional entry, and what it adds to the main entry's one-call bundle (bytes of modules
that only that entry uses; the main entry carries only the options that plug them in):

${entryTable}

What the one-call bundle holds: it was ${BUNDLE_BEFORE_CHECKS} bytes gzip before the input checks,
with openapi-fetch in it. Now openapi-fetch and the raw wiring load only on the first
\`client.raw\` call, and the bundle holds the input and option checks (${own(["src/client/resolve.ts", "src/client/resolve-http.ts", "src/core/rules.ts", "src/client/pipeline/input.ts", "src/client/options.ts"])} bytes
minified), the rate limit (${own(["src/client/pipeline/gate.ts", "src/core/rate-limit.ts"])}), hooks and logs (${own(["src/client/pipeline/events.ts"])}), the generated table with every
input's rule (${own(["generated/operations.ts"])}), and the transport, retries and errors (${own(["src/client/pipeline/transport.ts", "src/client/pipeline/retry.ts", "src/client/pipeline/method.ts", "src/core/errors.ts"])}).
The budget of ${BUDGETS.bundleGzipBytes} bytes (the old bundle plus 400 for the checks) is not met: the checks
alone are more than 400 bytes gzip, and later issues added the rate limit and the observers.

Where the client's one-call bundle gets its minified bytes: ${weight.client.parts.map(([file, bytes]) => `${file} ${bytes}`).join(", ")}.
The same bundle with openapi-fetch left out (our own code alone): ${weight.clientOwnCode.minified} bytes minified, ${weight.clientOwnCode.gzip} gzip.
Loaded later, on the first \`client.raw\` call: ${weight.client.lazyGzip} bytes gzip (openapi-fetch and the raw wiring).
`;
  writeFileSync(path.join(repoRoot, "bench", "RESULTS.md"), report);
  process.stdout.write(`${report}\nwritten to bench/RESULTS.md\n`);
}

function perCallRow(row: PerCall, budget: string, ok: boolean): string[] {
  const digits = row.unit.startsWith("ns") ? 0 : 1;
  return [
    `${row.name}, ${row.unit}`,
    fmt(row.value.fetch, digits),
    fmt(row.value["fetch+timeout"], digits),
    fmt(row.value["openapi-fetch"], digits),
    fmt(row.value.client, digits),
    `${fmt(row.vsFetchTimeout, 3)}x`,
    `${fmt(row.vsOpenapiFetch, 3)}x`,
    budget,
    verdict(ok),
  ];
}

await main();
