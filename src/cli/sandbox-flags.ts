/**
 * The sandbox's flags, shared by class-booking-mock and npm start: --seed, --now and --clock,
 * read into the sandbox's own options (the names match: seed, now, clock).
 */
import type { SandboxOptions } from "../sandbox/index.js";
import { CLOCK_SPAN, inClockRange, isOffsetDateTime } from "../core/sandbox/clock.js";

export const SANDBOX_FLAGS = {
  seed: { type: "string" },
  now: { type: "string" },
  clock: { type: "string" },
} as const;

export const SANDBOX_USAGE = `  --seed <n>            the sandbox's seed (default 1): the same seed gives the same studio
  --now <date-time>     where the sandbox clock starts, ISO 8601 with an offset
                        (default: one day after the example slots' booking window opens)
  --clock fixed|real    fixed: the clock stands until moved (default); real: it runs from --now`;

/** Reads the sandbox flags; `fail` gets a one-line message naming the flag. */
export function sandboxFlags(
  values: { seed?: string; now?: string; clock?: string },
  fail: (message: string) => never,
): Pick<SandboxOptions, "seed" | "now" | "clock"> {
  const options: Pick<SandboxOptions, "seed" | "now" | "clock"> = {};
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed))
      fail(`--seed must be a whole number, got "${values.seed}"`);
    options.seed = seed;
  }
  if (values.now !== undefined) {
    if (!isOffsetDateTime(values.now) || Number.isNaN(Date.parse(values.now))) {
      fail(
        `--now must be an ISO 8601 date-time with an offset, such as 2026-12-01T08:00:00Z, got "${values.now}"`,
      );
    }
    const time = Date.parse(values.now);
    if (!inClockRange(time)) fail(`--now must be from ${CLOCK_SPAN}, got "${values.now}"`);
    options.now = values.now;
  }
  if (values.clock !== undefined) {
    if (values.clock !== "fixed" && values.clock !== "real")
      fail(`--clock must be fixed or real, got "${values.clock}"`);
    options.clock = values.clock;
  }
  return options;
}
