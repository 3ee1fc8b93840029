/**
 * The failover scenarios, run by the test files failover-*.test.ts (apart, so that they run side by
 * side). Redis fails mid-run under three processes that share it, against a server that enforces the
 * limit (and holds some requests up to 300 ms before it counts them): killed and started again
 * empty, frozen (SIGSTOP, SIGCONT), or blocked (DEBUG SLEEP); with the load uneven before the
 * outage (one process uses most of the budget) and even. No 429 reaches a client, the server
 * never counts more than the limit in a window, and no call waits past its bound.
 */
import { afterEach, expect, it } from "vitest";
import { enforcingServer, someHeld, startWorkers, type EnforcingServer } from "./harness.js";
import { startOutageRedis, type OutageRedis } from "./outage-redis.js";

const [LIMIT, WINDOW_MS] = [20, 1_000];
const [TIMEOUT_MS, MAX_WAIT_MS, COMMAND_TIMEOUT_MS] = [2_000, 2_000, 300];
/**
 * The most a call may take here: its wait for room (at most min(maxWaitMs, timeoutMs)), one
 * Redis command that is late (commandTimeoutMs), one attempt (timeoutMs; the server answers
 * every counted request), and time for a machine so busy that timers and answers come late.
 */
const BOUND_MS = Math.min(MAX_WAIT_MS, TIMEOUT_MS) + COMMAND_TIMEOUT_MS + TIMEOUT_MS;
const BUSY_MACHINE_MS = 2_000;

/** Each process's share of the load: calls that succeed, lanes, and the pause of each lane between calls. */
const LOADS = {
  uneven: [
    { CALLS: 90, CONCURRENCY: 6, PACE_MS: 0 },
    { CALLS: 20, CONCURRENCY: 1, PACE_MS: 150 },
    { CALLS: 20, CONCURRENCY: 1, PACE_MS: 150 },
  ],
  even: [0, 1, 2].map(() => ({ CALLS: 45, CONCURRENCY: 2, PACE_MS: 0 })),
};

/** What each outage does to Redis once the processes have made `before` calls. */
export type Outage =
  "killed, and started again empty" | "frozen (SIGSTOP), then resumed (SIGCONT)" | "blocked by DEBUG SLEEP";
const OUTAGES: Record<Outage, (redis: OutageRedis, noticed: () => Promise<void>) => Promise<void>> = {
  "killed, and started again empty": async (redis, noticed) => {
    redis.kill();
    await noticed();
    await redis.restart();
  },
  "frozen (SIGSTOP), then resumed (SIGCONT)": async (redis, noticed) => {
    redis.freeze();
    await noticed();
    redis.resume();
  },
  "blocked by DEBUG SLEEP": (redis) => redis.sleep(1.5),
};

const open: Array<{ redis: OutageRedis; api: EnforcingServer }> = [];
afterEach(async () => {
  await Promise.all(
    open.splice(0).map(async ({ redis, api }) => Promise.all([redis.stop(), api.server.close()])),
  );
});

/** One scenario: Redis fails this way mid-run, after this load. */
export function failover(outage: Outage, load: keyof typeof LOADS): void {
  it(`Redis ${outage} mid-run, load ${load} before it: no 429 reaches a client, the server never counts more than the limit, and no call waits past its bound`, async () => {
    const redis = await startOutageRedis();
    const api = await enforcingServer(LIMIT, WINDOW_MS, 1_000, someHeld(7));
    open.push({ redis, api });
    const common = {
      REDIS_URL: redis.url,
      API_URL: api.server.url,
      API_KEY: "sk_live_OUTAGE-KEY-3d9b",
      LIMIT,
      WINDOW_MS,
      LOCKOUT_MS: 1_000,
      MAX_WAIT_MS,
      TIMEOUT_MS,
      COMMAND_TIMEOUT_MS,
      RETRY_REDIS_AFTER_MS: 100,
      UNTIL_OK: 1,
    };
    const workers = await startWorkers(3, common, LOADS[load]);
    // A window and a half into the run, most of it from the busy process when the load is uneven.
    await api.reached(30);
    const countedBefore = api.arrivals.length;
    await OUTAGES[outage]!(redis, () =>
      Promise.all(workers.map((w) => w.saw(/Redis failed/))).then(() => {}),
    );
    const reports = await Promise.all(workers.map((w) => w.done));

    expect(api.refused()).toBe(0);
    expect(api.mostInAWindow()).toBeLessThanOrEqual(LIMIT);
    for (const { outcomes, durations } of reports) {
      expect(outcomes.filter((o) => o !== "ok" && o !== "RateLimitError")).toEqual([]);
      expect(Math.max(...durations)).toBeLessThanOrEqual(BOUND_MS + BUSY_MACHINE_MS);
    }
    // The run went on after the outage, through Redis again.
    expect(api.arrivals.length).toBeGreaterThan(countedBefore + 10);
    // Every process found out (the test waited for it), and after a restart knew the places were gone.
    if (outage.startsWith("killed"))
      expect(reports.flatMap((r) => r.warnings).some((m) => /Redis lost the places it held/.test(m))).toBe(
        true,
      );
  }, 90_000);
}
