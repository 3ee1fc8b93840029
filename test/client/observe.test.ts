/** Hooks, logs and the response of a success: what a user can see of a call, and never the key. */
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ClassBookingError,
  RateLimitError,
  type CallInfo,
  type Logger,
} from "../../src/client/index.js";
import { listen } from "../../src/client/pipeline/events.js";
import { API_KEY, BOOKING, ERROR_409, testClient } from "../helpers/client.js";
import { json, serversPerTest } from "../helpers/server.js";

const serve = serversPerTest();

/** A logger that keeps its lines. */
function recorder(): Logger & { lines: Array<[string, string]> } {
  const lines: Array<[string, string]> = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      void lines.push([level, args.map(String).join(" ")]);
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

describe("hooks", () => {
  it("see every attempt, the retry and its reason, in order, counted as the logs count them, and never the key", async () => {
    const s = await serve((_q, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, BOOKING),
    );
    const seen: Array<[string, CallInfo & Record<string, unknown>]> = [];
    const hook = (name: string) => (info: CallInfo) =>
      void seen.push([name, info as CallInfo & Record<string, unknown>]);
    const hooks = {
      onRequest: hook("request"),
      onResponse: hook("response"),
      onRetry: hook("retry"),
      onRateLimit: hook("rateLimit"),
      onError: hook("error"),
    };
    const { client } = testClient(s.url, { hooks, logLevel: "off" });
    await client.getClassBookingById({ bookingId: 2033 });
    expect(seen.map(([name, info]) => [name, info.attempt, info.status ?? null])).toEqual([
      ["request", 1, null],
      ["response", 1, 503],
      // The retry leads to attempt 2, as its log line says ("attempt 2 of 3").
      ["retry", 2, 503],
      ["request", 2, null],
      ["response", 2, 200],
    ]);
    expect(seen[2]![1]).toMatchObject({
      reason: "status 503",
      delayMs: 375,
      operationId: "getClassBookingById",
      method: "GET",
      // A booking id points at one customer: masked unless logBodies is on.
      url: `${s.url}/v1/classes/booking/***`,
    });
    for (const [, info] of seen) {
      expect(typeof info.durationMs).toBe("number");
      expect(JSON.stringify(info)).not.toContain(API_KEY);
    }
  });

  it("onError gets the error, the status and the API's trace id", async () => {
    const s = await serve((_q, res) => json(res, 409, ERROR_409));
    const errors: Array<CallInfo & { error: unknown }> = [];
    const { client } = testClient(s.url, {
      hooks: { onError: (info) => void errors.push(info) },
      logLevel: "off",
    });
    await expect(client.bookClassSlot({ customerId: 203, classSlotId: 20334 })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      operationId: "bookClassSlot",
      status: 409,
      traceId: ERROR_409.traceId,
      errorCode: ERROR_409.errorCode,
      attempt: 1,
    });
    expect(errors[0]!.error).toBeInstanceOf(ApiError);
  });

  it("onRateLimit hears a 429 closing the operation, and a refusal", async () => {
    const s = await serve((_q, res) => json(res, 429, { errorMessage: "later" }));
    const limits: Array<{ waitMs: number; refused: boolean; status?: number }> = [];
    const { client } = testClient(s.url, {
      timeoutMs: 30_000,
      hooks: { onRateLimit: (info) => void limits.push(info) },
      logLevel: "off",
    });
    await expect(client.getActiveClasses()).rejects.toBeInstanceOf(RateLimitError);
    expect(limits).toEqual([
      expect.objectContaining({ waitMs: 60_000, refused: false, status: 429 }),
      expect.objectContaining({ waitMs: 60_000, refused: true }),
    ]);
  });

  it("a hook that throws never breaks a call", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const boom = () => {
      throw new Error("hook broke");
    };
    const { client } = testClient(s.url, {
      hooks: { onRequest: boom, onResponse: boom, onError: boom },
      logLevel: "off",
    });
    await expect(client.getClassBookingById({ bookingId: 1 })).resolves.toEqual(BOOKING);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      "an unknown hook",
      { hooks: { onRespose: () => {} } },
      /unknown hook "onRespose"; the hooks are: onRequest, onResponse, onRetry, onRateLimit, onError/,
    ],
    [
      "a hook that is not a function",
      { hooks: { onRequest: "log" } },
      /option "hooks\.onRequest" must be a function/,
    ],
    [
      "a logger without methods",
      { logger: { log: () => {} } },
      /option "logger" must have debug, info, warn and error methods/,
    ],
    [
      "an unknown level",
      { logLevel: "verbose" },
      /option "logLevel" must be one of debug, info, warn, error, off, got "verbose"/,
    ],
    ["logBodies that is not a boolean", { logBodies: "yes" }, /option "logBodies" must be true or false/],
    ["tracing that is not a tracer", { tracing: {} }, /option "tracing" must be a tracer/],
  ])("refuses %s at construction", (_name, options, message) => {
    expect(() => testClient("http://127.0.0.1:9", options)).toThrow(ClassBookingError);
    expect(() => testClient("http://127.0.0.1:9", options)).toThrow(message);
  });
});

