/** Waiting on child processes and servers in tests, always with a bound. */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Resolves with the first match of `pattern` in the child's stdout; rejects on exit or after `timeoutMs`. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms: ${out}`)), timeoutMs);
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

/** Resolves true once the URL stops answering, false if it still answers after `withinMs`. */
export async function goesDown(url: string, withinMs = 10_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(500) });
    } catch {
      return true;
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
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").includes(marker)) found.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/** Waits up to `withinMs` for no process with `marker` to be left; resolves with those still there. */
export async function leftovers(marker: string, withinMs = 2_000): Promise<number[]> {
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
