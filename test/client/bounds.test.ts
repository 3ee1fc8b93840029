/** Every call is bounded end to end: headers, body, retries; and every failure is a ClassBookingError. */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { ClassBookingError, ConnectionError, TimeoutError } from "../../src/client/index.js";
import { BOOKING, testClient } from "../helpers/client.js";
import { json, serversPerTest, type Handler } from "../helpers/server.js";

const serve = serversPerTest();
const book = { customerId: 203, classSlotId: 20334 };

/** Sends the headers and half of the body, then goes quiet (the socket stays open). */
function stallAfterHeaders(res: ServerResponse): void {
  const text = JSON.stringify(BOOKING);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.write(text.slice(0, 10));
}
/** Sends the headers and half of the body, then cuts the connection. */
function resetMidBody(res: ServerResponse): void {
  stallAfterHeaders(res);
  setTimeout(() => res.socket?.destroy(), 20);
}

describe("the body is inside the call's bounds", () => {
  it("a 200 whose body stalls is a TimeoutError after timeoutMs, with the allowed retries", async () => {
    const s = await serve((_q, res) => stallAfterHeaders(res));
    // Attempts are counted as the client sends them, and each has a second: on a busy machine a
    // shorter one can run out before the server (in this same process) has even read it, and
    // then it is the headers that never came, not the body.
    const attempts: number[] = [];
    const { client } = testClient(s.url, {
      timeoutMs: 1_000,
      maxRetries: 1,
      hooks: { onRequest: ({ attempt }) => void attempts.push(attempt) },
    });
    const started = Date.now();
    const error = await client.getClassBookingById({ bookingId: 2033 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(attempts).toEqual([1, 2]);
    expect(s.requests.length).toBeGreaterThanOrEqual(1);
  });

  it("the platform's fetch given as the fetch option is trusted with its signal, and bounds a stalled body the same", async () => {
    const s = await serve((_q, res) => stallAfterHeaders(res));
    const { client } = testClient(s.url, { fetch: globalThis.fetch, timeoutMs: 1_000, maxRetries: 0 });
    const started = Date.now();
    await expect(client.getClassBookingById({ bookingId: 2033 })).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(s.requests).toHaveLength(1);
  });

  it("the caller's abort ends a call whose body stalls, with the caller's own reason", async () => {
    const controller = new AbortController();
    // The abort follows the headers and the first bytes out of the server, then the body stalls.
    const s = await serve((_q, res) => {
      stallAfterHeaders(res);
      res.write("", () => controller.abort(new Error("user left")));
    });
    const { client } = testClient(s.url, { timeoutMs: 60_000 });
    const pending = client.getClassBookingById({ bookingId: 2033 }, { signal: controller.signal });
    await expect(pending).rejects.toThrow("user left");
    expect(s.requests).toHaveLength(1);
  });

  it("a body cut off mid-way is a ConnectionError; a read is retried", async () => {
    const s = await serve((_q, res, n) => (n === 0 ? resetMidBody(res) : json(res, 200, BOOKING)));
    const { client } = testClient(s.url);
    await expect(client.getClassBookingById({ bookingId: 2033 })).resolves.toEqual(BOOKING);
    expect(s.requests).toHaveLength(2);

    const dead = await serve((_q, res) => resetMidBody(res));
    const error = await testClient(dead.url, { maxRetries: 1 })
      .client.getClassBookingById({ bookingId: 2033 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(dead.requests).toHaveLength(2);
  });

  it("a booking whose answer is cut off is never sent again", async () => {
    const s = await serve((_q, res) => resetMidBody(res));
    await expect(testClient(s.url).client.bookClassSlot(book)).rejects.toBeInstanceOf(ConnectionError);
    expect(s.requests).toHaveLength(1);
  });

  it("a fetch that ignores the signal still cannot hold the call past timeoutMs", async () => {
    const never = (() => new Promise<Response>(() => {})) as unknown as typeof fetch;
    const { client } = testClient("http://127.0.0.1:9", { fetch: never, timeoutMs: 50, maxRetries: 0 });
    await expect(client.getClassById({ classId: 1 })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe("answers the spec does not allow", () => {
  it("an empty 2xx where the spec promises JSON is a ClassBookingError", async () => {
    const s = await serve((_q, res) => res.writeHead(200, { "content-length": "0" }).end());
    const error = await testClient(s.url)
      .client.getClassById({ classId: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassBookingError);
    expect((error as Error).message).toBe(
      "getClassById: the 200 answer has no body, but the spec promises JSON",
    );
  });

  it("an HTML 2xx is a ClassBookingError", async () => {
    const s = await serve((_q, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<html>maintenance</html>"),
    );
    await expect(testClient(s.url).client.getClassById({ classId: 1 })).rejects.toThrow(
      /getClassById: the 200 answer is not valid JSON/,
    );
  });

  it("paginate stops when an offset repeats anywhere in the walk (a, b, a)", async () => {
    const next: Record<string, string> = { "": "a", a: "b", b: "a" };
    const s = await serve((req, res) => {
      const offset = new URL(req.url, "http://x").searchParams.get("offset") ?? "";
      json(res, 200, { result: [{ id: 1, bookable: true }], hasNext: true, offset: next[offset] });
    });
    const { client } = testClient(s.url);
    const walk = async () => {
      for await (const _ of client.paginate.getActiveClasses()) void _;
    };
    await expect(walk()).rejects.toThrow(/getActiveClasses: .*offset "a" came back a second time/);
    expect(s.requests.length).toBe(3);
  });
});

describe("Retry-After: 0 does not make a herd", () => {
  it("200 concurrent reads against 503 + Retry-After: 0 for 300 ms mostly succeed", async () => {
    let until = 0;
    const s = await serve((_q, res) => {
      if (until === 0) until = Date.now() + 300;
      if (Date.now() < until) json(res, 503, { errorMessage: "busy" }, { "retry-after": "0" });
      else json(res, 200, BOOKING);
    });
    const { createClassBookingClient } = await import("../../src/client/index.js");
    const client = createClassBookingClient({ baseUrl: s.url, apiKey: "k" });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => client.getClassBookingById({ bookingId: 2033 })),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    // With the old reading (wait 0 ms) all 200 failed within ~270 ms.
    expect(ok).toBeGreaterThan(100);
  });
});
