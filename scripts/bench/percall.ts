/** Per-call cost: over loopback to a server in its own process, and with a stub fetch. */
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadSpec, okExample, repoRoot } from "../spec.js";
import { BENCH_RATE_LIMIT, CALLS_PER_UNIT, everyWay } from "./calls.js";
import { blockRatio, CONTENDERS, interleaved, median, type Call, type Contender } from "./stats.js";

export interface PerCall {
  name: string;
  unit: string;
  /** Median per-call time of each contender, in `unit`. */
  value: Record<Contender, number>;
  /** Median of per-block ratios of the client to each baseline. */
  vsFetch: number;
  vsFetchTimeout: number;
  vsOpenapiFetch: number;
}

function summarize(name: string, unit: string, scale: number, runs: Record<Contender, number[][]>): PerCall {
  const value = Object.fromEntries(CONTENDERS.map((c) => [c, median(runs[c].flat()) * scale])) as Record<
    Contender,
    number
  >;
  return {
    name,
    unit,
    value,
    vsFetch: blockRatio(runs.client, runs.fetch),
    vsFetchTimeout: blockRatio(runs.client, runs["fetch+timeout"]),
    vsOpenapiFetch: blockRatio(runs.client, runs["openapi-fetch"]),
  };
}

async function startServer(): Promise<{ url: string; stop(): void }> {
  const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const child = spawn(
    process.execPath,
    ["--import", loader, path.join(repoRoot, "scripts", "bench", "server.ts")],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Runs `batch` calls of one contender in flight at once; the time per call is the batch time / batch. */
function inFlight(calls: Record<Contender, Call>, batch: number): Record<Contender, Call> {
  const wrap =
    (call: Call): Call =>
    () =>
      Promise.all(Array.from({ length: batch }, call));
  return Object.fromEntries(CONTENDERS.map((c) => [c, wrap(calls[c])])) as Record<Contender, Call>;
}

/** Runs `count` calls one after another, so one timing covers many tiny calls. */
function repeated(calls: Record<Contender, Call>, count: number): Record<Contender, Call> {
  const wrap =
    (call: Call): Call =>
    async () => {
      for (let i = 0; i < count; i++) await call();
    };
  return Object.fromEntries(CONTENDERS.map((c) => [c, wrap(calls[c])])) as Record<Contender, Call>;
}

export async function loopback(): Promise<PerCall[]> {
  const server = await startServer();
  try {
    const calls = everyWay(server.url, globalThis.fetch);
    await interleaved(calls, 6, 100); // warm-up: the JIT settles, keep-alive connections open
    const sequential = await interleaved(calls, 40, 50);
    const parallel = await interleaved(inFlight(calls, 16), 20, 10);
    for (const who of CONTENDERS) parallel[who] = parallel[who].map((block) => block.map((ms) => ms / 16));
    return [
      summarize(
        `loopback, sequential (${40 * 50 * CALLS_PER_UNIT} calls each)`,
        "µs/call",
        1000 / CALLS_PER_UNIT,
        sequential,
      ),
      summarize(
        `loopback, 16 in flight (${20 * 10 * 16 * CALLS_PER_UNIT} calls each)`,
        "µs/call",
        1000 / CALLS_PER_UNIT,
        parallel,
      ),
    ];
  } finally {
    server.stop();
  }
}

/** A fetch that answers at once with a prepared body: what is left is the code's own cost. */
function stubFetch(): typeof fetch {
  const spec = loadSpec();
  const one = JSON.stringify(okExample(spec, "bookClassSlot"));
  const list = JSON.stringify(okExample(spec, "getClassBookingsByCustomerId"));
  const head = (text: string) => ({
    status: 200,
    headers: { "content-type": "application/json", "content-length": String(text.length) },
  });
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const text = method === "POST" ? one : list;
    return new Response(text, head(text));
  }) as typeof fetch;
}

export async function wrapperOnly(): Promise<PerCall> {
  const PER_TIMING = 25;
  const calls = repeated(everyWay("http://127.0.0.1:9", stubFetch()), PER_TIMING);
  await interleaved(calls, 3, 40); // warm-up
  const runs = await interleaved(calls, 30, 40);
  return summarize(
    `stub fetch, wrapper only (${30 * 40 * PER_TIMING * CALLS_PER_UNIT} calls each)`,
    "ns/call",
    1e6 / PER_TIMING / CALLS_PER_UNIT,
    runs,
  );
}

/** The in-memory rate limit's cost per call over loopback: the client with it on (the default) vs off. */
export async function limiterCost(): Promise<{ on: number; off: number; ratio: number }> {
  const { createClassBookingClient } = await import("../../src/client/index.js");
  const server = await startServer();
  try {
    const on = createClassBookingClient({
      baseUrl: server.url,
      apiKey: "bench-key",
      rateLimit: BENCH_RATE_LIMIT,
    });
    const off = createClassBookingClient({ baseUrl: server.url, apiKey: "bench-key", rateLimit: false });
    const unit = (client: typeof on) => async () => {
      await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
      return client.getClassBookingsByCustomerId({ customerId: 203 });
    };
    // Two contenders in the four slots the helpers time; the baselines run the client without the limit.
    const calls: Record<Contender, Call> = {
      fetch: unit(off),
      "fetch+timeout": unit(off),
      "openapi-fetch": unit(off),
      client: unit(on),
    };
    await interleaved(calls, 2, 50);
    const runs = await interleaved(calls, 30, 50);
    const off3 = runs.fetch.map((block, i) => [
      ...block,
      ...runs["fetch+timeout"][i]!,
      ...runs["openapi-fetch"][i]!,
    ]);
    return {
      on: (median(runs.client.flat()) * 1000) / CALLS_PER_UNIT,
      off: (median(off3.flat()) * 1000) / CALLS_PER_UNIT,
      ratio: blockRatio(runs.client, off3),
    };
  } finally {
    server.stop();
  }
}
