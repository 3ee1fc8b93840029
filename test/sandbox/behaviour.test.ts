/** The sandbox behaves like the API (../shared/reference, "Behaviour"), through the real client on sandbox.fetch. */
import { describe, expect, it } from "vitest";
import {
  ApiError,
  createClassBookingClient,
  isApiError,
  type ClassBookingClient,
} from "../../src/client/index.js";
import {
  createSandbox,
  type Sandbox,
  type SandboxFixtures,
  type SandboxOptions,
} from "../../src/sandbox/index.js";
import { responseValidator } from "../../src/validate/index.js";
import { okExample, loadSpec } from "../../scripts/spec.js";

const spec = loadSpec();
const EXAMPLE_BOOKING = okExample(spec, "bookClassSlot") as {
  bookingId: number;
  customerId: number;
  classSlotId: number;
  classId: number;
};

function setup(
  options: SandboxOptions = {},
  apiKey = "sandbox-key",
): { sandbox: Sandbox; client: ClassBookingClient } {
  const sandbox = createSandbox(options);
  return { sandbox, client: clientOf(sandbox, apiKey) };
}
function clientOf(sandbox: Sandbox, apiKey = "sandbox-key"): ClassBookingClient {
  // Every answer the tests see is also checked against the spec by the client.
  return createClassBookingClient({
    baseUrl: "http://localhost",
    apiKey,
    fetch: sandbox.fetch,
    maxRetries: 0,
    rateLimit: false,
    validateResponses: responseValidator(),
  });
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as ApiError,
  );

/** A tiny studio: one class, slots at chosen times, a clock at 2026-12-01 08:00 UTC. */
const NOW = "2026-12-01T08:00:00.000Z";
const at = (hoursFromNow: number) => new Date(Date.parse(NOW) + hoursFromNow * 3_600_000).toISOString();
function fixtures(extra: Partial<SandboxFixtures> = {}): SandboxFixtures {
  const slot = (id: number, startHours: number, places: number, waiting: number) => ({
    id,
    classInformation: { id: 1, title: "Yoga" },
    startDateTime: at(startHours),
    endDateTime: at(startHours + 1),
    earliestBookingDateTime: at(-100),
    latestBookingDateTime: at(startHours - 1),
    maxParticipants: places,
    maxWaitingListParticipants: waiting,
    bookedParticipants: 0,
    additionalParticipants: 0,
  });
  return {
    classes: [
      {
        id: 1,
        title: "Yoga",
        bookable: true,
        cancelCondition: {
          cancelationAfterLatestPossible: false,
          latestCancelTerm: { value: 2, unit: "HOURS" },
        },
      },
    ],
    slots: [slot(10, 24, 1, 1), slot(11, 24.5, 5, 0), slot(12, 48, 0, 0)],
    ...extra,
  };
}

describe("seeded studios", () => {
  it("are the same for the same seed, and differ for another", async () => {
    const list = async (seed: number) =>
      JSON.stringify(
        await setup({ seed }).client.getClassSlotsForMultipleClasses({ daysAhead: 6, sliceSize: 100 }),
      );
    expect(await list(7)).toBe(await list(7));
    expect(await list(7)).not.toBe(await list(8));
  });

  it("hold the spec's example class, slot and customer, and book exactly the spec's example booking first", async () => {
    const { client } = setup();
    expect(await client.getClassById({ classId: EXAMPLE_BOOKING.classId })).toEqual(
      okExample(spec, "getClassById"),
    );
    expect(
      await client.getClassSlotById({
        classId: EXAMPLE_BOOKING.classId,
        classSlotId: EXAMPLE_BOOKING.classSlotId,
      }),
    ).toEqual(okExample(spec, "getClassSlotById"));
    const input = { customerId: EXAMPLE_BOOKING.customerId, classSlotId: EXAMPLE_BOOKING.classSlotId };
    expect(await client.validateClassSlot(input)).toEqual({ validationStatus: "AVAILABLE" });
    expect(await client.bookClassSlot(input)).toEqual(EXAMPLE_BOOKING);
  });

  it("have classes and slots from one day back to 14 days ahead of the clock, in slices", async () => {
    const { client, sandbox } = setup();
    const slots = [];
    for await (const slot of client.paginate.getClassSlots({
      classId: EXAMPLE_BOOKING.classId,
      sliceSize: 10,
    }))
      slots.push(slot);
    expect(slots.length).toBeGreaterThan(2);
    const now = sandbox.now().getTime();
    for (const slot of slots) {
      const start = Date.parse(slot.startDateTime!);
      expect(start).toBeGreaterThanOrEqual(now - 86_400_000);
      expect(start).toBeLessThanOrEqual(now + 14 * 86_400_000);
    }
    const first = await client.getActiveClasses({ sliceSize: 10 });
    expect(first.result.length).toBeGreaterThan(2);
    expect(first.result.some((c) => c.title === "Open Gym")).toBe(false); // display-only: not an active class
  });

  it("each key is its own studio with the same ids; two keys never see each other's bookings", async () => {
    const sandbox = createSandbox();
    const [a, b] = [clientOf(sandbox, "key-a"), clientOf(sandbox, "key-b")];
    const booking = await a.bookClassSlot({ customerId: 203, classSlotId: 20334 });
    expect((await b.bookClassSlot({ customerId: 203, classSlotId: 20334 })).bookingId).toBe(
      booking.bookingId,
    );
    await a.cancelClassSlotById({ bookingId: booking.bookingId });
    expect((await b.getClassBookingById({ bookingId: booking.bookingId })).bookingStatus).toBe("BOOKED");
    expect(await a.getClassBookingsByCustomerId({ customerId: 203 })).toEqual([
      { ...booking, bookingStatus: "CANCELED", participantStatus: "NOT_PARTICIPATING" },
    ]);
  });

  it("can be a studio of your own (fixtures); the caller's fixture objects stay untouched", async () => {
    const own = fixtures();
    const copy = structuredClone(own);
    const { client } = setup({ fixtures: own, now: NOW });
    expect((await client.getActiveClasses()).result.map((c) => c.id)).toEqual([1]);
    await client.bookClassSlot({ customerId: 5, classSlotId: 11 });
    expect(own).toEqual(copy);
  });
});

