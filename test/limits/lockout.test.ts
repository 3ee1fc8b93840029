/** The API's lockout: one request too many and the endpoint answers 429 for the following minute. */
import { describe, expect, it } from "vitest";
import { buildClient } from "../../src/client/create.js";
import { ApiError, createMemoryStore, RateLimitError, type RateLimitStore } from "../../src/client/index.js";
import { BOOKING, NOW, testClient } from "../helpers/client.js";
import { json, serversPerTest } from "../helpers/server.js";

const serve = serversPerTest();
const tooMany = { errorMessage: "Too many requests to this endpoint.", errorCode: "RATE_LIMIT_EXCEEDED" };
const book = { customerId: 203, classSlotId: 20334 };

describe("a 429 closes the operation", () => {
  it("is not retried inside the lockout: the caller gets a RateLimitError with retryAt, after one request", async () => {
    const s = await serve((_q, res) => json(res, 429, tooMany));
    const { client, now } = testClient(s.url, { timeoutMs: 30_000 });
    const error = await client.getClassBookingById({ bookingId: 2033 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).operationId).toBe("getClassBookingById");
    expect((error as RateLimitError).retryAt.getTime()).toBe(now() + 60_000);
    expect((error as Error).message).toMatch(
      /^getClassBookingById: rate limited: no room for this operation until \S+ \(60000 ms\), longer than it may wait \(10000 ms\); not sent$/,
    );
    expect(s.requests).toHaveLength(1);
  });

  it("while it is closed, no request for that operation leaves the client; other operations go on", async () => {
    const s = await serve((req, res) =>
      req.url.includes("/booking/")
        ? json(res, 429, tooMany)
        : json(res, 200, { result: [], hasNext: false, offset: "0" }),
    );
    const { client } = testClient(s.url, { maxRetries: 0 });
    await expect(client.getClassBookingById({ bookingId: 1 })).rejects.toBeInstanceOf(ApiError);
    await expect(client.getClassBookingById({ bookingId: 2 })).rejects.toBeInstanceOf(RateLimitError);
    await expect(client.getActiveClasses()).resolves.toMatchObject({ hasNext: false });
    expect(s.requests.map((r) => r.url)).toEqual(["/v1/classes/booking/1", "/v1/classes"]);
  });

  it("a booking that waits for the lockout (within maxWaitMs) is sent again after it: a 429 means nothing happened", async () => {
    const s = await serve((_q, res, n) => (n === 0 ? json(res, 429, tooMany) : json(res, 200, BOOKING)));
    const { client, waits } = testClient(s.url, {
      timeoutMs: 30_000,
      rateLimit: { lockoutMs: 5_000, maxWaitMs: 10_000 },
    });
    await expect(client.bookClassSlot(book)).resolves.toEqual(BOOKING);
    expect(waits).toEqual([5_000]);
    expect(s.requests.map((r) => JSON.parse(r.body))).toEqual([book, book]);
  });

  it("Retry-After, when the server sends one, sets the block instead of lockoutMs", async () => {
    const s = await serve((_q, res, n) =>
      n === 0 ? json(res, 429, tooMany, { "retry-after": "7" }) : json(res, 200, BOOKING),
    );
    const { client, waits } = testClient(s.url, { timeoutMs: 30_000, rateLimit: { maxWaitMs: 10_000 } });
    await client.getClassBookingById({ bookingId: 1 });
    expect(waits).toEqual([7_000]);
  });

  it("with rateLimit: false a 429 is retried with the backoff as before", async () => {
    const s = await serve((_q, res, n) => (n < 2 ? json(res, 429, tooMany) : json(res, 200, BOOKING)));
    const { client, waits } = testClient(s.url, { rateLimit: false });
    await expect(client.getClassBookingById({ bookingId: 1 })).resolves.toEqual(BOOKING);
    expect(waits).toEqual([375, 750]);
  });
});

