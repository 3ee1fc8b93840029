/**
 * The Redis store against a real redis-server: both client libraries, the places' contract
 * (held in flight, ended by release, given up after the hold), atomic shared budgets across
 * processes, a 429 in one process closing the operation in the others, and Redis dying or
 * freezing mid-run (the store fails closed, tells onError once, and nothing hangs).
 */
import { Redis as IoRedis } from "ioredis";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClassBookingClient, RateLimitError } from "../../src/client/index.js";
import { createRedisStore, type NodeRedisLike } from "../../src/redis/index.js";
import { BOOKING } from "../helpers/client.js";
import { startRedis, type RedisServer } from "../helpers/redis.js";
import { json, startServer, type TestServer } from "../helpers/server.js";
import { enforcingServer, startWorker, startWorkers } from "./harness.js";

const API_KEY = "sk_live_SHARED-KEY-5f2a9c";
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

/** Takes again after each wait the store answers, until it gives the place. */
async function takeWhenRoom(
  store: ReturnType<typeof createRedisStore>,
  key: string,
  id: string,
  limit: number,
  windowMs: number,
  holdMs: number,
) {
  for (let round = 0; round < 50; round++) {
    const wait = await store.take(key, id, limit, windowMs, holdMs);
    if (!wait) return;
    expect(wait).toBeLessThanOrEqual(windowMs + holdMs);
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new Error("no room after 50 waits");
}

describe.each([
  [
    "node-redis",
    async () => {
      const c = createClient({ url: redis.url });
      c.on("error", () => {});
      await c.connect();
      return { client: c, close: () => c.disconnect() };
    },
  ],
  [
    "ioredis",
    async () => {
      const c = new IoRedis(redis.url, { lazyConnect: true });
      c.on("error", () => {});
      await c.connect();
      return { client: c, close: async () => c.disconnect() };
    },
  ],
])("createRedisStore with %s", (_name, connect) => {
  it("holds places in a sliding window, blocks, reads the block, and keeps the API key out of every Redis key", async () => {
    const { client, close } = await connect();
    try {
      const store = createRedisStore(client, { prefix: `t${Math.random()}:` });
      const key = `scope-${Math.random()}/getClassById`;
      expect(await store.take(key, "a", 2, 300, 5_000)).toBe(0);
      expect(await store.take(key, "b", 2, 300, 5_000)).toBe(0);
      // Both in flight: no room before a window from now, whenever they are answered.
      const wait = await store.take(key, "c", 2, 300, 5_000);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(300);
      const released = performance.now();
      await store.release(key, "a", 300);
      await store.release(key, "nobody", 300);
      // a ended when Redis ran the release: c gets its place a window later, not before (Redis
      // counts whole milliseconds, hence 299).
      await takeWhenRoom(store, key, "c", 2, 300, 5_000);
      expect(performance.now() - released).toBeGreaterThanOrEqual(299);
      // A block long enough that no busy machine's delay between these lines matters.
      await store.block(key, 60_000);
      expect(await store.blocked(key)).toBeGreaterThan(50_000);
      expect(await store.blocked(key)).toBeLessThanOrEqual(60_000);
      expect(await store.take(key, "d", 100, 300, 5_000)).toBeGreaterThan(50_000);
      await store.block(key, 50); // a shorter block does not shorten the one in place
      expect(await store.blocked(key)).toBeGreaterThan(50_000);

      const api = await startServer((_req, res) => json(res, 200, BOOKING));
      const app = createClassBookingClient({
        baseUrl: api.url,
        apiKey: API_KEY,
        logLevel: "off",
        rateLimit: { store: createRedisStore(client) },
      });
      await app.getClassBookingById({ bookingId: 1 });
      await api.close();
      const all = (await (typeof (client as IoRedis).call === "function"
        ? (client as IoRedis).call("KEYS", "*")
        : (client as ReturnType<typeof createClient>).sendCommand(["KEYS", "*"]))) as string[];
      expect(
        all.some((k) => k.startsWith("class-booking-api:rate:{") && k.endsWith("/getClassBookingById}:log")),
      ).toBe(true);
      for (const k of all) expect(k).not.toContain(API_KEY);
    } finally {
      await close();
    }
  });
});

describe("places in Redis that are never released", () => {
  it("a crashed process's place comes free holdMs + windowMs after it was taken, not before", async () => {
    const c = createClient({ url: redis.url });
    c.on("error", () => {});
    await c.connect();
    try {
      const store = createRedisStore(c, { prefix: `crash${Math.random()}:` });
      const taken = performance.now();
      expect(await store.take("scope/op", "crashed", 1, 300, 200)).toBe(0);
      await takeWhenRoom(store, "scope/op", "next", 1, 300, 200);
      expect(performance.now() - taken).toBeGreaterThanOrEqual(499);
    } finally {
      await c.close();
    }
  });
});

describe("one budget across processes", () => {
  it("three processes never trigger a 429, every call completes, and together they use the allowed rate", async () => {
    const [limit, windowMs] = [30, 1_000];
    const api = await enforcingServer(limit, windowMs, 1_000);
    try {
      // Five processes share two cores here, so requests reach the server with tens of ms of
      // jitter (more on a loaded machine): no margin covers that; each call holds its place until
      // a window after its answer, so the server's count can never be ahead of the store's.
      const settings = {
        REDIS_URL: redis.url,
        API_URL: api.server.url,
        API_KEY,
        LIMIT: limit,
        WINDOW_MS: windowMs,
        LOCKOUT_MS: 1_000,
        MAX_WAIT_MS: 20_000,
        CALLS: 60,
        CONCURRENCY: 6,
      };
      const results = await Promise.all((await startWorkers(3, settings)).map((w) => w.done));
      expect(api.refused()).toBe(0);
      for (const { outcomes } of results) expect(outcomes).toEqual(Array(60).fill("ok"));
      // Most calls a sliding window allows in the span the calls took: limit per started window.
      const span = api.arrivals.at(-1)! - api.arrivals[0]!;
      const allowed = limit * (Math.floor(span / windowMs) + 1);
      expect(api.arrivals).toHaveLength(180);
      expect(
        api.arrivals.length / allowed,
        `${api.arrivals.length} calls in ${Math.round(span)} ms`,
      ).toBeGreaterThanOrEqual(0.9);
    } finally {
      await api.server.close();
    }
  }, 60_000);

  it("a 429 in one process closes the operation in the others", async () => {
    const api = await startServer((_req, res, n) =>
      n === 0 ? json(res, 429, { errorMessage: "Too many requests" }) : json(res, 200, BOOKING),
    );
    try {
      const settings = {
        REDIS_URL: redis.url,
        API_URL: api.url,
        API_KEY: `${API_KEY}-b`,
        LIMIT: 100,
        WINDOW_MS: 60_000,
        LOCKOUT_MS: 30_000,
        MAX_WAIT_MS: 0,
        MAX_RETRIES: 0,
        CALLS: 1,
        CONCURRENCY: 1,
      };
      const first = await startWorker(settings).done;
      expect(first.outcomes).toEqual(["ApiError"]);
      const others = await Promise.all([
        startWorker({ ...settings, CALLS: 3 }).done,
        startWorker({ ...settings, CALLS: 3 }).done,
      ]);
      for (const { outcomes } of others)
        expect(outcomes).toEqual(["RateLimitError", "RateLimitError", "RateLimitError"]);
      expect(api.requests).toHaveLength(1);
    } finally {
      await api.close();
    }
  }, 60_000);
});

/** A redis-server of the test's own (to kill or freeze), a node-redis client on it, an API server, and the store's warnings. */
async function withOwnRedis(
  test: (world: {
    own: RedisServer;
    redis: NodeRedisLike;
    api: TestServer;
    warnings: string[];
  }) => Promise<void>,
) {
  const own = await startRedis();
  const redis = createClient({ url: own.url, socket: { reconnectStrategy: () => 100 } });
  redis.on("error", () => {});
  await redis.connect();
  const api = await startServer((_req, res) => json(res, 200, BOOKING));
  try {
    await test({ own, redis, api, warnings: [] });
  } finally {
    await api.close();
    await redis.disconnect().catch(() => {});
    await own.stop();
  }
}

describe("Redis dies mid-run", () => {
  it(
    "fails closed: no call is sent while Redis is down, each is refused within its wait, with one onError; nothing hangs",
    () =>
      withOwnRedis(async ({ own, redis, api, warnings }) => {
        const recovered: string[] = [];
        const store = createRedisStore(redis, {
          commandTimeoutMs: 200,
          onError: (e) => warnings.push(e.message),
          onRecover: (m) => recovered.push(m),
        });
        const client = createClassBookingClient({
          baseUrl: api.url,
          apiKey: API_KEY,
          logLevel: "off",
          rateLimit: { limit: 5, windowMs: 60_000, maxWaitMs: 0, store },
        });
        for (let i = 0; i < 3; i++) await client.getClassBookingById({ bookingId: i });
        own.kill();
        const started = performance.now();
        const after = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            client.getClassBookingById({ bookingId: 10 + i }).then(
              () => "ok",
              (e: Error) => e.name,
            ),
          ),
        );
        // Other processes' places are unknown now: none of these is sent, and none waits for Redis
        // longer than one command's timeout (maxWaitMs 0: refused at once after that).
        expect(after).toEqual(Array(8).fill("RateLimitError"));
        expect(api.requests).toHaveLength(3);
        expect(performance.now() - started).toBeLessThan(5_000);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(/Redis failed .*no call is let through until it answers again/);
        expect(recovered).toEqual([]);
        for (const w of warnings) expect(w).not.toContain(API_KEY);
      }),
    30_000,
  );
});

