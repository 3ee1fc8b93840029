/**
 * Random server faults (statuses, headers, Retry-After values, empty, truncated, HTML, huge and
 * slow bodies, resets, redirects): every call ends in a value or a ClassBookingError within a
 * computed time, the key never shows in an error, and a booking is never sent twice unless the
 * server refused it with 429.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassBookingError } from "../../src/client/index.js";
import { okExample } from "../../scripts/spec.js";
import { API_KEY, testClient } from "../helpers/client.js";
import { RUNS, SEED, spec } from "./oracle.js";

type Fault =
  | {
      kind:
        | "ok"
        | "empty"
        | "html"
        | "truncatedJson"
        | "huge"
        | "slowHeaders"
        | "slowBody"
        | "resetBefore"
        | "resetMid";
    }
  | { kind: "status"; status: number; retryAfter: string | undefined; html: boolean }
  | { kind: "redirect"; status: number };

const TIMEOUT_MS = 80;
const retryAfter = fc.option(
  fc.oneof(
    fc.constantFrom(
      "0",
      "1",
      "3",
      "120",
      "-1",
      "1, 0",
      "June 2090",
      "Sat, 21 Nov 2026 12:00:09 GMT",
      "Sunday, 06-Nov-94 08:49:37 GMT",
    ),
    fc.string({ maxLength: 12 }),
  ),
  { nil: undefined },
);
const fault: fc.Arbitrary<Fault> = fc.oneof(
  { arbitrary: fc.constant({ kind: "ok" as const }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant("status" as const),
      status: fc.constantFrom(400, 401, 403, 404, 409, 429, 500, 502, 503, 504),
      retryAfter,
      html: fc.boolean(),
    }),
    weight: 6,
  },
  {
    arbitrary: fc
      .constantFrom(
        ...([
          "empty",
          "html",
          "truncatedJson",
          "huge",
          "slowHeaders",
          "slowBody",
          "resetBefore",
          "resetMid",
        ] as const),
      )
      .map((kind) => ({ kind })),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("redirect" as const),
      status: fc.constantFrom(301, 302, 303, 307, 308),
    }),
    weight: 1,
  },
);

interface Seen {
  fault: Fault;
}
let plan: Fault[] = [];
let seen: Seen[] = [];
let run = 0;
let elsewhere = 0;
const example = (operationId: string) => JSON.stringify(okExample(spec, operationId) ?? null);

function answer(res: ServerResponse, f: Fault, body: string, thisRun: number): void {
  const later = (ms: number, then: () => void): void =>
    void setTimeout(() => thisRun === run && then(), ms).unref();
  switch (f.kind) {
    case "ok":
      return void res.writeHead(200, { "content-type": "application/json" }).end(body);
    case "empty":
      return void res.writeHead(200, { "content-length": "0" }).end();
    case "html":
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end("<html><body>maintenance</body></html>");
    case "truncatedJson":
      return void res
        .writeHead(200, { "content-type": "application/json" })
        .end(body.slice(0, Math.max(1, body.length >> 1)));
    case "huge":
      return void res
        .writeHead(200, { "content-type": "application/json" })
        .end(`[${Array.from({ length: 20_000 }, () => body).join(",")}]`);
    case "slowHeaders":
      // Never answers: only the client's own timeout can end the attempt.
      return;
    case "slowBody":
      res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length + 10) });
      return void res.write(body.slice(0, 3));
    case "resetBefore":
      return void res.socket?.destroy();
    case "resetMid":
      res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length + 10) });
      res.write(body.slice(0, 3));
      return later(5, () => res.socket?.destroy());
    case "redirect":
      return void res.writeHead(f.status, { location: `http://127.0.0.1:${otherPort}/stolen` }).end();
    case "status": {
      const headers: Record<string, string> = { "content-type": f.html ? "text/html" : "application/json" };
      if (f.retryAfter !== undefined && /^[\t\x20-\x7e]*$/.test(f.retryAfter))
        headers["retry-after"] = f.retryAfter;
      const text = f.html
        ? "<html>error</html>"
        : JSON.stringify({ errorMessage: "scripted", errorCode: "SCRIPTED", traceId: "1" });
      return void res.writeHead(f.status, headers).end(text);
    }
  }
}

const server = createServer((req, res) => {
  req.resume().on("end", () => {
    const f = plan[Math.min(seen.length, plan.length - 1)]!;
    seen.push({ fault: f });
    const operationId =
      req.method === "POST"
        ? req.url!.endsWith("/book")
          ? "bookClassSlot"
          : req.url!.endsWith("/lead/create")
            ? "createLeadCustomer"
            : "validateClassSlot"
        : req.method === "DELETE"
          ? "cancelClassSlotById"
          : "getClassBookingById";
    answer(res, f, operationId === "cancelClassSlotById" ? "" : example(operationId), run);
  });
});
const other = createServer((_req, res) => {
  elsewhere++;
  res.end("{}");
});
let baseUrl = "";
let otherPort = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherPort = (other.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => other.close(resolve));
});

function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e),
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e, { depth: 9, showHidden: true }),
    inspect(e.cause, { depth: 9, showHidden: true }),
  ];
}

const calls = {
  bookClassSlot: { customerId: 203, classSlotId: 20334 },
  validateClassSlot: { customerId: 203, classSlotId: 20334 },
  getClassBookingById: { bookingId: 2033 },
  cancelClassSlotById: { bookingId: 2033 },
  bookClassSlotForTrialOffers: { customerId: 5120, classSlotId: 20334 },
  createLeadCustomer: {
    leadCustomerData: { firstname: "Nora", lastname: "Lindqvist", email: "nora.lindqvist@example.org" },
    trialOfferConfigId: 1,
  },
} as const;
/** The calls that are not idempotent: a second request is sent only after a 429. */
const UNSAFE: ReadonlySet<string> = new Set([
  "bookClassSlot",
  "bookClassSlotForTrialOffers",
  "createLeadCustomer",
]);

