/** Waiting on child processes and servers in tests, always with a bound. */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Resolves with the first match of `pattern` in the child's stdout; rejects on exit or after `timeoutMs`. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms: ${out}`)),
      timeoutMs,
    );
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}: ${out}`));
    });
  });
}

/**
 * Resolves true once the URL stops answering, false if it still answers after `withinMs`. The
 * bound is what a busy machine may need to schedule the exit, not what the code promises.
 */
export async function goesDown(url: string, withinMs = 30_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
    } catch (error) {
      // Refused (or cut while it exits): nothing listens any more. A slow answer is not "down".
      const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "UND_ERR_SOCKET") return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Pids of processes (other than this one) whose command line contains `marker`, from /proc. */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").includes(marker))
        found.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/**
 * Waits up to `withinMs` for no process with `marker` to be left; resolves with those still
 * there. The commands stop within about a second by their own timers; the bound leaves room for
 * a machine so busy that their exits are scheduled late.
 */
export async function leftovers(marker: string, withinMs = 30_000): Promise<number[]> {
  const until = Date.now() + withinMs;
  let left = processesWith(marker);
  while (left.length && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = processesWith(marker);
  }
  return left;
}

/** Kills whatever is left with `marker` (cleanup after a failed test). */
export function killAll(marker: string): void {
  for (const pid of processesWith(marker)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
