import { describe, expect, it } from "vitest";
import { ApiError, ConnectionError, isApiError, TimeoutError } from "../../src/client/index.js";
import { BOOKING, ERROR_409, NOW, testClient } from "../helpers/client.js";
import { json, reset, serversPerTest, type Handler } from "../helpers/server.js";

const serve = serversPerTest();
/** Holds every request without an answer: only the client's timeout (or the caller) can end it. */
const never: Handler = () => {};
const book = { customerId: 203, classSlotId: 20334 };

describe("retries of reads", () => {
  it("503 then 200: retried after Retry-After seconds", async () => {
    const s = await serve((_q, res, n) =>
      n === 0
        ? json(res, 503, { errorMessage: "slow down" }, { "retry-after": "3" })
        : json(res, 200, BOOKING),
    );
    const { client, waits } = testClient(s.url);
    await expect(client.getClassBookingById({ bookingId: 2033 })).resolves.toEqual(BOOKING);
    expect(s.requests).toHaveLength(2);
    expect(waits).toEqual([3000]);
  });

  it("503 then 200: retried after a Retry-After HTTP date", async () => {
    const when = new Date(NOW + 7_000).toUTCString();
    const s = await serve((_q, res, n) =>
      n === 0
        ? json(res, 503, { errorMessage: "slow down" }, { "retry-after": when })
        : json(res, 200, BOOKING),
    );
    const { client, waits } = testClient(s.url);
    await client.getClassBookingById({ bookingId: 2033 });
    expect(waits).toEqual([7000]);
  });

  it("503, 503, 200: two retries with growing backoff", async () => {
    const s = await serve((_q, res, n) =>
      n < 2 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, BOOKING),
    );
    const { client, waits } = testClient(s.url);
    await expect(client.getClassBookingById({ bookingId: 2033 })).resolves.toEqual(BOOKING);
    expect(s.requests).toHaveLength(3);
    expect(waits).toEqual([375, 750]); // half of 500 ms plus random 0.5 of the other half, then of 1000 ms
  });

  it("gives up after maxRetries and throws the last answer as ApiError", async () => {
    const s = await serve((_q, res) => json(res, 503, { errorMessage: "busy", traceId: "77" }));
    const { client } = testClient(s.url);
    const error = await client.getActiveClasses().catch((e: unknown) => e);
    expect(isApiError(error, 503)).toBe(true);
    expect((error as ApiError).traceId).toBe("77");
    expect(s.requests).toHaveLength(3);
  });

  it("maxRetries 0 sends exactly one request", async () => {
    const s = await serve((_q, res) => json(res, 503, { errorMessage: "busy" }));
    const { client, waits } = testClient(s.url, { maxRetries: 0 });
    await expect(client.getActiveClasses()).rejects.toBeInstanceOf(ApiError);
    expect(s.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("a per-call maxRetries overrides the client's", async () => {
    const s = await serve((_q, res) => json(res, 500, { errorMessage: "boom" }));
    const { client } = testClient(s.url, { maxRetries: 0 });
    await expect(client.getActiveClasses({}, { maxRetries: 3 })).rejects.toBeInstanceOf(ApiError);
    expect(s.requests).toHaveLength(4);
  });

  it("a reset connection is retried, and ConnectionError (with cause) when it keeps happening", async () => {
    const flaky = await serve((_q, res, n) => (n === 0 ? reset(res) : json(res, 200, BOOKING)));
    await expect(testClient(flaky.url).client.getClassBookingById({ bookingId: 2033 })).resolves.toEqual(
      BOOKING,
    );
    expect(flaky.requests).toHaveLength(2);

    const dead = await serve((_q, res) => reset(res));
    const error = await testClient(dead.url)
      .client.getClassBookingById({ bookingId: 2033 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^getClassBookingById: could not reach GET http:\/\/127\.0\.0\.1:\d+\/v1\/classes\/booking\/2033/,
    );
    expect(dead.requests).toHaveLength(3);
  });

  it("an answer slower than timeoutMs is a TimeoutError after the allowed retries", async () => {
    const s = await serve(never);
    const { client } = testClient(s.url, { timeoutMs: 1_000, maxRetries: 1 });
    const error = await client.getClassBookingById({ bookingId: 2033 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1_000);
    expect(s.requests).toHaveLength(2);
  });

  it("validateClassSlot changes nothing, so it retries like a read", async () => {
    const s = await serve((_q, res, n) =>
      n === 0
        ? json(res, 502, { errorMessage: "gateway" })
        : json(res, 200, { validationStatus: "AVAILABLE" }),
    );
    await expect(testClient(s.url).client.validateClassSlot(book)).resolves.toEqual({
      validationStatus: "AVAILABLE",
    });
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]?.body).toBe(s.requests[0]?.body);
  });
});

describe("bookClassSlot never risks a double booking", () => {
  it("500: thrown, exactly one booking request", async () => {
    const s = await serve((_q, res) => json(res, 500, { errorMessage: "boom" }));
    await expect(testClient(s.url).client.bookClassSlot(book)).rejects.toMatchObject({ status: 500 });
    expect(s.requests).toHaveLength(1);
  });

  it("a reset connection: ConnectionError, exactly one booking request", async () => {
    const s = await serve((_q, res) => reset(res));
    await expect(testClient(s.url).client.bookClassSlot(book)).rejects.toBeInstanceOf(ConnectionError);
    expect(s.requests).toHaveLength(1);
  });

  it("a timeout: TimeoutError, exactly one booking request", async () => {
    const s = await serve(never);
    await expect(testClient(s.url, { timeoutMs: 1_000 }).client.bookClassSlot(book)).rejects.toBeInstanceOf(
      TimeoutError,
    );
    expect(s.requests).toHaveLength(1);
  });

  it("429 is retried (here without the client's rate limit): the server refused before acting, and the same body is sent again", async () => {
    const s = await serve((_q, res, n) =>
      n === 0 ? json(res, 429, { errorMessage: "later" }) : json(res, 200, BOOKING),
    );
    await expect(testClient(s.url, { rateLimit: false }).client.bookClassSlot(book)).resolves.toEqual(
      BOOKING,
    );
    expect(s.requests.map((r) => JSON.parse(r.body))).toEqual([book, book]);
  });
});

describe("the trial flow: the booking and the lead's registration are never resent after an ambiguous failure", () => {
  type Loose = Record<string, (input: unknown) => Promise<unknown>>;
  const lead = {
    leadCustomerData: { firstname: "Nora", lastname: "Lindqvist", email: "nora.lindqvist@example.org" },
    trialOfferConfigId: 1,
  };
  it.each<[string, unknown]>([
    ["bookClassSlotForTrialOffers", { customerId: 5120, classSlotId: 20334 }],
    ["createLeadCustomer", lead],
  ])("%s: a 500, a reset and a timeout each end after exactly one request", async (operationId, input) => {
    for (const [handler, failure] of [
      [(_q, res) => json(res, 500, { errorMessage: "boom" }), ApiError],
      [(_q, res) => reset(res), ConnectionError],
      [never, TimeoutError],
    ] as Array<[Handler, new (...args: never[]) => Error]>) {
      const s = await serve(handler);
      // The timeout leaves the request time to arrive on a busy machine; the other two answer at once.
      const client = testClient(s.url, { timeoutMs: 1_000 }).client as unknown as Loose;
      await expect(client[operationId]!(input)).rejects.toBeInstanceOf(failure);
      expect(s.requests).toHaveLength(1);
    }
  });

  it("confirmTrialOfferBooking is marked x-idempotent (it never creates a booking), so it retries like a read", async () => {
    const s = await serve((_q, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, { status: "CONFIRMED" }),
    );
    await expect(testClient(s.url).client.confirmTrialOfferBooking({ bookingId: 2058 })).resolves.toEqual({
      status: "CONFIRMED",
    });
    expect(s.requests.map((r) => r.url)).toEqual([
      "/v1/trial-offers/bookings/2058/confirm",
      "/v1/trial-offers/bookings/2058/confirm",
    ]);
  });
});

describe("the caller's own abort", () => {
  it("mid-retry: rejects at once with the AbortError, no further request", async () => {
    const s = await serve((_q, res) => json(res, 503, { errorMessage: "busy" }));
    const controller = new AbortController();
    const { buildClient } = await import("../../src/client/create.js");
    const client = buildClient(
      { baseUrl: s.url, apiKey: "k", maxRetries: 5 },
      {
        now: Date.now,
        random: () => 0.5,
        // The user aborts during the backoff wait; the wait must see the caller's signal.
        sleep: async (_ms, signal) => {
          controller.abort();
          signal?.throwIfAborted();
        },
      },
    );
    const error = await client.getActiveClasses({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(s.requests).toHaveLength(1);
  });

  it("while the request is in flight: rejects with the AbortError, never retried", async () => {
    const controller = new AbortController();
    // The server has the request and holds its answer: the abort comes while it is in flight.
    const s = await serve(() => controller.abort());
    const { client } = testClient(s.url);
    const pending = client.getClassBookingById({ bookingId: 2033 }, { signal: controller.signal });
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(s.requests).toHaveLength(1);
  });
});

describe("answers that are not the API's", () => {
  it("a 302 is not followed: the other origin never sees the key", async () => {
    const other = await serve((_q, res) => json(res, 200, BOOKING));
    const s = await serve((_q, res) => res.writeHead(302, { location: `${other.url}/steal` }).end());
    const error = await testClient(s.url)
      .client.getClassBookingById({ bookingId: 2033 })
      .catch((e: unknown) => e);
    expect(isApiError(error, 302)).toBe(true);
    expect((error as ApiError).location).toBe(`${other.url}/steal`);
    expect((error as Error).message).toContain(`redirect to ${other.url}/steal`);
    expect(other.requests).toHaveLength(0);
    expect(s.requests).toHaveLength(1);
  });

  it("a 502 with an HTML body is an ApiError with the status and no body", async () => {
    const s = await serve((_q, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end("<html><h1>Bad Gateway</h1></html>"),
    );
    const error = await testClient(s.url, { maxRetries: 0 })
      .client.getActiveClasses()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, body: undefined, errorCode: undefined });
    expect((error as Error).message).toBe("getActiveClasses: 502 Bad Gateway");
  });

  it("an empty 500 is still an ApiError with the status", async () => {
    const s = await serve((_q, res) => res.writeHead(500, { "content-length": "0" }).end());
    const error = await testClient(s.url)
      .client.bookClassSlot(book)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, body: undefined });
  });

  it("an ErrorResponse gives errorCode, traceId and the documented message", async () => {
    const s = await serve((_q, res) => json(res, 409, ERROR_409));
    const error = await testClient(s.url)
      .client.bookClassSlot(book)
      .catch((e: unknown) => e);
    if (!isApiError(error, 409)) throw new Error("expected an ApiError 409");
    expect(error.body).toEqual(ERROR_409);
    expect(error).toMatchObject({
      operationId: "bookClassSlot",
      method: "POST",
      url: `${s.url}/v1/classes/booking/book`,
    });
    expect(error.message).toBe(
      `bookClassSlot: 409 Conflict: ${ERROR_409.errorMessage} (errorCode ${ERROR_409.errorCode}, traceId ${ERROR_409.traceId})`,
    );
  });
});
