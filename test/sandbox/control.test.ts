/**
 * The control API over HTTP (reset, the clock, snapshots) under a prefix no path of the spec can
 * reach, and the time behaviours seen through it: a flow run twice with a reset between, slots
 * that end, a lockout that ends, a snapshot put back. Bodies are checked like the API's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { schemas } from "../../generated/contract.js";
import { violations } from "../../src/core/schema.js";
import { createClassBookingClient, isApiError } from "../../src/client/index.js";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { CONTROL_PREFIX, createSandbox } from "../../src/sandbox/index.js";
import { route } from "../../src/core/sandbox/route.js";
import { loadSpec, operations } from "../../scripts/spec.js";

const NOW = "2026-11-20T08:00:00.000Z";
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({
    stateful: true,
    sandbox: { now: NOW, rateLimit: { limit: 2, lockoutMs: 60_000 } },
  });
});
afterAll(() => server?.stop());
beforeEach(async () => {
  expect((await fetch(`${server.url}/_sandbox/reset`, { method: "POST" })).status).toBe(204);
});

const json = { "content-type": "application/json" };
const put = (path: string, body: unknown, headers: Record<string, string> = json) =>
  fetch(server.url + path, { method: "PUT", headers, body: JSON.stringify(body) });
const post = (path: string, body: unknown) =>
  fetch(server.url + path, { method: "POST", headers: json, body: JSON.stringify(body) });
const clock = async () =>
  (await (await fetch(`${server.url}/_sandbox/clock`)).json()) as { now: string; clock: string };
const client = () =>
  createClassBookingClient({ baseUrl: server.url, apiKey: "control-key", maxRetries: 0, rateLimit: false });

describe("no path of the spec can reach the control prefix", () => {
  it("every spec path starts with a literal segment other than the prefix's, and the router finds nothing there", () => {
    for (const { path } of operations(loadSpec())) {
      const first = path.split("/")[1]!;
      expect(first.startsWith("{"), path).toBe(false);
      expect(`/${first}`).not.toBe(CONTROL_PREFIX);
    }
    for (const method of ["GET", "PUT", "POST", "DELETE"])
      expect(route(method, `${CONTROL_PREFIX}/clock`)).toEqual({ found: undefined, allowed: [] });
  });
});

describe("the clock", () => {
  it("reads, is set, moves on, and reset brings it back", async () => {
    expect(await clock()).toEqual({ now: NOW, clock: "fixed" });
    const set = await put("/_sandbox/clock", { now: "2026-12-01T10:00:00+01:00" });
    expect([set.status, await set.json()]).toEqual([
      200,
      { now: "2026-12-01T09:00:00.000Z", clock: "fixed" },
    ]);
    const moved = await post("/_sandbox/clock/advance", { ms: 3_600_000 });
    expect(await moved.json()).toEqual({ now: "2026-12-01T10:00:00.000Z", clock: "fixed" });
    expect(server.sandbox!.now().toISOString()).toBe("2026-12-01T10:00:00.000Z");
    await fetch(`${server.url}/_sandbox/reset`, { method: "POST" });
    expect((await clock()).now).toBe(NOW);
  });

  it("a slot that ends reads COMPLETED in its booking; a cancel then is refused", async () => {
    const booking = await client().bookClassSlot({ customerId: 777, classSlotId: 20334 });
    await put("/_sandbox/clock", { now: "2026-12-01T10:00:00+01:00" }); // the example slot ends at 10:00
    expect(await client().getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      classSlotStatus: "COMPLETED",
    });
    const refused = await client()
      .cancelClassSlotById({ bookingId: booking.bookingId })
      .catch((e: unknown) => e);
    expect(isApiError(refused, 400) && refused.errorCode).toBe("CLASS_SLOT_COMPLETED");
  });

  it("a lockout ends when the clock is moved past it", async () => {
    const c = client();
    await c.getClassById({ classId: 14928 });
    await c.getClassById({ classId: 14928 });
    expect(isApiError(await c.getClassById({ classId: 14928 }).catch((e: unknown) => e), 429)).toBe(true);
    await post("/_sandbox/clock/advance", { ms: 60_000 });
    await expect(c.getClassById({ classId: 14928 })).resolves.toMatchObject({ id: 14928 });
  });
});

describe("daylight saving over HTTP", () => {
  it.each([
    ["fall back", "2026-10-22T00:00:00Z", "2026-10-25T01:00:00Z", "+02:00", "+01:00"],
    ["spring forward", "2027-03-25T00:00:00Z", "2027-03-28T01:00:00Z", "+01:00", "+02:00"],
  ])(
    "%s: slots before the change carry %s and after it the other offset, at the same local hours",
    async (_name, now, change, before, after) => {
      await put("/_sandbox/clock", { now });
      const slots = (await client().getClassSlotsForMultipleClasses({ daysAhead: 6, sliceSize: 100 })).result;
      const hours = new Map<number, Set<string>>();
      for (const slot of slots) {
        expect(slot.startDateTime!.slice(-6), slot.startDateTime).toBe(
          Date.parse(slot.startDateTime!) < Date.parse(change) ? before : after,
        );
        hours.set(
          slot.classInformation!.id,
          (hours.get(slot.classInformation!.id) ?? new Set()).add(slot.startDateTime!.slice(11, 16)),
        );
      }
      expect(
        slots.some((s) => s.startDateTime!.endsWith(before)) &&
          slots.some((s) => s.startDateTime!.endsWith(after)),
      ).toBe(true);
      // Each seeded class meets at one local hour, whichever side of the change.
      for (const [classId, times] of hours)
        if (classId !== 14928) expect(times.size, `class ${classId}`).toBe(1);
    },
  );
});

describe("reset and snapshots", () => {
  it("the same flow runs twice with a reset between (a new user's first try)", async () => {
    for (let run = 0; run < 2; run++) {
      if (run) await fetch(`${server.url}/_sandbox/reset`, { method: "POST" });
      const booking = await client().bookClassSlot({ customerId: 203, classSlotId: 20334 });
      expect(booking).toMatchObject({ bookingId: 2033, bookingStatus: "BOOKED" });
    }
  });

  it("a snapshot read over HTTP is put back, studios and clock", async () => {
    const booking = await client().bookClassSlot({ customerId: 203, classSlotId: 20334 });
    const saved = (await (await fetch(`${server.url}/_sandbox/snapshot`)).json()) as { now: number };
    expect(JSON.stringify(saved)).not.toContain("control-key");
    await client().cancelClassSlotById({ bookingId: booking.bookingId });
    await post("/_sandbox/clock/advance", { ms: 86_400_000 });
    expect((await put("/_sandbox/snapshot", saved)).status).toBe(204);
    expect(await client().getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      bookingStatus: "BOOKED",
    });
    expect(Date.parse((await clock()).now)).toBe(saved.now);
  });
});

describe("control bodies are checked; every refusal is an ErrorResponse", () => {
  const snapshot = () => createSandbox().snapshot();
  it.each<[string, () => Promise<Response>, number, RegExp]>([
    [
      "a time that is not one",
      () => put("/_sandbox/clock", { now: "next tuesday" }),
      400,
      /^The field now must be .*got "next tuesday"\.$/,
    ],
    [
      "a time past 9999",
      () => put("/_sandbox/clock", { now: "9999-12-31T00:00:00Z" }),
      400,
      /^The field now must be from 1970/,
    ],
    ["no time", () => put("/_sandbox/clock", {}), 400, /^The field now is required\.$/],
    [
      "a field the control lacks",
      () => put("/_sandbox/clock", { now: NOW, zone: "x" }),
      400,
      /^The field zone is not a field here; the fields are: now\.$/,
    ],
    [
      "ms that are text",
      () => post("/_sandbox/clock/advance", { ms: "1d" }),
      400,
      /^The field ms must be a whole number of milliseconds/,
    ],
    [
      "ms beyond the clock's range",
      () => post("/_sandbox/clock/advance", { ms: 9e15 }),
      400,
      /^The field ms would move the clock out of its range/,
    ],
    [
      "a body that is not JSON",
      () => fetch(`${server.url}/_sandbox/clock`, { method: "PUT", headers: json, body: "{" }),
      400,
      /^The request body is not valid JSON\.$/,
    ],
    [
      "a body that is a list",
      () => put("/_sandbox/clock", [NOW]),
      400,
      /^The request body must be a JSON object\.$/,
    ],
    [
      "the wrong media type",
      () => put("/_sandbox/clock", { now: NOW }, { "content-type": "text/plain" }),
      415,
      /must be sent as application\/json/,
    ],
    [
      "a snapshot with a broken studio",
      () => put("/_sandbox/snapshot", { ...snapshot(), studios: { ["a".repeat(64)]: { classes: "none" } } }),
      400,
      /^The snapshot studios\.aaaaaaaa\.\.\.\.classes must be an array, got a string\.$/,
    ],
    [
      "a snapshot with a slot that breaks the spec",
      async () => put("/_sandbox/snapshot", await brokenSnapshot()),
      400,
      /^The snapshot .*slots\[0\]\.startDateTime must be a string in date-time form/,
    ],
    [
      "an unknown control",
      () => fetch(`${server.url}/_sandbox/time`),
      404,
      /^No control of the sandbox at "\/_sandbox\/time"; the controls are \/_sandbox\/reset, /,
    ],
    [
      "a method the control lacks",
      () => fetch(`${server.url}/_sandbox/reset`),
      405,
      /^GET is not allowed here; use POST\.$/,
    ],
  ])("%s", async (_name, send, status, message) => {
    const response = await send();
    const body = (await response.json()) as { errorMessage: string };
    expect(response.status).toBe(status);
    expect(violations({ $ref: "ErrorResponse" }, body, schemas)).toEqual([]);
    expect(body.errorMessage).toMatch(message);
    if (status === 405) expect(response.headers.get("allow")).toBe("POST");
    expect(await clock()).toEqual({ now: NOW, clock: "fixed" }); // nothing changed
  });

  function brokenSnapshot() {
    const sandbox = createSandbox({ now: NOW });
    return sandbox.studio("k").then(() => {
      const saved = sandbox.snapshot();
      const studio = Object.values(saved.studios)[0]!;
      studio.slots[0]!.startDateTime = "tomorrow";
      return saved;
    });
  }
});
