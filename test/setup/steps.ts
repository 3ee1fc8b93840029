/**
 * The heavy steps of a test run (build, pack, install a consumer, install the other runtimes),
 * each run once per run by a global setup, in the background, while the other tests go on. A
 * step's outcome is a JSON file in the run's folder: tests wait for it (`prepared()` in
 * test/helpers/prepared.ts), and a step that fails or is slow says which one it was.
 */
import { spawn } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What a step wrote when it ended. */
export type StepOutcome<T> =
  { ok: true; value: T; seconds: number } | { ok: false; error: string; seconds: number };

/** How long each step may take on a busy machine before it is stopped and reported as slow. */
export const STEP_TIMEOUT_MS = {
  build: 600_000,
  pack: 300_000,
  consumer: 900_000,
  runtimes: 1_800_000,
} as const;

/** Children still running, so the teardown can stop them. */
export const running = new Set<ReturnType<typeof spawn>>();

/** Runs a command without blocking the event loop; rejects naming the step when it fails or takes longer than `timeoutMs`. */
export function command(
  step: string,
  cmd: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, npm_config_update_notifier: "false" },
    });
    running.add(child);
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-20_000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => (err += String(error)));
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const took = Math.round((Date.now() - started) / 1000);
      if (code === 0) return resolve(out);
      const why =
        signal === "SIGKILL"
          ? `was stopped after ${took} s (its limit is ${timeoutMs / 1000} s): the machine is too busy or the step hangs`
          : `failed with ${signal ?? `exit code ${code}`} after ${took} s`;
      reject(new Error(`test setup step "${step}" (${cmd} ${args.join(" ")}) ${why}\n${err || out}`));
    });
  });
}

/** Runs a step and records its outcome in `<dir>/<name>.json`; never rejects. */
export async function record<T>(dir: string, name: string, work: () => Promise<T>): Promise<StepOutcome<T>> {
  const started = Date.now();
  let outcome: StepOutcome<T>;
  try {
    outcome = { ok: true, value: await work(), seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    outcome = {
      ok: false,
      error: String((error as Error)?.message ?? error),
      seconds: (Date.now() - started) / 1000,
    };
  }
  writeFileSync(path.join(dir, `${name}.json.tmp`), JSON.stringify(outcome));
  // A rename is atomic: a reader sees the whole file or none.
  renameSync(path.join(dir, `${name}.json.tmp`), path.join(dir, `${name}.json`));
  return outcome;
}
