/**
 * The sandbox keeps a studio's time, in-process: slots end and read COMPLETED, the seeded schedule
 * rolls with the clock (same seed and day, same slot ids), lockouts end, a class that is over
 * cannot be canceled, a canceled booking is NOT_PARTICIPATING, a called-off slot blocks nothing,
 * both daylight-saving changes of Europe/Berlin give the right local times, and the clock's
 * arguments are checked.
 */
import { describe, expect, it } from "vitest";
import {
  ClassBookingError,
  createClassBookingClient,
  type ClassBookingClient,
} from "../../src/client/index.js";
import {
  createSandbox,
  type Sandbox,
  type SandboxFixtures,
  type SandboxOptions,
} from "../../src/sandbox/index.js";
import { formatLocal, localInstant } from "../../src/core/sandbox/time.js";
import { responseValidator } from "../../src/validate/index.js";

const DAY = 86_400_000;
function setup(options: SandboxOptions = {}): { sandbox: Sandbox; client: ClassBookingClient } {
  const sandbox = createSandbox(options);
  const client = createClassBookingClient({
    baseUrl: "http://localhost",
    apiKey: "clock-key",
    fetch: sandbox.fetch,
    maxRetries: 0,
    rateLimit: false,
    validateResponses: responseValidator(),
  });
  return { sandbox, client };
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as { status: number; errorCode?: string },
  );

/** Two overlapping one-hour slots of a class whose bookings may be canceled any time. */
const NOW = "2026-12-01T08:00:00.000Z";
const at = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();
const FIXTURES: SandboxFixtures = {
  classes: [
    {
      id: 1,
      title: "Yoga",
      bookable: true,
      cancelCondition: {
        cancelationAfterLatestPossible: true,
        latestCancelTerm: { value: 2, unit: "HOURS" },
      },
    },
  ],
  slots: [10, 11].map((id, i) => ({
    id,
    classInformation: { id: 1 },
    startDateTime: at(2 + i / 2),
    endDateTime: at(3 + i / 2),
    earliestBookingDateTime: at(-100),
    latestBookingDateTime: at(1),
    maxParticipants: 1,
    maxWaitingListParticipants: 2,
    bookedParticipants: 0,
    additionalParticipants: 0,
  })),
};

describe("slots end", () => {
  it("a slot reads COMPLETED from its end on, in the booking and the customer's list", async () => {
    const { client, sandbox } = setup();
    const booking = await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
    const slot = await client.getClassSlotById({ classId: 14928, classSlotId: 20334 });
    sandbox.setNow(new Date(Date.parse(slot.endDateTime!) - 1));
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      classSlotStatus: "PLANNED",
    });
    sandbox.advance(1);
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      classSlotStatus: "COMPLETED",
      bookingStatus: "BOOKED",
    });
    expect(await client.getClassBookingsByCustomerId({ customerId: 203 })).toEqual([
      { ...booking, classSlotStatus: "COMPLETED" },
    ]);
  });

  it("a class that is over cannot be canceled, and its waiting list stays where it is", async () => {
    const { client, sandbox } = setup({ fixtures: FIXTURES, now: NOW });
    const held = await client.bookClassSlot({ customerId: 5, classSlotId: 10 });
    const waiting = await client.bookClassSlot({ customerId: 6, classSlotId: 10 });
    sandbox.setNow(at(3));
    expect(await failure(client.cancelClassSlotById({ bookingId: held.bookingId }))).toMatchObject({
      status: 400,
      errorCode: "CLASS_SLOT_COMPLETED",
    });
    expect(await client.getClassBookingById({ bookingId: waiting.bookingId })).toMatchObject({
      bookingStatus: "WAITING_LIST",
    });
    sandbox.setNow(at(2.5)); // while it runs, a cancel (allowed after the term here) moves the waiting list up
    await client.cancelClassSlotById({ bookingId: held.bookingId });
    expect(await client.getClassBookingById({ bookingId: waiting.bookingId })).toMatchObject({
      bookingStatus: "BOOKED",
    });
  });

  it("a canceled booking is NOT_PARTICIPATING; a slot the studio called off blocks nothing", async () => {
    const { client, sandbox } = setup({ fixtures: FIXTURES, now: NOW });
    const booking = await client.bookClassSlot({ customerId: 5, classSlotId: 10 });
    expect(await client.validateClassSlot({ customerId: 5, classSlotId: 11 })).toEqual({
      validationStatus: "CUSTOMER_IN_OTHER_BOOKING",
    });
    (await sandbox.studio("clock-key")).cancelSlot(10);
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      bookingStatus: "BOOKED",
      classSlotStatus: "CANCELED",
    });
    expect(await client.validateClassSlot({ customerId: 5, classSlotId: 11 })).toEqual({
      validationStatus: "AVAILABLE",
    });
    await client.cancelClassSlotById({ bookingId: booking.bookingId });
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      bookingStatus: "CANCELED",
      participantStatus: "NOT_PARTICIPATING",
    });
  });
});

