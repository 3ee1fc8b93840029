/**
 * What the rate-limit tests share: an API server that enforces the limit the way the API does
 * (and can hold chosen requests before it counts them, as a queueing proxy would), and a runner
 * for worker.ts, one client process sharing a Redis store.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../../scripts/spec.js";
import { BOOKING } from "../helpers/client.js";
import { json, startServer, type TestServer } from "../helpers/server.js";

/** A small seeded random generator (mulberry32), so a test's holds are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Holds about one request in three for a random time up to `maxMs` (seeded). */
export function someHeld(seed: number, maxMs = 300): (n: number) => number {
  const random = seeded(seed);
  return () => (random() < 1 / 3 ? Math.floor(random() * (maxMs + 1)) : 0);
}

export interface EnforcingServer {
  server: TestServer;
  /** When each request was counted (performance.now()), in order: when it arrived, after its hold. */
  arrivals: number[];
  /** How many requests were refused with 429 (over the limit, or inside the lockout). */
  refused(): number;
  /** The most requests counted in any window of `windowMs`. */
  mostInAWindow(): number;
  /** Resolves once `count` requests were counted. */
  reached(count: number): Promise<void>;
}

/**
 * An API server that counts a request when it reaches it (after `hold(n)` ms for request n), allows
 * `limit` in any sliding `windowMs`, and answers 429 to everything for `lockoutMs` after one too many.
 */
export async function enforcingServer(
  limit: number,
  windowMs: number,
  lockoutMs: number,
  hold: (n: number) => number = () => 0,
): Promise<EnforcingServer> {
  const arrivals: number[] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  let closedUntil = 0;
  let refused = 0;
  const count = (res: Parameters<Parameters<typeof startServer>[0]>[1]) => {
    const now = performance.now();
    let recent = 0;
    for (let i = arrivals.length - 1; i >= 0 && arrivals[i]! > now - windowMs; i--) recent++;
    if (now < closedUntil || recent >= limit) {
      refused++;
      closedUntil = Math.max(closedUntil, now + lockoutMs);
      return json(res, 429, { errorMessage: "Too many requests" });
    }
    arrivals.push(now);
    for (const w of waiting.filter((w) => arrivals.length >= w.count)) w.resolve();
    json(res, 200, BOOKING);
  };
  const server = await startServer((_req, res, n) => {
    const ms = hold(n);
    if (ms > 0) setTimeout(count, ms, res);
    else count(res);
  });
  return {
    server,
    arrivals,
    refused: () => refused,
    reached: (count) =>
      arrivals.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiting.push({ count, resolve })),
    mostInAWindow: () => {
      let most = 0;
      for (let i = 0, j = 0; i < arrivals.length; i++) {
        while (arrivals[j]! <= arrivals[i]! - windowMs) j++;
        most = Math.max(most, i - j + 1);
      }
      return most;
    },
  };
}

/** What one worker reports: each call's outcome and how long it took (ms), and the store's messages. */
export interface WorkerReport {
  outcomes: string[];
  durations: number[];
  warnings: string[];
}

const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** A running worker.ts: `lines` are its progress lines as they come, `done` its report. */
export interface Worker {
  child: ChildProcess;
  lines: string[];
  /** Resolves when the worker has printed a line matching `pattern`. */
  saw(pattern: RegExp): Promise<void>;
  /** Starts the calls of a worker started with WAIT_FOR_GO, once it said "ready". */
  go(): void;
  done: Promise<WorkerReport>;
}

/** Starts `count` workers (worker i with `each[i]` added to `env`), and their calls together once every one is ready. */
export function startWorkers(
  count: number,
  env: Record<string, string | number>,
  each: Array<Record<string, string | number>> = [],
): Promise<Worker[]> {
  const workers = Array.from({ length: count }, (_, i) =>
    startWorker({ ...env, ...each[i], WAIT_FOR_GO: 1 }),
  );
  return Promise.all(workers.map((w) => w.saw(/^ready$/))).then(() => {
    for (const w of workers) w.go();
    return workers;
  });
}

/** Starts worker.ts with these settings (see worker.ts); it is killed if it runs for more than 90 s. */
export function startWorker(env: Record<string, string | number>): Worker {
  const child = spawn(
    process.execPath,
    ["--import", loader, path.join(repoRoot, "test", "limits", "worker.ts")],
    {
      env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const waiting: Array<{ pattern: RegExp; resolve: () => void }> = [];
  let partial = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiting.filter((w) => w.pattern.test(line))) w.resolve();
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  const done = new Promise<WorkerReport>((resolve, reject) =>
    child.once("exit", (code) => {
      clearTimeout(killer);
      const last = lines.at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{")) return reject(new Error(`worker exited with ${code}: ${err}`));
      resolve(JSON.parse(last) as WorkerReport);
    }),
  );
  return {
    child,
    lines,
    done,
    go: () => void child.stdin!.end("go\n"),
    saw: (pattern) =>
      lines.some((l) => pattern.test(l))
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiting.push({ pattern, resolve });
            done.then(() => reject(new Error(`the worker ended without printing ${pattern}`)), reject);
          }),
  };
}
