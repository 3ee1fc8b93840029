/**
 * startMockServer(): a local mock API. By default Prism serves this package's openapi.yaml
 * (stateless, the spec's examples); with `stateful: true` the sandbox answers instead (it books,
 * holds state and checks its answers). Node only; exported from `class-booking-api/mock`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SandboxOptions } from "../core/sandbox/options.js";
import { createSandbox, type Sandbox } from "../core/sandbox/sandbox.js";
import { sandboxServer } from "./sandbox-server.js";

export interface MockServerOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Answer with data generated from the schemas instead of the spec's examples. @default false */
  dynamic?: boolean;
  /** Answer requests that break the spec with an error instead of only flagging them. @default false */
  errors?: boolean;
  /** How long Prism may take to start before the promise rejects, in ms. @default 30000 */
  startTimeoutMs?: number;
  /** Serve the stateful sandbox instead of Prism (no Prism needed). @default false */
  stateful?: boolean;
  /** Options of the sandbox, with `stateful`: seed, now and clock, fixtures, rateLimit, ... (see createSandbox). @default {} */
  sandbox?: SandboxOptions;
}

export interface MockServer {
  /** The base URL to give the client, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Stops the server (and Prism); resolves once everything has exited. */
  stop(): Promise<void>;
  /** The sandbox behind the server, with `stateful`: its clock, reset, snapshots, studios. */
  sandbox?: Sandbox;
}

/** Why the mock could not start: a taken port, no Prism, or Prism failing. */
export class MockServerError extends Error {
  constructor(
    message: string,
    /** What Prism printed before it failed, if it ran at all. */
    readonly output = "",
  ) {
    super(output ? `${message}\n--- Prism output ---\n${output}` : message);
    this.name = "MockServerError";
  }
}

export const PRISM_PACKAGE = "@stoplight/prism-cli";
export const PRISM_VERSION = "5.14.2";
export const PRISM_INSTALL = `npm install --save-dev ${PRISM_PACKAGE}@${PRISM_VERSION}`;
const READY = "Prism is listening on";
const OUTPUT_LIMIT = 64 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));

/** The packaged spec: openapi/openapi.yaml in this package's root, found from this file upwards. */
export function specPath(): string {
  for (let dir = here, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, "openapi", "openapi.yaml");
    if (existsSync(candidate)) return candidate;
  }
  throw new MockServerError("class-booking-api: openapi/openapi.yaml is missing from the package");
}

/** Finds Prism's CLI script: next to this package first, then in the current project. */
export function findPrism(): string {
  for (const base of [path.join(here, "noop.js"), path.join(process.cwd(), "noop.js")]) {
    try {
      const manifest = createRequire(base).resolve(`${PRISM_PACKAGE}/package.json`);
      return path.join(path.dirname(manifest), "dist", "index.js");
    } catch {
      // not installed there; try the next place
    }
  }
  throw new MockServerError(`Prism (${PRISM_PACKAGE}) is not installed. Install it with: ${PRISM_INSTALL}`);
}

/** Resolves with a free port (when asked for 0) or the given one, or rejects when it is taken. */
export function claimPort(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
      reject(new MockServerError(taken ? `port ${port} on ${host} is already in use` : `cannot listen on ${host}:${port}: ${error.message}`));
    });
    probe.listen(port, host, () => {
      const { port: actual } = probe.address() as { port: number };
      probe.close(() => resolve(actual));
    });
  });
}

// Runs Prism inside a small node process that exits when its stdin closes, which happens when
// the parent dies in any way (even SIGKILL), so no Prism outlives whoever started it.
const LAUNCHER = [
  'process.stdin.on("end", () => process.exit(0)).on("error", () => process.exit(0)).resume();',
  "require(process.argv[1]);",
].join("\n");

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => running.forEach((c) => c.kill("SIGKILL")));
  }
}

const urlOf = (host: string, port: number) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

/** The sandbox behind node:http. */
async function startSandboxServer(host: string, port: number, options: SandboxOptions | undefined): Promise<MockServer & { sandbox: Sandbox }> {
  const sandbox = createSandbox(options);
  const server = sandboxServer(sandbox);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
      reject(new MockServerError(taken ? `port ${port} on ${host} is already in use` : `cannot listen on ${host}:${port}: ${error.message}`));
    });
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }));
  return { url: urlOf(host, actual), stop, sandbox };
}

export function startMockServer(options: MockServerOptions & { stateful: true }): Promise<MockServer & { sandbox: Sandbox }>;
export function startMockServer(options?: MockServerOptions): Promise<MockServer>;
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { host = "127.0.0.1", dynamic = false, errors = false, startTimeoutMs = 30_000 } = options;
  const requested = options.port ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    throw new MockServerError(`port must be an integer from 0 to 65535, got ${requested}`);
  }
  if (options.stateful) return startSandboxServer(host, requested, options.sandbox);
  if (options.sandbox !== undefined) throw new MockServerError("the option sandbox goes with stateful: true (Prism has no sandbox)");
  const prism = findPrism();
  const spec = specPath();
  const port = await claimPort(requested, host);
  const args = ["mock", spec, "--host", host, "--port", String(port), ...(dynamic ? ["--dynamic"] : []), ...(errors ? ["--errors"] : [])];
  const child = spawn(process.execPath, ["-e", LAUNCHER, prism, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  track(child);

  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      // A mock has nothing to save: a Prism that has not exited after a short grace is killed.
      const force = setTimeout(() => child.kill("SIGKILL"), 800);
      await exited;
      clearTimeout(force);
    }
  };

  await new Promise<void>((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new MockServerError(message, output.trim())));
    };
    const timer = setTimeout(() => fail(`Prism did not start within ${startTimeoutMs} ms`), startTimeoutMs);
    const early = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`Prism exited before it was ready (${signal ?? `code ${code}`})`);
    child.once("error", (error) => fail(`could not start Prism: ${error.message}`));
    child.once("exit", early);
    child.stdout?.on("data", function ready() {
      if (!output.includes(READY)) return;
      child.stdout?.off("data", ready);
      child.off("exit", early);
      clearTimeout(timer);
      resolve();
    });
  });

  return { url: urlOf(host, port), stop };
}
