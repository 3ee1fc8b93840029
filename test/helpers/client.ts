/** A client wired to a test server with a runtime whose waits are recorded and never slept. */
import { buildClient } from "../../src/client/create.js";
import type { ClassBookingClientOptions } from "../../src/client/options.js";
import type { ClassSlotBookingResult } from "../../src/client/index.js";
import { loadSpec, okExample } from "../../scripts/spec.js";

export const API_KEY = "sk_live_TEST-KEY-d8f1a9c2e7";
export const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

/**
 * A client whose clock starts at NOW and moves only when it waits: every wait is recorded and
 * returns at once (after checking the signal), so retries and rate limits take no real time.
 */
export function testClient(baseUrl: string, options: Partial<ClassBookingClientOptions> = {}) {
  const waits: number[] = [];
  let clock = NOW;
  const client = buildClient(
    // Quiet unless a test asks for logs: the warnings of provoked 429s are not test output.
    { baseUrl, apiKey: API_KEY, timeoutMs: 2_000, logLevel: "off", ...options },
    {
      now: () => clock,
      random: () => 0.5,
      sleep: async (ms, signal) => {
        waits.push(ms);
        signal?.throwIfAborted();
        clock += ms;
      },
    },
  );
  return { client, waits, now: () => clock };
}

/** The spec's example answer of bookClassSlot, which the fake servers hand back. */
export const BOOKING = okExample(loadSpec(), "bookClassSlot") as ClassSlotBookingResult;

export const ERROR_409 = {
  errorMessage: "The booking was changed by another request.",
  errorCode: "CONCURRENT_MODIFICATION",
  traceId: "3049581726354019283",
};