describe("the seeded schedule rolls with the clock", () => {
  /** Every slot the seeded studio lists on the local days from `date` for a week, by id. */
  const week = async (client: ClassBookingClient, date: string) =>
    (
      await client.getClassSlotsForMultipleClasses({
        slotWindowStartDate: date,
        daysAhead: 6,
        sliceSize: 100,
      })
    ).result;

  it.each([16, 45, 400])(
    "%i days on, there are active classes, each with slots from one day back to 14 days ahead",
    async (days) => {
      const { client, sandbox } = setup();
      sandbox.advance(days * DAY);
      const now = sandbox.now().getTime();
      const classes = (await client.getActiveClasses({ sliceSize: 100 })).result;
      expect(classes.length).toBeGreaterThan(3);
      for (const cls of classes) {
        const slots = (await client.getClassSlots({ classId: cls.id, sliceSize: 100 })).result;
        expect(slots.length, `class ${cls.id}`).toBeGreaterThan(0);
        for (const slot of slots)
          expect(Math.abs(Date.parse(slot.startDateTime!) - now - 6.5 * DAY)).toBeLessThanOrEqual(7.5 * DAY);
      }
    },
  );

  it("the same seed and local date give the same slots and ids, wherever the clock stands and whatever came before", async () => {
    const early = setup({ seed: 4, now: "2027-02-01T10:00:00Z" });
    const late = setup({ seed: 4, now: "2027-02-05T10:00:00Z" });
    const slots = await week(early.client, "2027-02-10");
    expect(slots.length).toBeGreaterThan(3);
    expect(await week(late.client, "2027-02-10")).toEqual(slots);
    early.sandbox.advance(40 * DAY);
    expect(await week(early.client, "2027-02-10")).toEqual(slots);
    // A slot whose day has left the window is still there by its id.
    const first = slots[0]!;
    expect(
      await early.client.getClassSlotById({ classId: first.classInformation!.id, classSlotId: first.id }),
    ).toEqual(first);
    expect(await week(setup({ seed: 5, now: "2027-02-01T10:00:00Z" }).client, "2027-02-10")).not.toEqual(
      slots,
    );
  });

  it("a slot booked in one window keeps its booking as the clock moves on", async () => {
    const { client, sandbox } = setup({ now: "2027-05-03T06:00:00Z" });
    const open = (await week(client, "2027-05-04")).find(
      (s) => (s.bookedParticipants ?? 0) + s.additionalParticipants < (s.maxParticipants ?? 0),
    )!;
    const booking = await client.bookClassSlot({ customerId: 777, classSlotId: open.id });
    sandbox.advance(30 * DAY);
    expect(
      await client.getClassSlotById({ classId: open.classInformation!.id, classSlotId: open.id }),
    ).toMatchObject({ bookedParticipants: (open.bookedParticipants ?? 0) + 1 });
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      classSlotStatus: "COMPLETED",
    });
  });
});

describe("rate-limit lockouts end", () => {
  it("as the clock is moved past them", async () => {
    const { client, sandbox } = setup({ rateLimit: { limit: 1, lockoutMs: 60_000 } });
    await client.getClassById({ classId: 14928 });
    expect(await failure(client.getClassById({ classId: 14928 }))).toMatchObject({ status: 429 });
    sandbox.advance(60_000);
    await expect(client.getClassById({ classId: 14928 })).resolves.toMatchObject({ id: 14928 });
  });

  it("as real time passes, while the clock stands still", async () => {
    const { client, sandbox } = setup({ rateLimit: { limit: 1, lockoutMs: 300 } });
    const standing = sandbox.now().getTime();
    await client.getClassById({ classId: 14928 });
    const lockedAt = performance.now();
    expect(await failure(client.getClassById({ classId: 14928 }))).toMatchObject({ status: 429 });
    // The promise: open again once the lockout's 300 ms have passed (however long a busy machine takes).
    let open = false;
    for (let i = 0; i < 200 && !open; i++) {
      await new Promise((r) => setTimeout(r, 50));
      open = !(await failure(client.getClassById({ classId: 14928 })));
      if (!open) expect(performance.now() - lockedAt).toBeLessThan(300 + 10_000);
    }
    expect(open).toBe(true);
    expect(performance.now() - lockedAt).toBeGreaterThanOrEqual(300);
    expect(sandbox.now().getTime()).toBe(standing);
  });
});

