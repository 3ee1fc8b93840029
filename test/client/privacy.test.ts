/**
 * No personal data in logs, hooks or spans unless `logBodies` is on: error answers whose messages
 * name a customer, against a real node:http server and against the sandbox, watched by every
 * hook, a debug logger and the real OpenTelemetry SDK with an in-memory exporter.
 */
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createClassBookingClient, type CallInfo, type Logger } from "../../src/client/index.js";
import { createSandbox } from "../../src/sandbox/index.js";
import { openTelemetry } from "../../src/tracing/index.js";
import { API_KEY, testClient } from "../helpers/client.js";
import { json, serversPerTest } from "../helpers/server.js";

const serve = serversPerTest();
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
afterEach(() => exporter.reset());
afterAll(() => provider.shutdown());

// Longer than any port or duration, so a match can only be the customer's data.
const CUSTOMER = 9041733;
const BOOKING_ID = 5512377;
const NAME = "Erika Mustermann";
const said = (what: string) => `${what} for ${NAME} (customer ${CUSTOMER}, booking ${BOOKING_ID})`;
const ANSWERS = {
  404: { errorMessage: said("No booking"), errorCode: "ENTITY_NOT_FOUND", traceId: "trace-404" },
  429: { errorMessage: said("Too many requests"), errorCode: "TOO_MANY_REQUESTS", traceId: "trace-429" },
  500: { errorMessage: said("Failed"), errorCode: "INTERNAL_ERROR", traceId: "trace-500" },
};

/** Everything a user could send to a log: the log lines, the hooks' payloads, the spans. */
function watchers(logBodies: boolean) {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep };
  const payloads: Array<CallInfo & Record<string, unknown>> = [];
  const errors: Array<CallInfo & Record<string, unknown>> = [];
  const errorsRejected: unknown[] = [];
  const hook = (info: CallInfo) => void payloads.push(info as CallInfo & Record<string, unknown>);
  const onError = ({ error, ...rest }: CallInfo & { error: unknown }) => {
    // `error` is the error the call rejects with, the caller's own and whole; the rest is for logs.
    errorsRejected.push(error);
    errors.push(rest as CallInfo & Record<string, unknown>);
    payloads.push(rest as CallInfo & Record<string, unknown>);
  };
  const options = {
    logger,
    logLevel: "debug" as const,
    logBodies,
    rateLimit: false as const,
    hooks: { onRequest: hook, onResponse: hook, onRetry: hook, onRateLimit: hook, onError },
    tracing: openTelemetry({ tracerProvider: provider }),
  };
  const spans = () =>
    exporter.getFinishedSpans().map(({ name, kind, attributes, status, events }) => ({
      name,
      kind,
      attributes,
      status,
      events,
    }));
  /** All of it as one text, to search. */
  const seen = () => JSON.stringify({ lines, payloads, spans: spans() });
  return { options, lines, payloads, errors, errorsRejected, spans, seen };
}

/** A server whose 404, 429 and 500 answers name a customer, as an API's messages may. */
const naming = () =>
  serve((req, res) => {
    if (req.url.startsWith("/v1/classes/booking?")) return json(res, 500, ANSWERS[500]);
    if (req.method === "POST") return json(res, 429, ANSWERS[429]);
    json(res, 404, ANSWERS[404]);
  });

/** Every operation that reaches a customer's data, each failing with an answer that names the customer. */
async function callAll(url: string, options: ReturnType<typeof watchers>["options"]) {
  const { client } = testClient(url, options);
  const failures = await Promise.all([
    client.getClassBookingsByCustomerId({ customerId: CUSTOMER }).catch((e: unknown) => e),
    client.getClassBookingById({ bookingId: BOOKING_ID }).catch((e: unknown) => e),
    client.bookClassSlot({ customerId: CUSTOMER, classSlotId: 20334 }).catch((e: unknown) => e),
  ]);
  for (const failure of failures) expect(failure).toBeInstanceOf(Error);
}

