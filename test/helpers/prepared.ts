/** Waits, in a test, for the outcome of a step the package setup runs (test/setup/package.ts). */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import type { Packed } from "../setup/package.js";
import { STEP_TIMEOUT_MS, type StepOutcome } from "../setup/steps.js";

interface Steps {
  build: true;
  pack: Packed;
  /** The consumer project's folder. */
  consumer: string;
  /** A project that installed only the package. */
  "client-only": string;
  /** The runtimes' node_modules folder. */
  runtimes: string;
}

/** The longest any step may take; a step records a failure when it runs over its own limit. */
const LONGEST = Math.max(...Object.values(STEP_TIMEOUT_MS)) + 60_000;

/** Resolves with a step's value once it has ended, or throws its error (naming the step). */
export async function prepared<K extends keyof Steps>(name: K): Promise<Steps[K]> {
  const file = path.join(inject("preparedDir"), `${name}.json`);
  const until = Date.now() + LONGEST;
  while (!existsSync(file)) {
    if (Date.now() > until)
      throw new Error(`test setup step "${name}" did not end within ${LONGEST / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const outcome = JSON.parse(readFileSync(file, "utf8")) as StepOutcome<Steps[K]>;
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}
