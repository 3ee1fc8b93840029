import { describe, expect, it } from "vitest";
import { ApiError, ClassBookingError } from "../../src/client/index.js";
import { API_KEY, BOOKING, testClient } from "../helpers/client.js";
import { json, serversPerTest } from "../helpers/server.js";
import { VERSION } from "../../src/core/version.js";
import { readFileSync } from "node:fs";

const serve = serversPerTest();

describe("named methods send the right request", () => {
  it("bookClassSlot posts the flat input as the JSON body with auth and client headers", async () => {
    const s = await serve((_req, res) => json(res, 200, BOOKING));
    const { client } = testClient(s.url, { acceptLanguage: "de", userAgent: "gym-app/2.3" });
    const booking = await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
    expect(booking).toEqual(BOOKING);
    const [req] = s.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/v1/classes/booking/book");
    expect(JSON.parse(req!.body)).toEqual({ customerId: 203, classSlotId: 20334 });
    expect(req?.headers).toMatchObject({
      "x-api-key": API_KEY,
      accept: "application/json",
      "content-type": "application/json",
      "accept-language": "de",
      "x-client": `class-booking-api/${VERSION} gym-app/2.3`,
      "user-agent": `class-booking-api/${VERSION} gym-app/2.3`,
    });
  });

  it("path and query fields go where the spec puts them, query values in the spec's order", async () => {
    const s = await serve((_req, res) => json(res, 200, { result: [], hasNext: false, offset: "0" }));
    const { client } = testClient(s.url);
    await client.getClassSlots({ classId: 14928, sliceSize: 20, offset: "40" });
    await client.getClassSlotsForMultipleClasses({ daysAhead: 3, slotWindowStartDate: "2026-12-01" });
    await client.getClassBookingsByCustomerId({ customerId: 203 });
    expect(s.requests.map((r) => r.url)).toEqual([
      "/v1/classes/14928/slots?offset=40&sliceSize=20",
      "/v1/classes/slots?daysAhead=3&slotWindowStartDate=2026-12-01",
      "/v1/classes/booking?customerId=203",
    ]);
    expect(s.requests.every((r) => r.body === "")).toBe(true);
  });

  it("client and per-call headers are added; neither may set X-API-KEY", async () => {
    const s = await serve((_req, res) => json(res, 200, BOOKING));
    const { client } = testClient(s.url, { headers: { "X-Studio": "north" } });
    await client.getClassBookingById({ bookingId: 2033 }, { headers: { "X-Request-Id": "abc" } });
    expect(s.requests[0]?.headers).toMatchObject({
      "x-api-key": API_KEY,
      "x-studio": "north",
      "x-request-id": "abc",
    });

    expect(() => testClient(s.url, { headers: { "x-api-key": "other" } })).toThrow(
      'createClassBookingClient: option "headers" must not set X-API-KEY; pass the key as apiKey',
    );
    await expect(
      client.getClassBookingById({ bookingId: 2033 }, { headers: { "X-API-KEY": "other" } }),
    ).rejects.toThrow('getClassBookingById: call option "headers" must not set X-API-KEY');
    expect(s.requests).toHaveLength(1);
  });

  it("a body-less 200 (cancel) resolves to undefined", async () => {
    const s = await serve((_req, res) => res.writeHead(200).end());
    const { client } = testClient(s.url);
    await expect(client.cancelClassSlotById({ bookingId: 2033 })).resolves.toBeUndefined();
    expect(s.requests[0]).toMatchObject({ method: "DELETE", url: "/v1/classes/booking/2033" });
  });

  it("a 200 with broken JSON is a ClassBookingError naming the operation", async () => {
    const s = await serve((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"bookingId":'),
    );
    const { client } = testClient(s.url);
    const error = await client.getClassBookingById({ bookingId: 2033 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassBookingError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/^getClassBookingById: .*not valid JSON/);
    expect(s.requests).toHaveLength(1);
  });

  it("a missing required input or an unknown one fails before any request", async () => {
    const s = await serve((_req, res) => json(res, 200, BOOKING));
    const { client } = testClient(s.url);
    const loose = client as unknown as Record<string, (input: object) => Promise<unknown>>;
    await expect(loose.bookClassSlot!({ customerId: 203 })).rejects.toThrow(
      'bookClassSlot: missing required input "classSlotId"',
    );
    await expect(loose.getClassById!({ classId: 1, clasId: 2 })).rejects.toThrow(
      'getClassById: unknown input "clasId"',
    );
    expect(s.requests).toHaveLength(0);
  });

  it("has one method per operation in the spec's table", async () => {
    const { operations } = await import("../../generated/operations.js");
    const { client } = testClient("http://127.0.0.1:9");
    for (const id of Object.keys(operations))
      expect(client[id as keyof typeof operations], id).toBeTypeOf("function");
    expect(Object.keys(client.paginate).sort()).toEqual(
      Object.entries(operations)
        .filter(([, row]) => "sliced" in row)
        .map(([id]) => id)
        .sort(),
    );
  });

  it("VERSION matches package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
});

describe("client.raw", () => {
  it("is result-style openapi-fetch on the same auth and retries", async () => {
    const s = await serve((_req, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, BOOKING),
    );
    const { client, waits } = testClient(s.url);
    const { data, error, response } = await client.raw.GET("/v1/classes/booking/{bookingId}", {
      params: { path: { bookingId: 2033 } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(BOOKING);
    expect(s.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(s.requests.every((r) => r.headers["x-api-key"] === API_KEY)).toBe(true);
  });

  it("keeps the booking rule: raw POST /book is not retried on 500", async () => {
    const s = await serve((_req, res) => json(res, 500, { errorMessage: "boom" }));
    const { client } = testClient(s.url);
    const { error, response } = await client.raw.POST("/v1/classes/booking/book", {
      body: { customerId: 203, classSlotId: 20334 },
    });
    expect(response.status).toBe(500);
    expect(error).toEqual({ errorMessage: "boom" });
    expect(s.requests).toHaveLength(1);
  });

  it("finds the operation behind a raw call: POST /validate retries like a read", async () => {
    const s = await serve((_req, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, { validationStatus: "AVAILABLE" }),
    );
    const { client } = testClient(s.url);
    const { data } = await client.raw.request("post", "/v1/classes/booking/validate", {
      body: { customerId: 203, classSlotId: 20334 },
    });
    expect(data).toEqual({ validationStatus: "AVAILABLE" });
    expect(s.requests).toHaveLength(2);
  });

  it("a raw call that times out names its operation", async () => {
    const s = await serve(() => {}); // never answers
    const { client } = testClient(s.url, { timeoutMs: 20, maxRetries: 0 });
    const call = client.raw.GET("/v1/classes/booking/{bookingId}", { params: { path: { bookingId: 2033 } } });
    await expect(call).rejects.toThrow(
      /^getClassBookingById: no answer from GET http:\/\/127\.0\.0\.1:\d+\/v1\/classes\/booking\/2033 within 20 ms$/,
    );
  });
});