describe("without logBodies", () => {
  it("logs, hook payloads and spans carry the status and errorCode, never the customer's name or ids", async () => {
    const s = await naming();
    const w = watchers(false);
    await callAll(s.url, w.options);
    const text = w.seen();
    for (const personal of [NAME, String(CUSTOMER), String(BOOKING_ID)]) expect(text).not.toContain(personal);
    expect(text).not.toContain(API_KEY);

    // What is left still says what happened.
    const log = w.lines.join("\n");
    expect(log).toContain(
      "getClassBookingById: failed: getClassBookingById: 404 Not Found: [errorMessage withheld] (errorCode ENTITY_NOT_FOUND, traceId trace-404)",
    );
    expect(log).toMatch(
      /getClassBookingsByCustomerId: GET http:\/\/127\.0\.0\.1:\d+\/v1\/classes\/booking\?customerId=\*\*\* \(attempt 1\)/,
    );
    expect(log).toMatch(
      /getClassBookingById: GET \S+\/v1\/classes\/booking\/\*\*\* -> 404 in \d+ ms \(attempt 1\)/,
    );
    expect(log).toContain(
      "bookClassSlot: failed: bookClassSlot: 429 Too Many Requests: [errorMessage withheld]",
    );
    expect(log).toContain(
      "getClassBookingsByCustomerId: failed: getClassBookingsByCustomerId: 500 Internal Server Error",
    );

    expect(w.errors.map((p) => [p.operationId, p.status, p.errorCode, p.traceId]).sort()).toEqual([
      ["bookClassSlot", 429, "TOO_MANY_REQUESTS", "trace-429"],
      ["getClassBookingById", 404, "ENTITY_NOT_FOUND", "trace-404"],
      ["getClassBookingsByCustomerId", 500, "INTERNAL_ERROR", "trace-500"],
    ]);
    expect(w.payloads.map((p) => p.url)).toContain(`${s.url}/v1/classes/booking?customerId=***`);

    const byName = Object.fromEntries(w.spans().map((span) => [span.name, span]));
    expect(byName.getClassBookingById!.attributes["url.full"]).toBe(`${s.url}/v1/classes/booking/***`);
    expect(byName.getClassBookingsByCustomerId!.attributes["url.full"]).toBe(
      `${s.url}/v1/classes/booking?customerId=***`,
    );
    expect(byName.getClassBookingById!.status.message).toBe(
      "getClassBookingById: 404 Not Found: [errorMessage withheld] (errorCode ENTITY_NOT_FOUND, traceId trace-404)",
    );
    expect(byName.bookClassSlot!.attributes).toMatchObject({
      "error.type": "429",
      "http.request.resend_count": 2,
    });

    // The errors the calls reject with are the callers' own, and say everything.
    for (const error of w.errorsRejected) expect((error as Error).message).toContain(NAME);
  });

  it("the sandbox's messages, which name customers and bookings, stay out too", async () => {
    const sandbox = createSandbox();
    const w = watchers(false);
    const client = createClassBookingClient({
      baseUrl: "http://localhost",
      apiKey: API_KEY,
      fetch: sandbox.fetch,
      ...w.options,
    });
    const { result } = await client.getClassSlotsForMultipleClasses();
    let slot: number | undefined;
    for (const { id } of result) {
      const { validationStatus } = await client.validateClassSlot({ customerId: CUSTOMER, classSlotId: id });
      if (validationStatus === "AVAILABLE") {
        slot = id;
        break;
      }
    }
    expect(slot).toBeDefined();
    await client.bookClassSlot({ customerId: CUSTOMER, classSlotId: slot! });
    const twice = await client.bookClassSlot({ customerId: CUSTOMER, classSlotId: slot! }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    const unknown = await client
      .cancelClassSlotById({ bookingId: BOOKING_ID })
      .catch((e: unknown) => e as Error);
    // The sandbox's own words name them: they reach the caller, not the logs.
    expect(twice?.message).toContain(`The customer ${CUSTOMER} cannot book`);
    expect(unknown?.message).toContain(`No class booking exists with id ${BOOKING_ID}`);
    const text = w.seen();
    expect(text).not.toContain(String(CUSTOMER));
    expect(text).not.toContain(String(BOOKING_ID));
    expect(w.lines.join("\n")).toContain("errorCode CUSTOMER_ALREADY_BOOKED");
  });
});

describe("with logBodies", () => {
  it("logs, hook payloads and spans show the messages and URLs whole", async () => {
    const s = await naming();
    const w = watchers(true);
    await callAll(s.url, w.options);
    const log = w.lines.join("\n");
    expect(log).toContain(
      `getClassBookingById: failed: getClassBookingById: 404 Not Found: ${ANSWERS[404].errorMessage}`,
    );
    expect(log).toContain(`/v1/classes/booking?customerId=${CUSTOMER} (attempt 1)`);
    expect(log).toContain(`body ${JSON.stringify({ customerId: CUSTOMER, classSlotId: 20334 })}`);
    expect(w.payloads.map((p) => p.url)).toContain(`${s.url}/v1/classes/booking/${BOOKING_ID}`);
    const span = w.spans().find((x) => x.name === "getClassBookingById")!;
    expect(span.attributes["url.full"]).toBe(`${s.url}/v1/classes/booking/${BOOKING_ID}`);
    expect(span.status.message).toContain(NAME);
    expect(w.seen()).not.toContain(API_KEY);
  });
});
