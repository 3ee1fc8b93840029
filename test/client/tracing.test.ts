/** OpenTelemetry with the real SDK and an in-memory exporter: one span per operation, the fetch's spans inside it. */
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openTelemetry } from "../../src/tracing/index.js";
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

/** A fetch wrapped the way fetch instrumentation does it: one span per request, in the active context. */
const instrumented: typeof fetch = async (input, init) => {
  const tracer = provider.getTracer("fetch-instrumentation");
  return tracer.startActiveSpan(`HTTP ${init?.method ?? "GET"}`, async (span) => {
    try {
      return await fetch(input, init);
    } finally {
      span.end();
    }
  });
};

describe("openTelemetry()", () => {
  it("makes one span per operation with the semantic-convention attributes, and the attempts' spans are its children", async () => {
    server = await startServer((_q, res, n) =>
      n === 0 ? json(res, 503, { errorMessage: "busy" }) : json(res, 200, BOOKING),
    );
    const { client } = testClient(server.url, {
      fetch: instrumented,
      tracing: openTelemetry({ tracerProvider: provider }),
      logLevel: "off",
    });
    await client.getClassBookingById({ bookingId: 2033 });
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.name === "getClassBookingById")!;
    expect(operation).toBeDefined();
    expect(operation.attributes).toEqual({
      "http.request.method": "GET",
      "url.template": "/v1/classes/booking/{bookingId}",
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(server.url).port),
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
    const attempts = spans.filter((s) => s.name === "HTTP GET");
    expect(attempts).toHaveLength(2);
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
      "http.request.resend_count": 0,
    });
    expect(span.status.code).toBe(2); // ERROR

    exporter.reset();
    const { client: refused } = testClient("http://127.0.0.1:9", {
      tracing: openTelemetry({ tracerProvider: provider }),
      maxRetries: 0,
      logLevel: "off",
    });
    await refused.getClassById({ classId: 1 }).catch(() => undefined);
    expect(exporter.getFinishedSpans()[0]!.attributes["error.type"]).toBe("ConnectionError");
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