describe("both daylight-saving changes in Europe/Berlin", () => {
  const berlin = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Berlin",
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  };

  it.each([
    ["fall back", "2026-10-25", "+02:00", "+01:00"],
    ["spring forward", "2027-03-28", "+01:00", "+02:00"],
  ])(
    "%s (%s): slots on the day before, the day and the day after have the right local times and offsets",
    async (_name, day, before, after) => {
      // A seed whose classes meet on that Sunday (found within a few seeds).
      let found: Array<{
        id: number;
        startDateTime?: string;
        endDateTime?: string;
        classInformation?: { id: number; duration?: number };
      }> = [];
      for (
        let seed = 1;
        seed <= 40 && found.filter((s) => s.startDateTime!.startsWith(day)).length < 2;
        seed++
      ) {
        const { client } = setup({ seed, now: `${day}T00:00:00Z` });
        found = (
          await client.getClassSlotsForMultipleClasses({
            slotWindowStartDate: new Date(Date.parse(day) - DAY).toISOString().slice(0, 10),
            daysAhead: 2,
            sliceSize: 100,
          })
        ).result;
      }
      const onDay = found.filter((s) => s.startDateTime!.startsWith(day));
      expect(onDay.length).toBeGreaterThanOrEqual(2);
      for (const slot of found) {
        const start = Date.parse(slot.startDateTime!);
        // The written local time is the zone's local time at that instant, with the zone's offset then.
        expect(slot.startDateTime!.slice(0, 16)).toBe(berlin(start));
        expect(slot.startDateTime!.slice(-6)).toBe(slot.startDateTime! < day ? before : after);
        expect(Date.parse(slot.endDateTime!) - start).toBe((slot.classInformation?.duration ?? 60) * 60_000);
      }
    },
  );

  it("the time helpers: the change instants, a skipped and a repeated wall time, and a 25- and a 23-hour day", () => {
    const zone = "Europe/Berlin";
    expect(formatLocal(Date.parse("2026-10-25T00:59:59Z"), zone)).toBe("2026-10-25T02:59:59.000+02:00");
    expect(formatLocal(Date.parse("2026-10-25T01:00:00Z"), zone)).toBe("2026-10-25T02:00:00.000+01:00");
    expect(formatLocal(Date.parse("2027-03-28T00:59:59Z"), zone)).toBe("2027-03-28T01:59:59.000+01:00");
    expect(formatLocal(Date.parse("2027-03-28T01:00:00Z"), zone)).toBe("2027-03-28T03:00:00.000+02:00");
    expect(new Date(localInstant("2026-10-25", 2, 30, zone)).toISOString()).toBe("2026-10-25T00:30:00.000Z"); // the first of the two
    expect(new Date(localInstant("2027-03-28", 2, 30, zone)).toISOString()).toBe("2027-03-28T01:30:00.000Z"); // skipped: 03:30 CEST
    expect(localInstant("2026-10-25", 24, 0, zone) - localInstant("2026-10-25", 0, 0, zone)).toBe(
      25 * 3_600_000,
    );
    expect(localInstant("2027-03-28", 24, 0, zone) - localInstant("2027-03-28", 0, 0, zone)).toBe(
      23 * 3_600_000,
    );
  });

  it("a window of one day of 25 hours lists exactly that day's slots", async () => {
    const { client } = setup({ seed: 2, now: "2026-10-20T00:00:00Z" });
    const slots = (
      await client.getClassSlotsForMultipleClasses({
        slotWindowStartDate: "2026-10-24",
        daysAhead: 2,
        sliceSize: 100,
      })
    ).result;
    const day = (
      await client.getClassSlotsForMultipleClasses({
        slotWindowStartDate: "2026-10-25",
        daysAhead: 0,
        sliceSize: 100,
      })
    ).result;
    expect(day).toEqual(slots.filter((s) => s.startDateTime!.startsWith("2026-10-25")));
  });
});

describe("the clock's arguments are checked", () => {
  it.each<[string, (s: Sandbox) => void, RegExp]>([
    [
      "setNow with words",
      (s) => s.setNow("next tuesday"),
      /^setNow: the time must be a Date, an ISO 8601 date-time with an offset .*got "next tuesday"$/,
    ],
    [
      "setNow with a date-time without offset",
      (s) => s.setNow("2026-12-01T08:00:00"),
      /^setNow: the time must be/,
    ],
    [
      "setNow with an invalid Date",
      (s) => s.setNow(new Date(NaN)),
      /^setNow: the time must be .*got an invalid Date$/,
    ],
    [
      "setNow past 9999",
      (s) => s.setNow(Date.UTC(9999, 11, 31)),
      /^setNow: the time must be from 1970-01-02T00:00:00\.000Z to 9999-12-01T00:00:00\.000Z/,
    ],
    [
      "advance with text",
      (s) => s.advance("1d" as unknown as number),
      /^advance: ms must be a whole number of milliseconds, got "1d"$/,
    ],
    ["advance with a fraction", (s) => s.advance(1.5), /^advance: ms must be a whole number/],
    ["advance out of range", (s) => s.advance(-60 * 365 * DAY), /^advance: the clock must be from 1970/],
  ])("%s throws a ClassBookingError naming it, and the sandbox answers on", async (_name, call, message) => {
    const { sandbox, client } = setup();
    const before = sandbox.now().getTime();
    expect(() => call(sandbox)).toThrow(ClassBookingError);
    expect(() => call(sandbox)).toThrow(message);
    expect(sandbox.now().getTime()).toBe(before);
    await expect(client.getActiveClasses()).resolves.toMatchObject({ hasNext: false });
  });
});
