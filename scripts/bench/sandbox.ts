/**
 * The sandbox next to Prism: how long until each answers its first request, and how many requests
 * a second each answers with 50 connections. The servers run in their own processes (the built
 * CLI), the load comes from this one.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createSandbox } from "../../src/sandbox/index.js";
import { claimPort } from "../../src/mock/listen.js";
import { repoRoot } from "../spec.js";
import { median } from "./stats.js";

const READ = "/v1/classes/14928/slots/20334";
const HEADERS = { "x-api-key": "bench-key" };

/** Starts the built class-booking-mock with `args`; resolves once it answers, with the time that took. */
async function startCli(args: string[]): Promise<{ url: string; readyMs: number; stop(): void }> {
  const port = await claimPort(0, "127.0.0.1");
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, "dist", "bin", "class-booking-mock.js"), "--port", String(port), ...args],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(url + READ, { headers: HEADERS }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, readyMs: performance.now() - started, stop: () => child.kill() };
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill();
  throw new Error(`class-booking-mock ${args.join(" ")} did not answer within 15 s`);
}

/** Requests per second over `seconds`, from `connections` loops that each wait for their answer. */
async function throughput(url: string, connections = 50, seconds = 3): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const res = await fetch(url + READ, { headers: HEADERS });
        await res.arrayBuffer();
        if (res.ok) done++;
      }
    }),
  );
  return done / seconds;
}

export interface SandboxBench {
  inProcessReadyMs: number;
  httpReadyMs: number;
  prismReadyMs: number;
  sandboxRps: number;
  prismRps: number;
}

export async function sandboxBench(): Promise<SandboxBench> {
  const inProcess: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const sandbox = createSandbox({ seed: i });
    const res = await sandbox.fetch(`http://localhost${READ}`, { headers: HEADERS });
    if (!res.ok) throw new Error(`the sandbox answered ${res.status}`);
    inProcess.push(performance.now() - started);
  }
  const http: number[] = [];
  let sandboxRps = 0;
  for (let i = 0; i < 3; i++) {
    const server = await startCli(["--stateful"]);
    http.push(server.readyMs);
    if (i === 2) sandboxRps = await throughput(server.url);
    server.stop();
  }
  const prism: number[] = [];
  let prismRps = 0;
  for (let i = 0; i < 3; i++) {
    const server = await startCli([]);
    prism.push(server.readyMs);
    if (i === 2) prismRps = await throughput(server.url);
    server.stop();
  }
  return {
    inProcessReadyMs: median(inProcess),
    httpReadyMs: median(http),
    prismReadyMs: median(prism),
    sandboxRps,
    prismRps,
  };
}
