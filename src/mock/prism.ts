/**
 * Prism for the mock: finding its CLI (next to this package, then in the current project), the
 * packaged spec it serves, and its process, supervised: started on a claimed port, ready once it
 * says so, stopped with a short grace, and never outliving whoever started it (even one killed
 * with SIGKILL).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MockServerError } from "./error.js";
import { claimPort, urlOf } from "./listen.js";

export const PRISM_PACKAGE = "@stoplight/prism-cli";
export const PRISM_VERSION = "5.14.2";
const PRISM_INSTALL = `npm install --save-dev ${PRISM_PACKAGE}@${PRISM_VERSION}`;
const READY = "Prism is listening on";
const OUTPUT_LIMIT = 64 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));

/** The packaged spec: openapi/openapi.yaml in this package's root, found from this file upwards. */
function specPath(): string {
  for (let dir = here, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, "openapi", "openapi.yaml");
    if (existsSync(candidate)) return candidate;
  }
  throw new MockServerError("class-booking-api: openapi/openapi.yaml is missing from the package");
}

/** Finds Prism's CLI script: next to this package first, then in the current project. */
function findPrism(): string {
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

/** How Prism is started. */
export interface PrismSettings {
  host: string;
  /** The port asked for (0: a free one). */
  port: number;
  dynamic: boolean;
  errors: boolean;
  startTimeoutMs: number;
}

/** Starts Prism on the packaged spec; resolves once it listens, with its URL and how to stop it. */
export async function startPrism({
  host,
  port: requested,
  dynamic,
  errors,
  startTimeoutMs,
}: PrismSettings): Promise<{ url: string; stop(): Promise<void> }> {
  const prism = findPrism();
  const spec = specPath();
  const port = await claimPort(requested, host);
  const args = [
    "mock",
    spec,
    "--host",
    host,
    "--port",
    String(port),
    ...(dynamic ? ["--dynamic"] : []),
    ...(errors ? ["--errors"] : []),
  ];
  const child = spawn(process.execPath, ["-e", LAUNCHER, prism, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
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