describe("validate answers the status that fits, and never books", () => {
  it.each<[string, SandboxOptions, number, number, string]>([
    ["AVAILABLE", { fixtures: fixtures(), now: NOW }, 5, 11, "AVAILABLE"],
    [
      "too early",
      { fixtures: fixtures(), now: at(-200) },
      5,
      11,
      "DATE_TIME_BEFORE_EARLIEST_BOOKING_DATE_TIME",
    ],
    ["too late", { fixtures: fixtures(), now: at(24) }, 5, 11, "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME"],
    [
      "a full slot and a full waiting list",
      { fixtures: fixtures(), now: NOW },
      5,
      12,
      "BOOKING_LIMIT_REACHED",
    ],
    [
      "a closed studio",
      { fixtures: fixtures({ closedDays: ["2026-12-02"] }), now: NOW },
      5,
      11,
      "STUDIO_CLOSED",
    ],
    [
      "a customer with no contingent left",
      { fixtures: fixtures({ customers: [{ id: 5, validationStatus: "NO_CONTINGENT" }] }), now: NOW },
      5,
      11,
      "NO_CONTINGENT",
    ],
    [
      "an idle customer",
      { fixtures: fixtures({ customers: [{ id: 5, validationStatus: "CUSTOMER_IDLE" }] }), now: NOW },
      5,
      11,
      "CUSTOMER_IDLE",
    ],
    [
      "a no-show penalty",
      {
        fixtures: fixtures({ customers: [{ id: 5, validationStatus: "NO_SHOW_PENALTY_ACTIVE" }] }),
        now: NOW,
      },
      5,
      11,
      "NO_SHOW_PENALTY_ACTIVE",
    ],
    [
      "a class that is display-only",
      {
        fixtures: fixtures({ classes: [{ id: 1, title: "Yoga", bookable: true, displayOnly: true }] }),
        now: NOW,
      },
      5,
      11,
      "DISPLAY_ONLY",
    ],
    [
      "a class that is not bookable",
      { fixtures: fixtures({ classes: [{ id: 1, title: "Yoga", bookable: false }] }), now: NOW },
      5,
      11,
      "NOT_AVAILABLE",
    ],
  ])("%s", async (_name, options, customerId, classSlotId, status) => {
    const { client } = setup(options);
    expect(await client.validateClassSlot({ customerId, classSlotId })).toEqual({ validationStatus: status });
    expect(await client.getClassBookingsByCustomerId({ customerId })).toEqual([]);
  });

  it("CUSTOMER_ALREADY_BOOKED and CUSTOMER_IN_OTHER_BOOKING follow the customer's bookings", async () => {
    const { client } = setup({ fixtures: fixtures(), now: NOW });
    await client.bookClassSlot({ customerId: 5, classSlotId: 10 });
    expect(await client.validateClassSlot({ customerId: 5, classSlotId: 10 })).toEqual({
      validationStatus: "CUSTOMER_ALREADY_BOOKED",
    });
    // Slot 11 starts half an hour into slot 10.
    expect(await client.validateClassSlot({ customerId: 5, classSlotId: 11 })).toEqual({
      validationStatus: "CUSTOMER_IN_OTHER_BOOKING",
    });
    expect(await client.validateClassSlot({ customerId: 6, classSlotId: 11 })).toEqual({
      validationStatus: "AVAILABLE",
    });
  });
});

