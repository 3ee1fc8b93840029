/**
 * A prospect's free trial in the sandbox, through the real client (every answer also checked
 * against the spec by the response validator): the flow on each way in (sandbox.fetch, HTTP,
 * MSW), each rule of an offer's configuration, the confirmation before and after its deadline,
 * the webhook a confirmed booking sends, and the scopes.
 */
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import {
  createClassBookingClient,
  isApiError,
  type ClassBookingClient,
  type LeadData,
} from "../../src/client/index.js";
import { startMockServer } from "../../src/mock/index.js";
import { sandboxHandlers } from "../../src/msw/index.js";
import { createSandbox, type Sandbox, type SandboxEvent } from "../../src/sandbox/index.js";
import { responseValidator } from "../../src/validate/index.js";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const clientOn = (baseUrl: string, fetch?: typeof globalThis.fetch, apiKey = "sandbox-key") =>
  createClassBookingClient({
    baseUrl,
    apiKey,
    maxRetries: 0,
    rateLimit: false,
    ...(fetch && { fetch }),
    validateResponses: responseValidator(),
  });

const nora: LeadData = {
  firstname: "Nora",
  lastname: "Lindqvist",
  email: "nora.lindqvist@example.org",
  telephone: "015112345678",
};
const DAY = 86_400_000;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

/** The offer of a class, found by discovering it as a website would. */
async function offerOf(client: ClassBookingClient, title: string) {
  for await (const entry of client.paginate.getBookableTrialOfferClasses())
    if (entry.trialOfferClass.title === title) return entry;
  throw new Error(`no trial offer for ${title}`);
}

/** A slot of the class whose start is at least `days` days after the sandbox clock. */
async function slotAfter(client: ClassBookingClient, classId: number, now: Date, days: number) {
  for await (const slot of client.paginate.getClassSlotsForTrialOffers({ classId }))
    if (Date.parse(slot.startDateTime!) >= now.getTime() + days * DAY) return slot;
  throw new Error(`no slot of class ${classId} ${days} days ahead`);
}

/** The website's flow: discover, read the rules, register the lead, validate, book, confirm. */
async function trialFlow(client: ClassBookingClient, now: Date): Promise<number> {
  const { trialOfferConfigId, trialOfferClass } = await offerOf(client, "Morning Yoga");
  const config = await client.getTrialOfferConfig({ configId: trialOfferConfigId });
  expect(config.confirmationOfBookingTerm).toEqual({ value: 2, unit: "DAY" });
  expect(config.leadDataConfig.telephoneMode).toBe("MANDATORY");
  const lead = { leadCustomerData: nora, trialOfferConfigId };
  expect(await client.validateForLeadCustomerCreation(lead)).toEqual({ validationStatus: "POSSIBLE" });
  const { leadCustomerId } = await client.createLeadCustomer(lead);
  expect(await client.validateForLeadCustomerCreation(lead)).toEqual({
    validationStatus: "DUPLICATE_CUSTOMER",
  });
  const slot = await slotAfter(client, trialOfferClass.id, now, 3);
  const request = { customerId: leadCustomerId!, classSlotId: slot.id };
  expect(await client.validateClassSlotForTrialOffers(request)).toEqual({ validationStatus: "AVAILABLE" });
  const booking = await client.bookClassSlotForTrialOffers(request);
  expect(booking).toMatchObject({
    bookingStatus: "BOOKED_WITH_CONFIRMATION_REQUIRED",
    customerId: leadCustomerId,
    classSlotId: slot.id,
    classId: trialOfferClass.id,
  });
  expect(await client.confirmTrialOfferBooking({ bookingId: booking.bookingId })).toEqual({
    status: "CONFIRMED",
  });
  // The booking is a class booking like any other: read with the Classes operations.
  expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
    bookingStatus: "BOOKED",
    participantStatus: "PARTICIPATING",
  });
  return booking.bookingId;
}

