/**
 * Tracing with OpenTelemetry: an SDK 2.x tracer provider registered as the global one, an
 * in-memory exporter to look at what was recorded, and the package's `openTelemetry()` as the
 * client's `tracing`. Each operation the client runs becomes one span named after it. The sandbox
 * answers in-process here; against the API the same code records the same spans.
 *
 *   npm run build && npx tsx examples/tracing.ts
 *
 * In an app, export to your backend instead (an OTLP exporter behind a BatchSpanProcessor), or use
 * @opentelemetry/sdk-node, which registers the provider and the context manager for you.
 */
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { createClassBookingClient, isApiError } from "class-booking-api";
import { createSandbox } from "class-booking-api/sandbox";
import { openTelemetry } from "class-booking-api/tracing";

// 1. Register the SDK before the client is made. In SDK 2.x the provider takes its span processors
//    in its constructor and has no register(): setting the global provider and a context manager
//    (so a span stays active across awaits) is two calls of @opentelemetry/api.
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
trace.setGlobalTracerProvider(provider);
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

// 2. The client with tracing: openTelemetry() uses the globally registered provider (or give it
//    one: openTelemetry({ tracerProvider })).
const sandbox = createSandbox();
const client = createClassBookingClient({
  baseUrl: "http://localhost",
  apiKey: "test-key",
  fetch: sandbox.fetch,
  tracing: openTelemetry(),
});

try {
  await client.getClassById({ classId: 14928 });
  await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
  try {
    await client.getClassById({ classId: 424242 }); // no such class: the span records the failure
  } catch (error) {
    if (!isApiError(error, 404)) throw error;
  }
} finally {
  // 3. Flush and stop the SDK when the process ends, so that no span is lost.
  await provider.forceFlush();
  for (const span of exporter.getFinishedSpans()) console.log(`span ${span.name}`);
  await provider.shutdown();
}
