/** Redis killed mid-run and started again empty (its places gone), under uneven and even load; and a store that was idle through it. */
import { createClient } from "redis";
import { describe, expect, it } from "vitest";
import { createRedisStore } from "../../src/redis/index.js";
import { failover } from "./failover.js";
import { startOutageRedis } from "./outage-redis.js";

describe("Redis killed mid-run", () => {
  failover("killed, and started again empty", "uneven");
  failover("killed, and started again empty", "even");
});

describe("a store that finds Redis restarted (a process that was idle through the outage)", () => {
  it("gives no place until its longest hold plus the window have passed, and says so once", async () => {
    const redis = await startOutageRedis();
    const client = createClient({ url: redis.url, socket: { reconnectStrategy: () => 50 } });
    client.on("error", () => {});
    try {
      await client.connect();
      const errors: string[] = [];
      // Redis's answers get all the time a busy machine needs: this is about the restart, not a late answer.
      const store = createRedisStore(client, {
        commandTimeoutMs: 10_000,
        onError: (e) => errors.push(e.message),
        onRecover: (m) => errors.push(`recover: ${m}`),
      });
      expect(await store.take("scope/op", "a", 10, 300, 400)).toBe(0);
      redis.kill();
      await redis.restart();
      // The client finds the new server by itself; the store's next take is its first contact.
      await new Promise<void>((resolve) => (client.isReady ? resolve() : client.once("ready", resolve)));
      const wait = await store.take("scope/op", "b", 10, 300, 400);
      // Redis read its clock before this answer came back, so the quiet time ends at most `wait` from now.
      const answered = performance.now();
      expect(wait).toBeGreaterThanOrEqual(650);
      expect(wait).toBeLessThanOrEqual(700);
      expect(errors).toEqual([
        expect.stringMatching(
          /^rate-limit store: Redis lost the places it held \(it restarted, or another server took over\); no call is let through until \S+, when every call counted before is out of the window$/,
        ),
      ]);
      // After the quiet time, the new server counts as usual.
      // (Plus 2 ms: the store rounds its wait to whole milliseconds, and a timer may fire a little early.)
      await new Promise((r) => setTimeout(r, Math.max(0, wait + 2 - (performance.now() - answered))));
      expect(await store.take("scope/op", "b", 10, 300, 400)).toBe(0);
      expect(errors).toHaveLength(1);
    } finally {
      await client.close().catch(() => {});
      await redis.stop();
    }
  }, 30_000);
});