describe("booking, listing and canceling", () => {
  it("book takes a place and counts it; a full slot with waiting-list room books onto the waiting list", async () => {
    const { client } = setup({ fixtures: fixtures(), now: NOW });
    const first = await client.bookClassSlot({ customerId: 5, classSlotId: 10 });
    expect(first).toMatchObject({
      bookingStatus: "BOOKED",
      participantStatus: "PARTICIPATING",
      classSlotId: 10,
      classId: 1,
      customerId: 5,
    });
    const second = await client.bookClassSlot({ customerId: 6, classSlotId: 10 });
    expect(second).toMatchObject({ bookingStatus: "WAITING_LIST", participantStatus: "UNSET" });
    expect(await client.getClassSlotById({ classId: 1, classSlotId: 10 })).toMatchObject({
      bookedParticipants: 1,
      waitingListParticipants: 1,
    });
    const refused = await failure(client.bookClassSlot({ customerId: 7, classSlotId: 10 }));
    expect(isApiError(refused, 400)).toBe(true);
    expect(refused).toMatchObject({ errorCode: "BOOKING_LIMIT_REACHED", body: { reference: "classSlotId" } });
  });

  it("cancel makes the booking CANCELED and moves the first on the waiting list up", async () => {
    const { client } = setup({ fixtures: fixtures(), now: NOW });
    const held = await client.bookClassSlot({ customerId: 5, classSlotId: 10 });
    const waiting = await client.bookClassSlot({ customerId: 6, classSlotId: 10 });
    await expect(client.cancelClassSlotById({ bookingId: held.bookingId })).resolves.toBeUndefined();
    expect(await client.getClassBookingById({ bookingId: held.bookingId })).toMatchObject({
      bookingStatus: "CANCELED",
    });
    expect(await client.getClassBookingById({ bookingId: waiting.bookingId })).toMatchObject({
      bookingStatus: "BOOKED",
      participantStatus: "PARTICIPATING",
    });
    expect(await client.getClassSlotById({ classId: 1, classSlotId: 10 })).toMatchObject({
      bookedParticipants: 1,
      waitingListParticipants: 0,
    });
    const again = await failure(client.cancelClassSlotById({ bookingId: held.bookingId }));
    expect(again).toMatchObject({ status: 400, errorCode: "BOOKING_ALREADY_CANCELED" });
  });

  it("a cancel after the class's latest cancel term is refused", async () => {
    const { client, sandbox } = setup({ fixtures: fixtures(), now: NOW });
    const booking = await client.bookClassSlot({ customerId: 5, classSlotId: 11 });
    sandbox.advance(23 * 3_600_000); // 1.5 h before the start; the term is 2 h
    expect(await failure(client.cancelClassSlotById({ bookingId: booking.bookingId }))).toMatchObject({
      status: 400,
      errorCode: "CANCELATION_DEADLINE_PASSED",
    });
  });

  it("list-by-customer shows bookings within two weeks of the sandbox clock", async () => {
    const { client, sandbox } = setup({ fixtures: fixtures(), now: NOW });
    const booking = await client.bookClassSlot({ customerId: 5, classSlotId: 11 });
    expect(await client.getClassBookingsByCustomerId({ customerId: 5 })).toEqual([booking]);
    sandbox.advance(16 * 86_400_000);
    expect(await client.getClassBookingsByCustomerId({ customerId: 5 })).toEqual([]);
    sandbox.setNow(NOW);
    expect(await client.getClassBookingsByCustomerId({ customerId: 5 })).toEqual([booking]);
  });
});