describe("random server faults", () => {
  it("every call ends in time, in the error family, without the key, and never books (or registers a lead) twice", async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(calls) as Array<keyof typeof calls>)),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fault, { minLength: 1, maxLength: 5 }),
        async (operationId, maxRetries, faults) => {
          run++;
          server.closeAllConnections();
          plan = faults;
          seen = [];
          elsewhere = 0;
          const { client } = testClient(baseUrl, { timeoutMs: TIMEOUT_MS, maxRetries });
          const method = (client as unknown as Record<string, (input: object) => Promise<unknown>>)[
            operationId
          ]!;
          const lag = monitorEventLoopDelay({ resolution: 10 });
          lag.enable();
          const started = performance.now();
          const result = await method(calls[operationId]).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          const elapsed = performance.now() - started;
          lag.disable();
          // Waits between attempts are recorded, not slept; each attempt is bounded by timeoutMs of
          // the client's own timer. A busy machine fires timers late: that lateness (the largest
          // event-loop delay seen, per attempt) is the machine's, not the client's.
          const late = lag.max / 1e6;
          expect(elapsed).toBeLessThan((maxRetries + 1) * (TIMEOUT_MS + 400 + late) + 1_000);
          expect(seen.length).toBeLessThanOrEqual(maxRetries + 1);
          expect(elsewhere).toBe(0);
          if ("error" in result) {
            expect(result.error).toBeInstanceOf(ClassBookingError);
            for (const text of renderings(result.error)) expect(text).not.toContain(API_KEY);
            outcomes.add((result.error as Error).name);
          } else {
            outcomes.add("resolved");
          }
          if (UNSAFE.has(operationId)) {
            // Every booking request but the last was refused with 429: the server surely did nothing.
            for (const { fault: f } of seen.slice(0, -1))
              expect(f).toMatchObject({ kind: "status", status: 429 });
          }
        },
      ),
      { seed: SEED, numRuns: RUNS ?? 60 },
    );
    // The faults reach every kind of outcome.
    expect([...outcomes].sort()).toEqual([
      "ApiError",
      "ClassBookingError",
      "ConnectionError",
      "RateLimitError",
      "TimeoutError",
      "resolved",
    ]);
  }, 120_000);
});