/** The events a sandbox raises, from now on. */
function eventsOf(sandbox: Sandbox): SandboxEvent[] {
  const seen: SandboxEvent[] = [];
  cleanups.push(sandbox.onEvent((e) => seen.push(e)));
  return seen;
}
const created = (events: SandboxEvent[]) =>
  events.filter((e) => e.payload[0]!.type === "CLASS_BOOKING_CREATED").map((e) => e.entityId);

describe("a prospect's free trial, three ways in", () => {
  it("sandbox.fetch: the booking is announced once, when it is confirmed", async () => {
    const sandbox = createSandbox();
    const events = eventsOf(sandbox);
    const client = clientOn("http://localhost", sandbox.fetch);
    const bookingId = await trialFlow(client, sandbox.now());
    expect(created(events)).toEqual([bookingId]);
  });

  it("HTTP: startMockServer({ stateful: true })", async () => {
    const server = await startMockServer({ stateful: true });
    cleanups.push(() => server.stop());
    const events = eventsOf(server.sandbox!);
    const bookingId = await trialFlow(clientOn(server.url), server.sandbox!.now());
    expect(created(events)).toEqual([bookingId]);
  });

  it("MSW: sandboxHandlers in setupServer", async () => {
    const baseUrl = "https://mystudio.open-api.magicline.com";
    const sandbox = createSandbox();
    const server = setupServer(...sandboxHandlers(sandbox, { baseUrl }));
    server.listen({ onUnhandledRequest: "error" });
    cleanups.push(() => server.close());
    await trialFlow(clientOn(baseUrl), sandbox.now());
  });
});

/** A sandbox, its client, and a lead registered for the offer of a class. */
async function leadFor(title: string, details: LeadData = nora) {
  const sandbox = createSandbox();
  const client = clientOn("http://localhost", sandbox.fetch);
  const offer = await offerOf(client, title);
  const config = await client.getTrialOfferConfig({ configId: offer.trialOfferConfigId });
  const { leadCustomerId } = await client.createLeadCustomer({
    leadCustomerData: details,
    trialOfferConfigId: offer.trialOfferConfigId,
  });
  return { sandbox, client, offer, config, customerId: leadCustomerId! };
}