describe("errors name the actual problem", () => {
  it.each<[string, (c: ClassBookingClient) => Promise<unknown>, RegExp]>([
    ["an unknown class", (c) => c.getClassById({ classId: 424242 }), /^No class exists with id 424242\.$/],
    [
      "an unknown slot",
      (c) => c.getClassSlotById({ classId: 14928, classSlotId: 55555 }),
      /^No class slot exists with id 55555\.$/,
    ],
    [
      "a slot of another class",
      (c) => c.getClassSlotById({ classId: 14930, classSlotId: 20334 }),
      /^No class slot exists with id 20334 in class 14930\.$/,
    ],
    [
      "an unknown booking",
      (c) => c.getClassBookingById({ bookingId: 777 }),
      /^No class booking exists with id 777\.$/,
    ],
    [
      "booking into an unknown slot",
      (c) => c.bookClassSlot({ customerId: 777, classSlotId: 55555 }),
      /^No class slot exists with id 55555\.$/,
    ],
  ])("404 for %s", async (_name, call, message) => {
    const error = await failure(call(setup().client));
    expect(isApiError(error, 404)).toBe(true);
    expect(error?.errorMessage).toMatch(message);
  });

  it("404 for an unknown customer where the studio lists its customers", async () => {
    const { client } = setup({ fixtures: fixtures({ customers: [{ id: 5 }] }), now: NOW });
    expect(await failure(client.getClassBookingsByCustomerId({ customerId: 6 }))).toMatchObject({
      status: 404,
      errorMessage: "No customer exists with id 6.",
    });
  });

  it.each<[string, string, RequestInit, RegExp, string]>([
    [
      "a slice size below 10",
      "/v1/classes?sliceSize=5",
      {},
      /^The value of sliceSize must be an integer from 10 to 100\.$/,
      "sliceSize",
    ],
    [
      "a daysAhead above 6",
      "/v1/classes/slots?daysAhead=9",
      {},
      /^The value of daysAhead must be an integer from 0 to 6\.$/,
      "daysAhead",
    ],
    [
      "a class id that is no number",
      "/v1/classes/abc",
      {},
      /^The value of classId must be a safe integer\.$/,
      "classId",
    ],
    [
      "a date that is not one",
      "/v1/classes/slots?slotWindowStartDate=2026-02-30",
      {},
      /slotWindowStartDate must be a calendar date/,
      "slotWindowStartDate",
    ],
    [
      "a missing customerId",
      "/v1/classes/booking",
      {},
      /^The query parameter customerId is required\.$/,
      "customerId",
    ],
    [
      "a body without customerId",
      "/v1/classes/booking/book",
      { method: "POST", body: JSON.stringify({ classSlotId: 20334 }) },
      /^The field customerId must not be null\.$/,
      "customerId",
    ],
    [
      "a customerId of the wrong type",
      "/v1/classes/booking/validate",
      { method: "POST", body: JSON.stringify({ customerId: "203", classSlotId: 1 }) },
      /^The field customerId must be a safe integer, got a string\.$/,
      "customerId",
    ],
    [
      "an offset it never handed out",
      "/v1/classes?offset=zzz",
      {},
      /offset is not one this server handed out/,
      "offset",
    ],
  ])("400 for %s, with errorMessage and reference", async (_name, path, init, message, reference) => {
    const sandbox = createSandbox();
    const response = await sandbox.fetch(`http://localhost${path}`, {
      ...init,
      headers: { "x-api-key": "k", "content-type": "application/json" },
    });
    const body = (await response.json()) as { errorMessage: string; reference: string; errorCode: string };
    expect(response.status).toBe(400);
    expect(body.errorMessage).toMatch(message);
    expect(body).toMatchObject({ reference, errorCode: "VALIDATION_FAILED" });
  });

  it("a body that is not JSON is a 400", async () => {
    const response = await createSandbox().fetch("http://localhost/v1/classes/booking/book", {
      method: "POST",
      body: "{",
      headers: { "x-api-key": "k", "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorMessage: string }).errorMessage).toBe(
      "The request body is not valid JSON.",
    );
  });
});

describe("keys, scopes and the rate limit", () => {
  it("a missing key answers 401; HEAD only checks the key", async () => {
    const sandbox = createSandbox({ keys: { known: {} }, strictKeys: true });
    expect((await sandbox.fetch("http://localhost/v1/classes")).status).toBe(401);
    expect(
      (await sandbox.fetch("http://localhost/v1/classes", { headers: { "x-api-key": "stranger" } })).status,
    ).toBe(401);
    expect(
      (
        await sandbox.fetch("http://localhost/v1/classes", {
          method: "HEAD",
          headers: { "x-api-key": "known" },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await sandbox.fetch("http://localhost/v1/classes", {
          method: "HEAD",
          headers: { "x-api-key": "stranger" },
        })
      ).status,
    ).toBe(401);
    expect(
      (await sandbox.fetch("http://localhost/v1/classes", { headers: { "x-api-key": "known" } })).status,
    ).toBe(200);
  });

  it("a read-only key gets 403 on a CLASSES_WRITE operation, and reads", async () => {
    const sandbox = createSandbox({ keys: { reader: { scopes: ["CLASSES_READ"] } } });
    const client = clientOf(sandbox, "reader");
    expect(await failure(client.bookClassSlot({ customerId: 203, classSlotId: 20334 }))).toMatchObject({
      status: 403,
      errorCode: "ACCESS_DENIED",
    });
    await expect(client.getClassById({ classId: 14928 })).resolves.toMatchObject({ id: 14928 });
  });

  it("past the limit, the operation answers 429 to that key for the lockout, then opens again", async () => {
    const { client, sandbox } = setup({ rateLimit: { limit: 3, windowMs: 60_000, lockoutMs: 60_000 } });
    for (let i = 0; i < 3; i++) await client.getClassById({ classId: 14928 });
    expect(await failure(client.getClassById({ classId: 14928 }))).toMatchObject({ status: 429 });
    sandbox.advance(30_000);
    expect(await failure(client.getClassById({ classId: 14928 }))).toMatchObject({ status: 429 });
    await expect(client.getClassSlots({ classId: 14928 })).resolves.toBeDefined(); // another endpoint
    await expect(clientOf(sandbox, "other-key").getClassById({ classId: 14928 })).resolves.toBeDefined();
    sandbox.advance(31_000);
    await expect(client.getClassById({ classId: 14928 })).resolves.toMatchObject({ id: 14928 });
  });

  it("Prefer: code=NNN forces a documented status with the operation's own example", async () => {
    const sandbox = createSandbox();
    const response = await sandbox.fetch("http://localhost/v1/classes/14928", {
      headers: { "x-api-key": "k", prefer: "code=404" },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      errorMessage: "No class exists with id 99999.",
      errorCode: "ENTITY_NOT_FOUND",
    });
    const undocumented = await sandbox.fetch("http://localhost/v1/classes/14928", {
      headers: { "x-api-key": "k", prefer: "code=418" },
    });
    expect(undocumented.status).toBe(400);
  });
});

describe("the clock, reset, snapshots", () => {
  it("reset() brings back the first studio; snapshot() and restore() keep what was done, without keys", async () => {
    const { client, sandbox } = setup({}, "sk_test_SECRET-KEY-1234");
    const first = await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
    const saved = sandbox.snapshot();
    expect(JSON.stringify(saved)).not.toContain("sk_test_SECRET-KEY-1234");
    await client.cancelClassSlotById({ bookingId: first.bookingId });
    sandbox.advance(3_600_000);
    sandbox.restore(saved);
    expect(await client.getClassBookingById({ bookingId: first.bookingId })).toMatchObject({
      bookingStatus: "BOOKED",
    });
    expect(sandbox.now().getTime()).toBe(saved.now);
    sandbox.reset();
    expect(await failure(client.getClassBookingById({ bookingId: first.bookingId }))).toMatchObject({
      status: 404,
    });
  });

  it("a running clock follows the function it is given", () => {
    let t = Date.parse(NOW);
    const sandbox = createSandbox({ now: () => t });
    t += 5_000;
    expect(sandbox.now().getTime()).toBe(Date.parse(NOW) + 5_000);
    sandbox.advance(1_000);
    expect(sandbox.now().getTime()).toBe(Date.parse(NOW) + 6_000);
  });

  it("writes date-times with the studio's offset, and a [zone id] when asked", async () => {
    const { client } = setup({ zoneIds: true });
    const slot = await client.getClassSlotById({ classId: 14928, classSlotId: 20334 });
    expect(slot.startDateTime).toBe("2026-12-01T09:00:00.000+01:00[Europe/Berlin]");
  });
});

describe("every answer is checked against the spec before it leaves", () => {
  it("a studio change that breaks the spec gives a 500 that names the violation", async () => {
    const sandbox = createSandbox({ fixtures: fixtures(), now: NOW });
    (await sandbox.studio("k")).updateSlot(10, { maxParticipants: "many" as unknown as number });
    const response = await sandbox.fetch("http://localhost/v1/classes/1/slots/10", {
      headers: { "x-api-key": "k" },
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { errorMessage: string }).errorMessage).toBe(
      "The sandbox built a 200 answer that breaks the spec: /maxParticipants must be an integer from -2147483648 to 2147483647, got a string",
    );
  });

  it("fixtures that break the spec are refused when the sandbox is made, naming the place", () => {
    const broken = fixtures({
      classes: [{ id: 1, title: "Yoga", bookable: true, type: "HYBRID" as "STUDIO" }],
    });
    expect(() => createSandbox({ fixtures: broken, now: NOW })).toThrow(
      'createSandbox: option "fixtures.classes[0].type" must be one of STUDIO, STREAM, got "HYBRID"',
    );
  });
});
