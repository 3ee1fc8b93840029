/** A real redis-server (Debian's package) on 127.0.0.1 and a free port, for one test file. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { claimPort } from "../../src/mock/listen.js";
import { waitForLine } from "./process.js";

export const REDIS_INSTALL = "apt-get update && apt-get install -y redis-server";

export interface RedisServer {
  url: string;
  port: number;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): void;
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers; `resume` undoes it. */
  freeze(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** A throwaway redis-server's arguments: on 127.0.0.1 at this port, nothing written to disk but in `dir`. */
export const redisArgs = (port: number, dir: string, more: string[] = []): string[] => [
  ...["--port", String(port), "--bind", "127.0.0.1"],
  ...["--save", "", "--appendonly", "no", "--dir", dir],
  ...more,
];

export async function startRedis(): Promise<RedisServer> {
  const found = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (found.error) throw new Error(`redis-server is not installed. Install it with: ${REDIS_INSTALL}`);
  const port = await claimPort(0, "127.0.0.1");
  const dir = mkdtempSync(path.join(tmpdir(), "cba-redis-"));
  const child: ChildProcess = spawn("redis-server", redisArgs(port, dir, ["--protected-mode", "yes"]), {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForLine(child, /Ready to accept connections/, 15_000);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => child.kill("SIGKILL"),
    freeze: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGCONT");
        child.kill("SIGTERM");
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