describe("the offer's rules", () => {
  it("the lead field modes: a MANDATORY detail left out is INVALID_LEAD_CUSTOMER_DATA, and create refuses it", async () => {
    const sandbox = createSandbox();
    const client = clientOn("http://localhost", sandbox.fetch);
    const hiit = await offerOf(client, "HIIT Express");
    const { leadDataConfig } = await client.getTrialOfferConfig({ configId: hiit.trialOfferConfigId });
    expect(leadDataConfig).toMatchObject({ dateOfBirthMode: "MANDATORY", addressMode: "MANDATORY" });
    const without = { leadCustomerData: nora, trialOfferConfigId: hiit.trialOfferConfigId };
    expect(await client.validateForLeadCustomerCreation(without)).toEqual({
      validationStatus: "INVALID_LEAD_CUSTOMER_DATA",
    });
    const refused = await failure(client.createLeadCustomer(without));
    expect(isApiError(refused, 400) && refused.errorCode).toBe("INVALID_LEAD_CUSTOMER_DATA");
    const complete = {
      ...without,
      leadCustomerData: {
        ...nora,
        dateOfBirth: "1994-03-18",
        address: { street: "Kastanienallee", zipCode: "10435", city: "Berlin" },
      },
    };
    expect(await client.validateForLeadCustomerCreation(complete)).toEqual({ validationStatus: "POSSIBLE" });
    // The telephone is MANDATORY for the yoga offer only.
    const yoga = await offerOf(client, "Morning Yoga");
    const noPhone = {
      leadCustomerData: { ...nora, telephone: undefined },
      trialOfferConfigId: yoga.trialOfferConfigId,
    };
    expect(await client.validateForLeadCustomerCreation(noPhone)).toEqual({
      validationStatus: "INVALID_LEAD_CUSTOMER_DATA",
    });
  });

  it("the same e-mail address (in any case) is DUPLICATE_CUSTOMER, also for another offer, and create refuses it", async () => {
    const { client } = await leadFor("Morning Yoga");
    const pilates = await offerOf(client, "Pilates Core");
    const again = {
      leadCustomerData: { ...nora, email: " Nora.Lindqvist@EXAMPLE.org" },
      trialOfferConfigId: pilates.trialOfferConfigId,
    };
    expect(await client.validateForLeadCustomerCreation(again)).toEqual({
      validationStatus: "DUPLICATE_CUSTOMER",
    });
    const refused = await failure(client.createLeadCustomer(again));
    expect(isApiError(refused, 400) && refused.errorCode).toBe("DUPLICATE_CUSTOMER");
  });

  it("the contingent: a lead holds at most that many trial bookings (NO_CONTINGENT), and gets one back when a booking is canceled", async () => {
    const { sandbox, client, offer, config, customerId } = await leadFor("Morning Yoga");
    expect(config.contingent).toBe(1);
    const first = await slotAfter(client, offer.trialOfferClass.id, sandbox.now(), 3);
    const second = await slotAfter(client, offer.trialOfferClass.id, sandbox.now(), 6);
    const booking = await client.bookClassSlotForTrialOffers({ customerId, classSlotId: first.id });
    expect(await client.validateClassSlotForTrialOffers({ customerId, classSlotId: second.id })).toEqual({
      validationStatus: "NO_CONTINGENT",
    });
    const refused = await failure(client.bookClassSlotForTrialOffers({ customerId, classSlotId: second.id }));
    expect(isApiError(refused, 400) && refused.errorCode).toBe("NO_CONTINGENT");
    await client.cancelClassSlotById({ bookingId: booking.bookingId });
    // The yoga offer also keeps six months between bookings.
    expect(await client.validateClassSlotForTrialOffers({ customerId, classSlotId: second.id })).toEqual({
      validationStatus: "AVAILABLE",
    });
  });

  it("the repeat-booking term: within a week of a HIIT trial booking the next is BOOKING_LIMIT_REACHED, after it AVAILABLE", async () => {
    const details = {
      ...nora,
      dateOfBirth: "1994-03-18",
      address: { street: "K", zipCode: "1", city: "Berlin" },
    };
    const { sandbox, client, offer, config, customerId } = await leadFor("HIIT Express", details);
    expect(config).toMatchObject({ contingent: 3, preventMultipleBookingsTerm: { value: 1, unit: "WEEK" } });
    const first = await slotAfter(client, offer.trialOfferClass.id, sandbox.now(), 1);
    const { bookingId } = await client.bookClassSlotForTrialOffers({ customerId, classSlotId: first.id });
    // Confirmed, so that the booking stays (an unconfirmed one would be canceled and count no more).
    await client.confirmTrialOfferBooking({ bookingId });
    const next = await slotAfter(
      client,
      offer.trialOfferClass.id,
      new Date(Date.parse(first.startDateTime!) + 1),
      0,
    );
    expect(await client.validateClassSlotForTrialOffers({ customerId, classSlotId: next.id })).toEqual({
      validationStatus: "BOOKING_LIMIT_REACHED",
    });
    sandbox.advance(7 * DAY + 1);
    const later = await slotAfter(client, offer.trialOfferClass.id, sandbox.now(), 1);
    expect(await client.validateClassSlotForTrialOffers({ customerId, classSlotId: later.id })).toEqual({
      validationStatus: "AVAILABLE",
    });
  });

  it("an offer that does not allow leads: NOT_AVAILABLE; a class of another offer: NOT_AVAILABLE; a customer who is no lead: 404", async () => {
    const { sandbox, client, customerId } = await leadFor("Morning Yoga");
    const pump = await offerOf(client, "Body Pump");
    expect(
      (await client.getTrialOfferConfig({ configId: pump.trialOfferConfigId })).allowBookingForLeads,
    ).toBe(false);
    const pilates = await offerOf(client, "Pilates Core");
    const other = await slotAfter(client, pilates.trialOfferClass.id, sandbox.now(), 1);
    expect(await client.validateClassSlotForTrialOffers({ customerId, classSlotId: other.id })).toEqual({
      validationStatus: "NOT_AVAILABLE",
    });
    const member = await failure(
      client.validateClassSlotForTrialOffers({ customerId: 203, classSlotId: other.id }),
    );
    expect(isApiError(member, 404)).toBe(true);
  });

  it("an offer without a confirmation term books BOOKED at once and announces it", async () => {
    const { sandbox, client, offer, config, customerId } = await leadFor("Pilates Core", {
      ...nora,
      telephone: undefined,
    });
    expect(config.confirmationOfBookingTerm).toBeUndefined();
    const events = eventsOf(sandbox);
    const slot = await slotAfter(client, offer.trialOfferClass.id, sandbox.now(), 1);
    const booking = await client.bookClassSlotForTrialOffers({ customerId, classSlotId: slot.id });
    expect(booking.bookingStatus).toBe("BOOKED");
    expect(created(events)).toEqual([booking.bookingId]);
    expect(await client.confirmTrialOfferBooking({ bookingId: booking.bookingId })).toEqual({
      status: "CONFIRMED",
    });
    expect(created(events)).toEqual([booking.bookingId]);
  });

  it("unknown ids answer 404: a configuration, a class that is not offered as a trial, a booking that is no trial booking", async () => {
    const sandbox = createSandbox();
    const client = clientOn("http://localhost", sandbox.fetch);
    // One call at a time: a call started before the previous one was awaited would reject with
    // nobody listening yet.
    for (const call of [
      () => client.getTrialOfferConfig({ configId: 99999 }),
      () => client.getClassSlotsForTrialOffers({ classId: 424242 }),
      () => client.confirmTrialOfferBooking({ bookingId: 99999 }),
      () => client.createLeadCustomer({ leadCustomerData: nora, trialOfferConfigId: 99999 }),
    ])
      expect(isApiError(await failure(call()), 404)).toBe(true);
  });
});

