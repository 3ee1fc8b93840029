/** Opt-in response validation (class-booking-api/validate): drift is reported, never a crash. */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ClassBookingError, createClassBookingClient } from "../../src/client/index.js";
import {
  checkResponse,
  responseValidator,
  ResponseValidationError,
  type Drift,
} from "../../src/validate/index.js";
import { deref, loadSpec, okExample, operations } from "../../scripts/spec.js";
import { BOOKING, testClient } from "../helpers/client.js";
import { json, startServer, type TestServer } from "../helpers/server.js";
import { SEED } from "../property/oracle.js";

const spec = loadSpec();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client against a server that answers every call with `body`. */
async function answering(body: unknown, mode: "throw" | "warn", status = 200) {
  server = await startServer((_req, res) => json(res, status, body));
  const drifts: Drift[] = [];
  const { client } = testClient(server.url, {
    validateResponses: responseValidator({ mode, onDrift: (d) => drifts.push(d) }),
    maxRetries: 0,
  });
  return { client, drifts };
}

describe("hand-made drift is reported, each problem with its pointer and operation", () => {
  const slot = okExample(spec, "getClassSlotById") as Record<string, unknown>;
  it.each<[string, unknown, Array<{ pointer: string; message: RegExp }>]>([
    [
      "a missing required field",
      { ...BOOKING, bookingStatus: undefined },
      [{ pointer: "/bookingStatus", message: /^is required$/ }],
    ],
    [
      "a wrong type",
      { ...BOOKING, bookingId: "2033" },
      [{ pointer: "/bookingId", message: /^must be a safe integer, got a string$/ }],
    ],
    [
      "an unknown enum value",
      { ...BOOKING, bookingStatus: "EXPIRED" },
      [{ pointer: "/bookingStatus", message: /^must be one of BOOKED, .*CANCELED, got "EXPIRED"$/ }],
    ],
    [
      "several at once",
      { ...BOOKING, customerId: 1.5, participantStatus: null, classId: undefined },
      [
        { pointer: "/classId", message: /is required/ },
        { pointer: "/customerId", message: /safe integer, got a number/ },
        { pointer: "/participantStatus", message: /got null/ },
      ],
    ],
  ])("%s", async (_name, body, expected) => {
    const wire = JSON.parse(JSON.stringify(body)) as unknown;
    const thrown = await (
      await answering(wire, "throw")
    ).client
      .getClassBookingById({ bookingId: 2033 })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ResponseValidationError);
    expect(thrown).toBeInstanceOf(ClassBookingError);
    const error = thrown as ResponseValidationError;
    expect(error.status).toBe(200);
    expect(error.violations.map((v) => v.pointer).sort()).toEqual(expected.map((e) => e.pointer).sort());
    for (const want of expected) {
      const found = error.violations.find((v) => v.pointer === want.pointer)!;
      expect(found.message).toMatch(want.message);
      expect(found.operationId).toBe("getClassBookingById");
      expect(error.message).toContain(`${want.pointer} ${found.message}`);
    }
    expect(error.message).toMatch(/^getClassBookingById: the 200 answer does not match the spec: /);

    await server!.close();
    const { client, drifts } = await answering(wire, "warn");
    await expect(client.getClassBookingById({ bookingId: 2033 })).resolves.toEqual(wire);
    expect(drifts).toEqual([
      { operationId: "getClassBookingById", status: 200, violations: error.violations },
    ]);
  });

  it("a date-time with a zone id suffix is valid; a date that is not one is drift", () => {
    const zoned = { ...slot, startDateTime: "2026-12-01T09:00:00.000+01:00[Europe/Berlin]" };
    expect(checkResponse("getClassSlotById", 200, zoned)).toEqual([]);
    const broken = { ...slot, endDateTime: "2026-12-01 10:00" };
    expect(checkResponse("getClassSlotById", 200, broken)).toEqual([
      {
        operationId: "getClassSlotById",
        pointer: "/endDateTime",
        message: "must be a string in date-time form, got a string",
      },
    ]);
  });

  it("checks nested items with their full pointer", () => {
    const list = [BOOKING, { ...BOOKING, classSlotStatus: "POSTPONED" }];
    expect(checkResponse("getClassBookingsByCustomerId", 200, list)).toEqual([
      {
        operationId: "getClassBookingsByCustomerId",
        pointer: "/1/classSlotStatus",
        message: 'must be one of PLANNED, CANCELED, COMPLETED, got "POSTPONED"',
      },
    ]);
  });

  it("a slice holds at most 100 items (the largest slice size)", () => {
    const classes = (n: number) => ({
      result: Array.from({ length: n }, (_, i) => ({ id: i + 1, bookable: true })),
      hasNext: false,
      offset: String(n),
    });
    expect(checkResponse("getActiveClasses", 200, classes(100))).toEqual([]);
    expect(checkResponse("getActiveClasses", 200, classes(101))).toEqual([
      {
        operationId: "getActiveClasses",
        pointer: "/result",
        message: "must have at most 100 items, got 101",
      },
    ]);
  });

  it("fields the spec does not know (a newer API) are not drift", () => {
    expect(checkResponse("getClassBookingById", 200, { ...BOOKING, checkInTime: "08:55" })).toEqual([]);
  });

  it("a body where the spec documents none, and an undocumented status, are drift", () => {
    expect(checkResponse("cancelClassSlotById", 200, { ok: true })[0]?.message).toMatch(/must be empty/);
    expect(checkResponse("cancelClassSlotById", 200, undefined)).toEqual([]);
    expect(checkResponse("getClassById", 201, {})[0]?.message).toMatch(
      /status 201, which the spec does not document/,
    );
  });

  it("a listener that throws does not change the outcome", async () => {
    server = await startServer((_req, res) => json(res, 200, { ...BOOKING, bookingStatus: "EXPIRED" }));
    const validateResponses = responseValidator({
      mode: "warn",
      onDrift: () => {
        throw new Error("listener broke");
      },
    });
    const { client } = testClient(server.url, { validateResponses });
    await expect(client.getClassBookingById({ bookingId: 1 })).resolves.toMatchObject({
      bookingStatus: "EXPIRED",
    });
  });

  it("a validator of the user's own that throws reaches the caller as a ClassBookingError", async () => {
    server = await startServer((_req, res) => json(res, 200, BOOKING));
    const { client } = testClient(server.url, {
      validateResponses: () => {
        throw new TypeError("mine");
      },
    });
    const error = await client.getClassBookingById({ bookingId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassBookingError);
    expect((error as Error).message).toBe(
      "getClassBookingById: validateResponses refused the 200 answer: mine",
    );
  });

  it("refuses a mode it does not know", () => {
    expect(() => responseValidator({ mode: "strict" as "warn" })).toThrow(
      /option "mode" must be "throw" or "warn"/,
    );
  });
});

