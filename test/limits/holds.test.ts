/**
 * Counting that no delay can beat: a server that holds about a third of the requests for up to
 * 300 ms before it counts them (as a queueing proxy would) never counts more than `limit` in any
 * window, with one client in this process (the memory store) and with one and three processes
 * sharing a Redis store, on a real redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClassBookingClient } from "../../src/client/index.js";
import { startRedis, type RedisServer } from "../helpers/redis.js";
import { enforcingServer, someHeld, startWorkers } from "./harness.js";

const API_KEY = "sk_live_HOLDS-KEY-7c1e";
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

describe("a server that counts requests up to 300 ms late never sees more than the limit", () => {
  it("one client in this process", async () => {
    const [limit, windowMs, calls] = [10, 500, 80];
    const api = await enforcingServer(limit, windowMs, 1_000, someHeld(1));
    try {
      const client = createClassBookingClient({
        baseUrl: api.server.url,
        apiKey: API_KEY,
        logLevel: "off",
        rateLimit: { limit, windowMs, maxWaitMs: 20_000 },
      });
      let next = 0;
      const outcomes: string[] = [];
      const lane = async () => {
        while (next < calls)
          outcomes.push(
            await client.getClassBookingById({ bookingId: ++next }).then(
              () => "ok",
              (e: Error) => e.name,
            ),
          );
      };
      await Promise.all(Array.from({ length: 8 }, lane));
      expect(api.refused()).toBe(0);
      expect(api.mostInAWindow()).toBeLessThanOrEqual(limit);
      expect(outcomes).toEqual(Array(calls).fill("ok"));
    } finally {
      await api.server.close();
    }
  }, 60_000);

  it.each([
    [1, 15, 45],
    [3, 30, 60],
  ])(
    "%i process(es) sharing a Redis store",
    async (processes, limit, calls) => {
      const windowMs = 1_000;
      const api = await enforcingServer(limit, windowMs, 1_000, someHeld(processes));
      try {
        const settings = {
          REDIS_URL: redis.url,
          API_URL: api.server.url,
          API_KEY: `${API_KEY}-${processes}`,
          LIMIT: limit,
          WINDOW_MS: windowMs,
          LOCKOUT_MS: 1_000,
          MAX_WAIT_MS: 20_000,
          CALLS: calls,
          CONCURRENCY: 6,
        };
        const reports = await Promise.all((await startWorkers(processes, settings)).map((w) => w.done));
        expect(api.refused()).toBe(0);
        expect(api.mostInAWindow()).toBeLessThanOrEqual(limit);
        for (const { outcomes } of reports) expect(outcomes).toEqual(Array(calls).fill("ok"));
      } finally {
        await api.server.close();
      }
    },
    90_000,
  );
});