describe("Redis stops answering (frozen, connections open)", () => {
  it(
    "a call waits at most commandTimeoutMs for one answer; calls wait for Redis within maxWaitMs, and go on when it answers again",
    () =>
      withOwnRedis(async ({ own, redis, api, warnings }) => {
        const recovered: string[] = [];
        const store = createRedisStore(redis, {
          commandTimeoutMs: 150,
          retryRedisAfterMs: 100,
          onError: (e) => warnings.push(e.message),
          onRecover: (m) => recovered.push(m),
        });
        const impatient = createClassBookingClient({
          baseUrl: api.url,
          apiKey: API_KEY,
          logLevel: "off",
          rateLimit: { maxWaitMs: 0, store },
        });
        // Redis comes back once the patient call has been told to wait (event order, not a sleep).
        const patient = createClassBookingClient({
          baseUrl: api.url,
          apiKey: API_KEY,
          logLevel: "off",
          hooks: { onRateLimit: () => own.resume() },
          rateLimit: { maxWaitMs: 20_000, store },
        });
        await impatient.getClassBookingById({ bookingId: 1 });
        own.freeze();
        const started = performance.now();
        await expect(impatient.getClassBookingById({ bookingId: 2 })).rejects.toBeInstanceOf(RateLimitError);
        expect(performance.now() - started).toBeLessThan(1_500);
        expect(warnings).toEqual([expect.stringMatching(/no answer within 150 ms/)]);
        // A call that may wait gets through once Redis answers again (with its places: same server).
        await expect(patient.getClassBookingById({ bookingId: 3 })).resolves.toEqual(BOOKING);
        expect(api.requests).toHaveLength(2);
        expect(recovered).toEqual([expect.stringMatching(/Redis answers again with its places/)]);
        expect(warnings).toHaveLength(1);
      }),
    30_000,
  );
});

describe("RateLimitError", () => {
  it("is thrown before any request when the shared budget is spent", async () => {
    const c = createClient({ url: redis.url });
    c.on("error", () => {});
    await c.connect();
    const api = await startServer((_req, res) => json(res, 200, BOOKING));
    try {
      const store = createRedisStore(c, { prefix: `once${Math.random()}:` });
      const client = createClassBookingClient({
        baseUrl: api.url,
        apiKey: API_KEY,
        logLevel: "off",
        rateLimit: { limit: 1, windowMs: 60_000, maxWaitMs: 0, store },
      });
      await client.getClassBookingById({ bookingId: 1 });
      const error = await client.getClassBookingById({ bookingId: 2 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAt.getTime()).toBeGreaterThan(Date.now() + 55_000);
      expect(api.requests).toHaveLength(1);
    } finally {
      await api.close();
      await c.disconnect();
    }
  });
});
