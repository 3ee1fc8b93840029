/**
 * A redis-server for the outage tests that can be killed and started again on the same port
 * (without persistence, so it comes back empty), frozen and resumed, and put to sleep with
 * DEBUG SLEEP. The shared helper (test/helpers/redis.ts) starts one that is used as it is.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { claimPort } from "../../src/mock/listen.js";
import { REDIS_INSTALL, redisArgs } from "../helpers/redis.js";
import { waitForLine } from "../helpers/process.js";

export interface OutageRedis {
  url: string;
  /** Kills the server (SIGKILL), as a crash would. */
  kill(): void;
  /** Starts a new server on the same port: an empty one, with a new run id. */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open, nothing answers. */
  freeze(): void;
  resume(): void;
  /** Blocks the server for `seconds` with DEBUG SLEEP; resolves when it answers again. */
  sleep(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startOutageRedis(): Promise<OutageRedis> {
  if (spawnSync("redis-server", ["--version"]).error)
    throw new Error(`redis-server is not installed. Install it with: ${REDIS_INSTALL}`);
  const port = await claimPort(0, "127.0.0.1");
  const dir = mkdtempSync(path.join(tmpdir(), "cba-outage-redis-"));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited = Promise.resolve();
  const start = async () => {
    const args = redisArgs(port, dir, ["--enable-debug-command", "local"]);
    const started = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    exited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    await waitForLine(started, /Ready to accept connections/, 15_000);
  };
  await start();
  const alive = () => child && child.exitCode === null && child.signalCode === null;
  return {
    url,
    kill: () => void child?.kill("SIGKILL"),
    restart: async () => {
      await exited;
      await start();
    },
    freeze: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    sleep: async (seconds) => {
      const admin = createClient({ url });
      admin.on("error", () => {});
      await admin.connect();
      try {
        await admin.sendCommand(["DEBUG", "SLEEP", String(seconds)]);
      } finally {
        await admin.close().catch(() => {});
      }
    },
    stop: async () => {
      if (alive()) {
        child!.kill("SIGCONT");
        child!.kill("SIGTERM");
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