describe("the spec's own examples pass", () => {
  const examples = operations(spec).flatMap(({ operationId, op }) =>
    Object.entries<Record<string, unknown>>(op.responses).flatMap(([status, ref]) => {
      const content = deref(spec, ref).content?.["application/json"];
      return Object.entries<Record<string, unknown>>(content?.examples ?? {}).map(
        ([name, ex]) =>
          [`${operationId} ${status} ${name}`, operationId, Number(status), deref(spec, ex).value] as const,
      );
    }),
  );
  it.each(examples)("%s", (_name, operationId, status, value) => {
    expect(checkResponse(operationId, status, value)).toEqual([]);
  });
});

describe("any JSON at all is a list of violations, never a crash", () => {
  it("holds for random bodies of every operation and status", () => {
    const ids = operations(spec).map((o) => o.operationId);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(200, 400, 404, 503),
        fc.jsonValue({ maxDepth: 6 }),
        (operationId, status, body) => {
          const found = checkResponse(operationId, status, body);
          expect(Array.isArray(found)).toBe(true);
          for (const v of found)
            expect(typeof v.pointer === "string" && typeof v.message === "string").toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("a body nested far deeper than any answer is reported, not a stack overflow", () => {
    let deep: unknown = {};
    for (let i = 0; i < 5000; i++) deep = { result: [deep] };
    expect(checkResponse("getActiveClasses", 200, deep).length).toBeGreaterThan(0);
  });
});