describe("logging", () => {
  it("debug lines show method, URL, status, time and retries, with headers redacted, no body and no customer data", async () => {
    const s = await serve((_q, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, BOOKING),
    );
    const logger = recorder();
    const { client } = testClient(s.url, { logger, logLevel: "debug" });
    await client.getClassBookingById({ bookingId: 2033 });
    await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
    const text = logger.lines.map(([level, line]) => `${level} ${line}`).join("\n");
    expect(text).toMatch(
      /debug class-booking-api: getClassBookingById: GET http:\/\/127\.0\.0\.1:\d+\/v1\/classes\/booking\/\*\*\* \(attempt 1\) headers \{.*"x-api-key":"\*\*\*"/,
    );
    expect(text).toMatch(
      /debug class-booking-api: getClassBookingById: GET \S+ -> 200 in \d+ ms \(attempt 2\)/,
    );
    expect(text).toMatch(
      /info class-booking-api: getClassBookingById: retrying after status 503 in 375 ms \(attempt 2 of 3\)/,
    );
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain('"customerId":203'); // no bodies unless asked for
    expect(text).not.toContain("2033"); // nor the booking id in the URL
  });

  it("with logBodies, bodies are logged too (they hold personal data, so only when asked)", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const logger = recorder();
    const { client } = testClient(s.url, { logger, logLevel: "debug", logBodies: true });
    await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
    const text = logger.lines.map(([, line]) => line).join("\n");
    expect(text).toContain('body {"customerId":203,"classSlotId":20334}');
    expect(text).toContain(`body ${JSON.stringify(BOOKING)}`);
    await client.getClassBookingById({ bookingId: 2033 });
    expect(logger.lines.map(([, line]) => line).join("\n")).toMatch(
      /GET \S+\/v1\/classes\/booking\/2033 \(attempt 1\)/,
    );
  });

  it("by default only warnings are logged, e.g. a 429 closing an operation", async () => {
    const s = await serve((_q, res, n) =>
      n === 0 ? json(res, 429, { errorMessage: "later" }) : json(res, 200, BOOKING),
    );
    const logger = recorder();
    const { client } = testClient(s.url, {
      logger,
      logLevel: undefined,
      timeoutMs: 70_000,
      rateLimit: { maxWaitMs: 70_000 },
    });
    await client.getClassBookingById({ bookingId: 1 });
    expect(logger.lines).toEqual([
      [
        "warn",
        "class-booking-api: getClassBookingById: the API answered 429: the operation is closed for 60000 ms",
      ],
    ]);
  });

  it("the level can come from CLASS_BOOKING_LOG_LEVEL; a bad value is named", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING));
    const logger = recorder();
    const before = process.env.CLASS_BOOKING_LOG_LEVEL;
    try {
      process.env.CLASS_BOOKING_LOG_LEVEL = "debug";
      await testClient(s.url, { logger, logLevel: undefined }).client.getClassBookingById({ bookingId: 1 });
      expect(logger.lines.filter(([level]) => level === "debug").length).toBeGreaterThanOrEqual(2);
      process.env.CLASS_BOOKING_LOG_LEVEL = "loud";
      expect(() => testClient(s.url, { logger, logLevel: undefined })).toThrow(
        /option "logLevel \(from CLASS_BOOKING_LOG_LEVEL\)" must be one of/,
      );
    } finally {
      if (before === undefined) delete process.env.CLASS_BOOKING_LOG_LEVEL;
      else process.env.CLASS_BOOKING_LOG_LEVEL = before;
    }
  });
});

describe("the response of a success", () => {
  it("withResponse gives { data, response } with the status and headers", async () => {
    const s = await serve((_q, res) => json(res, 200, BOOKING, { "x-request-id": "req-42" }));
    const { client } = testClient(s.url);
    const { data, response } = await client.withResponse.bookClassSlot({
      customerId: 203,
      classSlotId: 20334,
    });
    expect(data).toEqual(BOOKING);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    const cancel = await client.withResponse.cancelClassSlotById({ bookingId: 2033 });
    expect(cancel.data).toBeUndefined();
  });

  it("withResponse fails like the method does", async () => {
    const s = await serve((_q, res) => json(res, 409, ERROR_409));
    const { client } = testClient(s.url);
    await expect(client.withResponse.getClassBookingById({ bookingId: 1 })).rejects.toBeInstanceOf(ApiError);
  });
});

describe("what listens to a call", () => {
  const quiet = { hooks: {}, logger: console, logBodies: false, tracing: undefined };
  const events = (options: Partial<Parameters<typeof listen>[0]>) =>
    Object.keys(listen({ ...quiet, logLevel: "off", ...options }, Date.now)).sort();

  it("is only what the options ask for, so an event nobody hears is not emitted", () => {
    expect(events({})).toEqual([]);
    expect(events({ logLevel: "error" })).toEqual([]);
    expect(events({ logLevel: "warn" })).toEqual(["closed", "refused"]);
    expect(events({ logLevel: "info" })).toEqual(["closed", "refused", "retrying", "waiting"]);
    expect(events({ logLevel: "debug" })).toEqual([
      "answered",
      "closed",
      "failed",
      "refused",
      "retrying",
      "sent",
      "waiting",
    ]);
    // A hook also needs the attempts' timings and statuses, so it hears attempts and answers.
    expect(events({ hooks: { onError: () => {} } })).toEqual(["answered", "failed", "sent"]);
    expect(events({ hooks: { onRateLimit: () => {} } })).toEqual([
      "answered",
      "closed",
      "refused",
      "sent",
      "waiting",
    ]);
    expect(events({ tracing: { start: () => ({ run: (fn) => fn(), end: () => {} }) } })).toEqual(["started"]);
  });
});