describe("the client-side budget", () => {
  it("a wait is bounded by the call's timeoutMs too", async () => {
    const s = await serve((_q, res, n) => (n === 0 ? json(res, 429, tooMany) : json(res, 200, BOOKING)));
    const { client } = testClient(s.url, {
      timeoutMs: 3_000,
      rateLimit: { lockoutMs: 5_000, maxWaitMs: 10_000 },
    });
    await expect(client.getClassBookingById({ bookingId: 1 })).rejects.toThrow(
      /\(5000 ms\), longer than it may wait \(3000 ms\)/,
    );
  });

  it("lets `limit` calls through per window; the next waits for room, then goes", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const { client, waits } = testClient(s.url, {
      rateLimit: { limit: 3, windowMs: 1_000, maxWaitMs: 5_000 },
    });
    for (let i = 0; i < 4; i++) await client.getClassBookingById({ bookingId: i });
    expect(s.requests).toHaveLength(4);
    // The fourth call waited until the first call's place left the window: windowMs after its answer.
    expect(waits).toEqual([1_000]);
  });

  it("marginMs, deprecated, is still accepted and still widens the window", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const { client, waits } = testClient(s.url, {
      rateLimit: { limit: 3, windowMs: 1_000, marginMs: 20, maxWaitMs: 5_000 },
    });
    for (let i = 0; i < 4; i++) await client.getClassBookingById({ bookingId: i });
    expect(waits).toEqual([1_020]);
  });

  it("a call that would wait longer than maxWaitMs is refused at once, with nothing sent", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const { client, waits } = testClient(s.url, {
      rateLimit: { limit: 2, windowMs: 60_000, maxWaitMs: 1_000 },
    });
    await client.getClassBookingById({ bookingId: 1 });
    await client.getClassBookingById({ bookingId: 2 });
    const error = await client.getClassBookingById({ bookingId: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(waits).toEqual([]);
    expect(s.requests).toHaveLength(2);
  });

  it("the budget is per operation", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const { client } = testClient(s.url, { rateLimit: { limit: 1, windowMs: 60_000, maxWaitMs: 0 } });
    await client.getClassBookingById({ bookingId: 1 });
    await client.bookClassSlot(book);
    await expect(client.getClassBookingById({ bookingId: 1 })).rejects.toBeInstanceOf(RateLimitError);
    expect(s.requests).toHaveLength(2);
  });

  it("clients that share a store share the budget", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const store = createMemoryStore();
    const a = testClient(s.url, { rateLimit: { limit: 2, windowMs: 60_000, maxWaitMs: 0, store } }).client;
    const b = testClient(s.url, { rateLimit: { limit: 2, windowMs: 60_000, maxWaitMs: 0, store } }).client;
    await a.getClassBookingById({ bookingId: 1 });
    await b.getClassBookingById({ bookingId: 2 });
    await expect(a.getClassBookingById({ bookingId: 3 })).rejects.toBeInstanceOf(RateLimitError);
    // Another key is another budget, even in the same store.
    const c = testClient(s.url, {
      apiKey: "sk_live_OTHER-KEY",
      rateLimit: { limit: 2, windowMs: 60_000, maxWaitMs: 0, store },
    }).client;
    await expect(c.getClassBookingById({ bookingId: 4 })).resolves.toEqual(BOOKING);
  });

  it.each<[string, unknown, RegExp]>([
    ["a limit of 0", { limit: 0 }, /option "rateLimit\.limit" must be an integer from 1 to/],
    [
      "an unknown field",
      { limt: 5 },
      /unknown rateLimit option "limt"; the rateLimit options are: limit, windowMs, lockoutMs, maxWaitMs, marginMs, store/,
    ],
    [
      "a store without take",
      { store: {} },
      /option "rateLimit\.store" must have take, release, block and blocked methods \(a RateLimitStore\)$/,
    ],
    [
      "a store of the old three methods, saying why",
      { store: { take: () => 0, block: () => {}, blocked: () => 0 } },
      /must have take, release, block and blocked methods \(a RateLimitStore\); a store without release counts a call only when it is sent: give it take\(key, id, limit, windowMs, holdMs\) and release\(key, id, windowMs\)/,
    ],
    ["not an object", 5, /option "rateLimit" must be false or an object/],
  ])("refuses %s", (_name, rateLimit, message) => {
    expect(() => testClient("http://127.0.0.1:9", { rateLimit } as never)).toThrow(message);
  });
});

describe("a store that answers slowly", () => {
  it("adds at most one answer's time to a call's wait: the wait counts from the first question", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    let clock = NOW;
    const slowMs = 300;
    const memory = createMemoryStore(() => clock);
    // Each answer of the store takes 300 ms of the (fake) clock, as a slow Redis would.
    const store: RateLimitStore = {
      take: async (...args) => {
        await null;
        clock += slowMs;
        return memory.take(...args);
      },
      release: (...args) => memory.release(...args),
      block: (...args) => memory.block(...args),
      blocked: (key) => memory.blocked(key),
    };
    const sleep = async (ms: number) => void (clock += ms);
    const client = buildClient(
      {
        baseUrl: s.url,
        apiKey: "k",
        logLevel: "off",
        rateLimit: { limit: 1, windowMs: 1_100, maxWaitMs: 1_000, store },
      },
      { now: () => clock, random: () => 0.5, sleep },
    );
    await client.getClassBookingById({ bookingId: 1 });
    const asked = clock;
    const error = await client.getClassBookingById({ bookingId: 2 }).catch((e: unknown) => e);
    // Room comes 1100 ms after the first call's answer; the second call asked then, so it would
    // get its place 1100 ms plus one slow answer later: more than its 1000 ms and one answer.
    expect(error).toBeInstanceOf(RateLimitError);
    expect(clock - asked).toBeLessThanOrEqual(1_000 + slowMs);
    expect(s.requests).toHaveLength(1);
  });
});

describe("waiting in line, with real time", () => {
  it("first come, first served; an abort leaves the line at once and the others go on", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const { createClassBookingClient } = await import("../../src/client/index.js");
    const client = createClassBookingClient({
      baseUrl: s.url,
      apiKey: "k",
      rateLimit: { limit: 2, windowMs: 150, maxWaitMs: 5_000 },
    });
    const leaving = new AbortController();
    const calls = [1, 2, 3, 4, 5, 6].map((id) =>
      client.getClassBookingById({ bookingId: id }, id === 4 ? { signal: leaving.signal } : undefined).then(
        () => id,
        (e: unknown) => e,
      ),
    );
    setTimeout(() => leaving.abort(new Error("left the line")), 20);
    const results = await Promise.all(calls);
    expect(results.filter((r) => typeof r === "number")).toEqual([1, 2, 3, 5, 6]);
    expect((results[3] as Error).message).toBe("left the line");
    expect(s.requests.map((r) => r.url.split("/").pop())).toEqual(["1", "2", "3", "5", "6"]);
  });
});
