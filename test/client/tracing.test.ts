/**
 * OpenTelemetry with the real SDK and an in-memory exporter: one INTERNAL span per operation, by
 * the HTTP semantic conventions, and the CLIENT spans of OpenTelemetry's own fetch instrumentation
 * (instrumentation-undici) inside it.
 */
import { context, SpanKind, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openTelemetry } from "../../src/tracing/index.js";
import { responseValidator } from "../../src/validate/index.js";
import { API_KEY, BOOKING, ERROR_409, testClient } from "../helpers/client.js";
import { json, startServer, type TestServer } from "../helpers/server.js";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();
beforeAll(() => void context.setGlobalContextManager(contextManager.enable()));
afterAll(() => {
  context.disable();
  void provider.shutdown();
});
let server: TestServer | undefined;
afterEach(async () => {
  exporter.reset();
  await server?.close();
  server = undefined;
});

/**
 * OpenTelemetry's own instrumentation of Node's fetch (undici), on while one test runs: it makes
 * a CLIENT span for every request, in the context that is active when the request starts.
 */
async function withFetchInstrumentation<T>(run: () => Promise<T>): Promise<T> {
  const undici = new UndiciInstrumentation();
  undici.setTracerProvider(provider);
  try {
    return await run();
  } finally {
    undici.disable();
  }
}

describe("openTelemetry()", () => {
  it("makes one INTERNAL span per operation with the semantic-convention attributes; the attempts' CLIENT spans are its children", async () => {
    server = await startServer((_q, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, BOOKING),
    );
    const { client } = testClient(server.url, {
      tracing: openTelemetry({ tracerProvider: provider }),
      logLevel: "off",
    });
    await withFetchInstrumentation(() => client.getClassBookingById({ bookingId: 2033 }));
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.name === "getClassBookingById")!;
    expect(operation).toBeDefined();
    expect(operation.kind).toBe(SpanKind.INTERNAL);
    expect(operation.attributes).toEqual({
      "http.request.method": "GET",
      // A booking id points at one customer: masked, as in the logs, unless logBodies is on.
      "url.full": `${server.url}/v1/classes/booking/***`,
      "url.template": "/v1/classes/booking/{bookingId}",
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(server.url).port),
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
    // @opentelemetry/instrumentation-undici's spans, one per attempt, as docs/tracing.md draws them.
    const attempts = spans.filter((s) => s !== operation);
    expect(attempts.map((a) => [a.name, a.attributes["http.response.status_code"]])).toEqual([
      ["GET", 503],
      ["GET", 200],
    ]);
    // The only CLIENT spans are the attempts, and none has a CLIENT parent.
    expect(spans.filter((s) => s.kind === SpanKind.CLIENT)).toEqual(attempts);
    for (const attempt of attempts) {
      expect(attempt.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
      expect(attempt.spanContext().traceId).toBe(operation.spanContext().traceId);
    }
    expect(JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events]))).not.toContain(API_KEY);
  });

  it("a failure sets error.type and the error status", async () => {
    server = await startServer((_q, res) => json(res, 409, ERROR_409));
    const { client } = testClient(server.url, {
      tracing: openTelemetry({ tracerProvider: provider }),
      logLevel: "off",
    });
    await client.bookClassSlot({ customerId: 203, classSlotId: 20334 }).catch(() => undefined);
    const span = exporter.getFinishedSpans().find((s) => s.name === "bookClassSlot")!;
    expect(span.attributes).toMatchObject({
      "error.type": "409",
      "http.response.status_code": 409,
      "url.full": `${server.url}/v1/classes/booking/book`,
    });
    // Sent once: the conventions leave the resend count out.
    expect(span.attributes).not.toHaveProperty("http.request.resend_count");
    expect(span.status).toEqual({
      code: 2, // ERROR
      message: `bookClassSlot: 409 Conflict: [errorMessage withheld] (errorCode ${ERROR_409.errorCode}, traceId ${ERROR_409.traceId})`,
    });

    exporter.reset();
    const { client: refused } = testClient("http://127.0.0.1:9", {
      tracing: openTelemetry({ tracerProvider: provider }),
      maxRetries: 0,
      logLevel: "off",
    });
    await refused.getClassById({ classId: 1 }).catch(() => undefined);
    expect(exporter.getFinishedSpans()[0]!.attributes["error.type"]).toBe("ConnectionError");

    exporter.reset();
    await server.close();
    server = await startServer(() => {}); // never answers: the client's timeout ends each attempt
    const { client: slow } = testClient(server.url, {
      tracing: openTelemetry({ tracerProvider: provider }),
      timeoutMs: 50,
      maxRetries: 1,
    });
    await slow.getClassSlots({ classId: 14928, sliceSize: 20 }).catch(() => undefined);
    const timedOut = exporter.getFinishedSpans()[0]!;
    expect(timedOut.attributes).toMatchObject({
      "error.type": "TimeoutError",
      "http.request.resend_count": 1,
      "url.full": `${server.url}/v1/classes/14928/slots?sliceSize=***`,
    });
    expect(timedOut.attributes).not.toHaveProperty("http.response.status_code");
    expect(timedOut.status.message).toBe(
      `getClassSlots: no answer from GET ${server.url}/v1/classes/14928/slots?sliceSize=*** within 50 ms`,
    );
  });

  it("an answer refused by validateResponses keeps its status on the span", async () => {
    server = await startServer((_q, res) => json(res, 200, { bookingId: "not a number" }));
    const { client } = testClient(server.url, {
      tracing: openTelemetry({ tracerProvider: provider }),
      validateResponses: responseValidator(),
    });
    await expect(client.getClassBookingById({ bookingId: 1 })).rejects.toThrow(/does not match the spec/);
    expect(exporter.getFinishedSpans()[0]!.attributes).toMatchObject({
      "http.response.status_code": 200,
      "error.type": "ResponseValidationError",
    });
  });

  it("without fetch instrumentation, a trace holds the one INTERNAL span of each operation", async () => {
    server = await startServer((_q, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, BOOKING),
    );
    const { client } = testClient(server.url, { tracing: openTelemetry({ tracerProvider: provider }) });
    await client.getClassBookingById({ bookingId: 2033 });
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => [s.name, s.kind, s.parentSpanContext?.spanId])).toEqual([
      ["getClassBookingById", SpanKind.INTERNAL, undefined],
    ]);
    expect(spans[0]!.attributes["http.request.resend_count"]).toBe(1);
  });

  it("uses the globally registered provider when none is given", async () => {
    server = await startServer((_q, res) => json(res, 200, BOOKING));
    trace.setGlobalTracerProvider(provider);
    try {
      const { client } = testClient(server.url, { tracing: openTelemetry(), logLevel: "off" });
      await client.getClassBookingById({ bookingId: 1 });
      expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(["getClassBookingById"]);
    } finally {
      trace.disable();
    }
  });

  it("without the tracing option, no span is made", async () => {
    server = await startServer((_q, res) => json(res, 200, BOOKING));
    trace.setGlobalTracerProvider(provider);
    try {
      await testClient(server.url, { logLevel: "off" }).client.getClassBookingById({ bookingId: 1 });
      expect(exporter.getFinishedSpans()).toEqual([]);
    } finally {
      trace.disable();
    }
  });
});