describe("the confirmation deadline, on the sandbox clock", () => {
  /** A yoga trial booking that needs confirming two days before its slot, and the deadline. */
  async function pending() {
    const setup = await leadFor("Morning Yoga");
    const { sandbox, client, offer, customerId } = setup;
    const slot = await slotAfter(client, offer.trialOfferClass.id, sandbox.now(), 4);
    const booking = await client.bookClassSlotForTrialOffers({ customerId, classSlotId: slot.id });
    expect(booking.bookingStatus).toBe("BOOKED_WITH_CONFIRMATION_REQUIRED");
    const deadline = Date.parse(slot.startDateTime!) - 2 * DAY;
    return { ...setup, slot, booking, deadline };
  }

  it("at the deadline itself: CONFIRMED, announced with CLASS_BOOKING_CREATED", async () => {
    const { sandbox, client, booking, deadline } = await pending();
    const events = eventsOf(sandbox);
    sandbox.setNow(deadline);
    expect(await client.confirmTrialOfferBooking({ bookingId: booking.bookingId })).toEqual({
      status: "CONFIRMED",
    });
    expect(created(events)).toEqual([booking.bookingId]);
    // The deadline no longer matters once confirmed.
    sandbox.setNow(deadline + DAY);
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      bookingStatus: "BOOKED",
    });
    expect(await client.confirmTrialOfferBooking({ bookingId: booking.bookingId })).toEqual({
      status: "CONFIRMED",
    });
    expect(created(events)).toEqual([booking.bookingId]);
  });

  it("a millisecond after it, moved through the control API: EXPIRED; the booking was canceled, its place freed, nothing announced", async () => {
    const { sandbox, client, booking, slot, offer, deadline } = await pending();
    const events = eventsOf(sandbox);
    const before = await client.getClassSlotById({ classId: offer.trialOfferClass.id, classSlotId: slot.id });
    const moved = await sandbox.fetch("http://localhost/_sandbox/clock", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ now: new Date(deadline + 1).toISOString() }),
    });
    expect(moved.status, await moved.clone().text()).toBeLessThan(300);
    // Canceled as soon as the clock passed the deadline: any request sees it, before any confirmation.
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
      bookingStatus: "CANCELED",
      participantStatus: "NOT_PARTICIPATING",
    });
    expect(
      (await client.getClassSlotById({ classId: offer.trialOfferClass.id, classSlotId: slot.id }))
        .bookedParticipants,
    ).toBe((before.bookedParticipants ?? 0) - 1);
    expect(await client.confirmTrialOfferBooking({ bookingId: booking.bookingId })).toEqual({
      status: "EXPIRED",
    });
    expect(events).toEqual([]);
  });
});

