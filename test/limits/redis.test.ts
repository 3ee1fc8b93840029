/**
 * The Redis store against a real redis-server: both client libraries, atomic shared budgets
 * across processes, a 429 in one process closing the operation in the others, and Redis dying
 * mid-run (the store fails open, with a warning, and nothing hangs).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Redis as IoRedis } from "ioredis";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClassBookingClient, RateLimitError } from "../../src/index.js";
import { createRedisStore, type NodeRedisLike } from "../../src/redis.js";
import { repoRoot } from "../../scripts/spec.js";
import { BOOKING } from "../helpers/client.js";
import { startRedis, type RedisServer } from "../helpers/redis.js";
import { json, startServer, type TestServer } from "../helpers/server.js";

const API_KEY = "sk_live_SHARED-KEY-5f2a9c";
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
/** Runs worker.ts with these settings; resolves with its JSON line. */
function worker(env: Record<string, string | number>): Promise<{ outcomes: string[]; warnings: string[] }> {
  const child = spawn(process.execPath, ["--import", loader, path.join(repoRoot, "test", "limits", "worker.ts")], {
    env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => {
      clearTimeout(killer);
      if (code !== 0) return reject(new Error(`worker exited with ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!));
    }),
  );
}

/** An API server that enforces `limit` calls per `windowMs` (sliding) and a lockout after one too many. */
async function enforcingServer(limit: number, windowMs: number, lockoutMs: number) {
  const arrivals: number[] = [];
  let closedUntil = 0;
  let refused = 0;
  const server: TestServer = await startServer((_req, res) => {
    const now = performance.now();
    const recent = arrivals.filter((t) => t > now - windowMs).length;
    if (now < closedUntil || recent >= limit) {
      refused++;
      closedUntil = Math.max(closedUntil, now + lockoutMs);
      return json(res, 429, { errorMessage: "Too many requests" });
    }
    arrivals.push(now);
    json(res, 200, BOOKING);
  });
  return { server, arrivals, refused: () => refused };
}

describe.each([
  ["node-redis", async () => {
    const c = createClient({ url: redis.url });
    c.on("error", () => {});
    await c.connect();
    return { client: c, close: () => c.disconnect() };
  }],
  ["ioredis", async () => {
    const c = new IoRedis(redis.url, { lazyConnect: true });
    c.on("error", () => {});
    await c.connect();
    return { client: c, close: async () => c.disconnect() };
  }],
])("createRedisStore with %s", (_name, connect) => {
  it("counts in a sliding window, blocks, reads the block, and keeps the API key out of every Redis key", async () => {
    const { client, close } = await connect();
    try {
      const store = createRedisStore(client, { prefix: `t${Math.random()}:` });
      const key = `scope-${Math.random()}/getClassById`;
      expect(await store.take(key, 2, 300)).toBe(0);
      expect(await store.take(key, 2, 300)).toBe(0);
      const wait = await store.take(key, 2, 300);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(300);
      await new Promise((r) => setTimeout(r, wait + 20));
      expect(await store.take(key, 2, 300)).toBe(0);
      await store.block(key, 400);
      expect(await store.blocked(key)).toBeGreaterThan(300);
      expect(await store.take(key, 100, 300)).toBeGreaterThan(300);
      await store.block(key, 50); // a shorter block does not shorten the one in place
      expect(await store.blocked(key)).toBeGreaterThan(250);

      const api = await startServer((_req, res) => json(res, 200, BOOKING));
      const app = createClassBookingClient({ baseUrl: api.url, apiKey: API_KEY, logLevel: "off", rateLimit: { store: createRedisStore(client) } });
      await app.getClassBookingById({ bookingId: 1 });
      await api.close();
      const all = (await (typeof (client as IoRedis).call === "function" ? (client as IoRedis).call("KEYS", "*") : (client as ReturnType<typeof createClient>).sendCommand(["KEYS", "*"]))) as string[];
      expect(all.some((k) => k.startsWith("class-booking-api:rate:{") && k.endsWith("/getClassBookingById}:log"))).toBe(true);
      for (const k of all) expect(k).not.toContain(API_KEY);
    } finally {
      await close();
    }
  });
});

describe("one budget across processes", () => {
  it("three processes never trigger a 429, every call completes, and together they use the allowed rate", async () => {
    const [limit, windowMs] = [30, 1_000];
    const api = await enforcingServer(limit, windowMs, 1_000);
    try {
      // Five processes share two cores here, so requests reach the server with tens of ms of
      // jitter: the margin covers it (the default, 2% of the window, suits the API's minute).
      const settings = { REDIS_URL: redis.url, API_URL: api.server.url, API_KEY, LIMIT: limit, WINDOW_MS: windowMs, MARGIN_MS: 100, LOCKOUT_MS: 1_000, MAX_WAIT_MS: 20_000, CALLS: 60, CONCURRENCY: 6 };
      const results = await Promise.all([worker(settings), worker(settings), worker(settings)]);
      expect(api.refused()).toBe(0);
      for (const { outcomes } of results) expect(outcomes).toEqual(Array(60).fill("ok"));
      // Most calls a sliding window allows in the span the calls took: limit per started window.
      const span = api.arrivals.at(-1)! - api.arrivals[0]!;
      const allowed = limit * (Math.floor(span / windowMs) + 1);
      expect(api.arrivals).toHaveLength(180);
      expect(api.arrivals.length / allowed, `${api.arrivals.length} calls in ${Math.round(span)} ms`).toBeGreaterThanOrEqual(0.9);
    } finally {
      await api.server.close();
    }
  }, 60_000);

  it("a 429 in one process closes the operation in the others", async () => {
    const api = await startServer((_req, res, n) => (n === 0 ? json(res, 429, { errorMessage: "Too many requests" }) : json(res, 200, BOOKING)));
    try {
      const settings = { REDIS_URL: redis.url, API_URL: api.url, API_KEY: `${API_KEY}-b`, LIMIT: 100, WINDOW_MS: 60_000, LOCKOUT_MS: 30_000, MAX_WAIT_MS: 0, MAX_RETRIES: 0, CALLS: 1, CONCURRENCY: 1 };
      const first = await worker(settings);
      expect(first.outcomes).toEqual(["ApiError"]);
      const others = await Promise.all([worker({ ...settings, CALLS: 3 }), worker({ ...settings, CALLS: 3 })]);
      for (const { outcomes } of others) expect(outcomes).toEqual(["RateLimitError", "RateLimitError", "RateLimitError"]);
      expect(api.requests).toHaveLength(1);
    } finally {
      await api.close();
    }
  }, 60_000);
});

/** A redis-server of the test's own (to kill or freeze), a node-redis client on it, an API server, and the store's warnings. */
async function withOwnRedis(test: (world: { own: RedisServer; redis: NodeRedisLike; api: TestServer; warnings: string[] }) => Promise<void>) {
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
  it("fails open: every call completes, limited in this process, with one warning; nothing hangs", () =>
    withOwnRedis(async ({ own, redis, api, warnings }) => {
      const store = createRedisStore(redis, { commandTimeoutMs: 200, onError: (e) => warnings.push(e.message) });
      const client = createClassBookingClient({ baseUrl: api.url, apiKey: API_KEY, logLevel: "off", rateLimit: { limit: 5, windowMs: 60_000, maxWaitMs: 0, store } });
      for (let i = 0; i < 3; i++) await client.getClassBookingById({ bookingId: i });
      own.kill();
      const started = Date.now();
      const after = await Promise.all(Array.from({ length: 8 }, (_, i) => client.getClassBookingById({ bookingId: 10 + i }).then(() => "ok", (e: Error) => e.name)));
      expect(Date.now() - started).toBeLessThan(5_000);
      // The fallback counts in memory: 5 pass, the rest are refused at once (maxWaitMs 0).
      expect(after.filter((o) => o === "ok")).toHaveLength(5);
      expect(after.filter((o) => o === "RateLimitError")).toHaveLength(3);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Redis failed .*counting in this process only/);
      for (const w of warnings) expect(w).not.toContain(API_KEY);
    }), 30_000);
});

describe("Redis stops answering (frozen, connections open)", () => {
  it("each call waits at most commandTimeoutMs for Redis, then the store fails open; it finds Redis again", () =>
    withOwnRedis(async ({ own, redis, api, warnings }) => {
      const store = createRedisStore(redis, { commandTimeoutMs: 150, retryRedisAfterMs: 300, onError: (e) => warnings.push(e.message) });
      const client = createClassBookingClient({ baseUrl: api.url, apiKey: API_KEY, logLevel: "off", rateLimit: { store } });
      await client.getClassBookingById({ bookingId: 1 });
      own.freeze();
      const started = Date.now();
      await expect(client.getClassBookingById({ bookingId: 2 })).resolves.toEqual(BOOKING);
      await expect(client.getClassBookingById({ bookingId: 3 })).resolves.toEqual(BOOKING);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(warnings).toEqual([expect.stringMatching(/no answer within 150 ms/)]);
      own.resume();
      await new Promise((r) => setTimeout(r, 400));
      await client.getClassBookingById({ bookingId: 4 });
      expect(warnings[1]).toMatch(/Redis answers again/);
    }), 30_000);
});

describe("RateLimitError", () => {
  it("is thrown before any request when the shared budget is spent", async () => {
    const c = createClient({ url: redis.url });
    c.on("error", () => {});
    await c.connect();
    const api = await startServer((_req, res) => json(res, 200, BOOKING));
    try {
      const store = createRedisStore(c, { prefix: `once${Math.random()}:` });
      const client = createClassBookingClient({ baseUrl: api.url, apiKey: API_KEY, logLevel: "off", rateLimit: { limit: 1, windowMs: 60_000, maxWaitMs: 0, store } });
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