describe("scopes, per key", () => {
  it("a key without TRIAL_OFFER_WRITE may read the offers but not register a lead; the classes' scopes do not stand in", async () => {
    const sandbox = createSandbox({
      keys: {
        reader: { scopes: ["TRIAL_OFFER_READ"] },
        classes: { scopes: ["CLASSES_READ", "CLASSES_WRITE"] },
      },
    });
    const reader = clientOn("http://localhost", sandbox.fetch, "reader");
    const offer = await offerOf(reader, "Morning Yoga");
    const lead = { leadCustomerData: nora, trialOfferConfigId: offer.trialOfferConfigId };
    const refused = await failure(reader.createLeadCustomer(lead));
    expect(isApiError(refused, 403) && refused.errorMessage).toMatch(/TRIAL_OFFER_WRITE/);
    const classes = clientOn("http://localhost", sandbox.fetch, "classes");
    expect(isApiError(await failure(classes.getBookableTrialOfferClasses()), 403)).toBe(true);
  });
});

describe("the trial state in snapshots and fixtures", () => {
  it("a snapshot keeps the leads and a booking awaiting confirmation; a wrong trial part is refused, naming it", async () => {
    const { sandbox, client, offer, customerId } = await leadFor("Morning Yoga");
    const slot = await slotAfter(client, offer.trialOfferClass.id, sandbox.now(), 4);
    const booking = await client.bookClassSlotForTrialOffers({ customerId, classSlotId: slot.id });
    const snapshot = sandbox.snapshot();
    const other = createSandbox();
    other.restore(snapshot);
    const restored = clientOn("http://localhost", other.fetch);
    expect(await restored.confirmTrialOfferBooking({ bookingId: booking.bookingId })).toEqual({
      status: "CONFIRMED",
    });
    const lead = { leadCustomerData: nora, trialOfferConfigId: offer.trialOfferConfigId };
    expect(await restored.validateForLeadCustomerCreation(lead)).toEqual({
      validationStatus: "DUPLICATE_CUSTOMER",
    });
    const [hash, state] = Object.entries(snapshot.studios)[0]!;
    const broken = {
      ...snapshot,
      studios: { [hash]: { ...state, trialBookings: [{ bookingId: 1, confirmBy: "soon" }] } },
    };
    expect(() => other.restore(broken as never)).toThrow(
      /trialBookings\[0\] must be \{ bookingId, trialOfferConfigId, bookedAt/,
    );
  });

  it("fixtures may bring trial offers of their own", async () => {
    const sandbox = createSandbox({
      fixtures: {
        classes: [{ id: 1, title: "Spin", bookable: true }],
        trialOffers: [
          {
            config: {
              id: 7,
              name: "Spin once",
              preventMultipleBookingsTerm: { value: 1, unit: "YEAR" },
              contingent: 1,
              allowBookingForLeads: true,
              leadDataConfig: {
                trialOfferLeadDataConfigId: 7,
                genderMode: "INACTIVE",
                dateOfBirthMode: "INACTIVE",
                telephoneMode: "INACTIVE",
                addressMode: "INACTIVE",
              },
            },
            classIds: [1],
          },
        ],
      },
    });
    const client = clientOn("http://localhost", sandbox.fetch);
    expect((await client.getBookableTrialOfferClasses()).result).toEqual([
      { trialOfferConfigId: 7, trialOfferClass: { id: 1, title: "Spin", bookable: true } },
    ]);
    expect(() =>
      createSandbox({ fixtures: { trialOffers: [{ config: { id: 1 }, classIds: [] }] } as never }),
    ).toThrow(/fixtures\.trialOffers\[0\]\.config/);
  });
});
