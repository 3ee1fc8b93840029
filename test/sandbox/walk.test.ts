/**
 * A long random walk of calls against one sandbox, on two keys: every answer, errors included, is
 * valid against the spec (checked here, apart from the sandbox's own check), nothing answers 500,
 * and neither key ever sees a booking the other made.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox/index.js";
import { checkResponse } from "../../src/validate/index.js";
import { RUNS, SEED } from "../property/oracle.js";

type Step = { key: 0 | 1; op: string; a: number; b: number };
const KEYS = ["walk-key-a", "walk-key-b"];
const BREAKABLE = new Set([
  "getActiveClasses",
  "getClassSlotsForMultipleClasses",
  "getClassById",
  "validateClassSlot",
  "bookClassSlot",
  "getClassBookingsByCustomerId",
  "createLeadCustomer",
  "validateClassSlotForTrialOffers",
]);
const step: fc.Arbitrary<Step> = fc.record({
  key: fc.constantFrom(0 as const, 1 as const),
  op: fc.constantFrom(
    "getActiveClasses",
    "getClassSlotsForMultipleClasses",
    "getClassById",
    "getClassSlots",
    "getClassSlotById",
    "validateClassSlot",
    "bookClassSlot",
    "bookClassSlot",
    "getClassBookingById",
    "cancelClassSlotById",
    "getClassBookingsByCustomerId",
    "getBookableTrialOfferClasses",
    "getTrialOfferConfig",
    "validateForLeadCustomerCreation",
    "createLeadCustomer",
    "getClassSlotsForTrialOffers",
    "validateClassSlotForTrialOffers",
    "bookClassSlotForTrialOffers",
    "confirmTrialOfferBooking",
    "moveClock",
  ),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
});

describe("a long random walk", () => {
  it("answers only what the spec allows, and keeps the keys apart", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fc.nat({ max: 9 })), { minLength: 300, maxLength: 300 }),
        async (steps) => {
          const sandbox = createSandbox({ seed: 11 });
          const made: Array<Map<number, number>> = [new Map(), new Map()]; // bookingId -> customerId, per key
          const classIds = [14928, 14930, 14931, 14932, 14933, 14934, 14935, 14936, 424242];
          // The slots of the rolling schedule in the coming week, the spec's example slots, and one that does not exist.
          const week = await sandbox.fetch("http://localhost/v1/classes/slots?daysAhead=6&sliceSize=100", {
            headers: { "x-api-key": KEYS[0]! },
          });
          const listed = ((await week.json()) as { result: Array<{ id: number }> }).result.map(
            (slot) => slot.id,
          );
          const slotIds = [...new Set([...listed, 20334, 20335, 424242])];
          // The slots of the classes offered as a trial, for the trial bookings.
          const get = async (path: string) =>
            (await (
              await sandbox.fetch(`http://localhost${path}`, { headers: { "x-api-key": KEYS[0]! } })
            ).json()) as {
              result: Array<{ id: number; trialOfferConfigId: number; trialOfferClass: { id: number } }>;
            };
          const trialClasses = (await get("/v1/trial-offers/bookable-trial-offers/classes")).result;
          const trialSlots: number[] = [424242];
          const slotsOfOffer = new Map<number, number[]>();
          for (const { trialOfferClass, trialOfferConfigId } of trialClasses)
            for (const { id } of (
              await get(`/v1/trial-offers/bookable-trial-offers/classes/${trialOfferClass.id}/slots`)
            ).result) {
              trialSlots.push(id);
              slotsOfOffer.set(trialOfferConfigId, [...(slotsOfOffer.get(trialOfferConfigId) ?? []), id]);
            }
          // The offer of each lead made so far, so that half of the trial bookings try a slot of the lead's own offer.
          const offerOfLead = new Map<number, number>();
          const customers = [203, 777, 9001, 9002, 5, 6];
          // Leads get ids from 5120 on; the e-mail addresses repeat, so some sign-ups are duplicates.
          const leads = [5120, 5121, 5122, 5123, 203];
          const configIds = [1, 2, 3, 4, 99999];
          const lead = (n: number) => ({
            firstname: "Nora",
            lastname: "Lindqvist",
            email: `lead${n % 4}@example.org`,
            ...(n % 2 === 0 && { telephone: "0151" }),
            ...(n % 3 === 0 && {
              dateOfBirth: "1994-03-18",
              address: { street: "K", zipCode: "1", city: "B" },
            }),
          });
          let statuses = 0;
          for (const [s, roll] of steps) {
            // One call in ten breaks a rule of the spec (where the operation has a rule to break).
            const bad = roll === 0 && BREAKABLE.has(s.op);
            const cls = classIds[s.a % classIds.length]!;
            const slot = slotIds[(s.b + s.a) % slotIds.length]!;
            const customer = customers[s.a % customers.length]!;
            const booking = 2033 + (s.b % 12);
            const request: Record<string, [string, string, unknown?]> = {
              getActiveClasses: ["GET", `/v1/classes?sliceSize=${bad ? 5 : 10 + s.a}&offset=${s.b % 3}`],
              getClassSlotsForMultipleClasses: ["GET", `/v1/classes/slots?daysAhead=${bad ? 7 : s.a % 7}`],
              getClassById: ["GET", `/v1/classes/${bad ? "x" : cls}`],
              getClassSlots: ["GET", `/v1/classes/${cls}/slots`],
              getClassSlotById: ["GET", `/v1/classes/${cls}/slots/${slot}`],
              validateClassSlot: [
                "POST",
                "/v1/classes/booking/validate",
                bad ? { classSlotId: slot } : { customerId: customer, classSlotId: slot },
              ],
              bookClassSlot: [
                "POST",
                "/v1/classes/booking/book",
                bad
                  ? { customerId: String(customer), classSlotId: slot }
                  : { customerId: customer, classSlotId: slot },
              ],
              getClassBookingById: ["GET", `/v1/classes/booking/${booking}`],
              cancelClassSlotById: ["DELETE", `/v1/classes/booking/${booking}`],
              getClassBookingsByCustomerId: [
                "GET",
                bad ? "/v1/classes/booking" : `/v1/classes/booking?customerId=${customer}`,
              ],
            };
            const leadBody = {
              leadCustomerData: lead(s.b),
              trialOfferConfigId: configIds[s.a % configIds.length],
            };
            const trialLead = leads[s.a % leads.length]!;
            const own = s.b % 2 ? undefined : slotsOfOffer.get(offerOfLead.get(trialLead) ?? 0);
            const trialBooking = {
              customerId: trialLead,
              classSlotId: own ? own[s.b % own.length]! : trialSlots[(s.a * 7 + s.b) % trialSlots.length]!,
            };
            Object.assign(request, {
              getBookableTrialOfferClasses: [
                "GET",
                `/v1/trial-offers/bookable-trial-offers/classes?sliceSize=10`,
              ],
              getTrialOfferConfig: ["GET", `/v1/trial-offers/config/${configIds[s.a % configIds.length]}`],
              validateForLeadCustomerCreation: ["POST", "/v1/trial-offers/lead/validate", leadBody],
              createLeadCustomer: [
                "POST",
                "/v1/trial-offers/lead/create",
                bad ? { ...leadBody, leadCustomerData: { firstname: "Nora", lastname: "L" } } : leadBody,
              ],
              getClassSlotsForTrialOffers: [
                "GET",
                `/v1/trial-offers/bookable-trial-offers/classes/${cls}/slots`,
              ],
              validateClassSlotForTrialOffers: [
                "POST",
                "/v1/trial-offers/classes/booking/validate",
                bad ? { customerId: trialBooking.customerId } : trialBooking,
              ],
              bookClassSlotForTrialOffers: ["POST", "/v1/trial-offers/classes/booking/book", trialBooking],
              confirmTrialOfferBooking: ["POST", `/v1/trial-offers/bookings/${booking}/confirm`],
            });
            if (s.op === "moveClock") {
              // A few hours on: over the walk, confirmation deadlines pass and unconfirmed trial bookings are canceled.
              sandbox.advance((s.a % 6) * 3_600_000);
              continue;
            }
            const [method, path, body] = request[s.op]!;
            const response = await sandbox.fetch(`http://localhost${path}`, {
              method,
              headers: { "x-api-key": KEYS[s.key]!, "content-type": "application/json" },
              ...(body !== undefined && { body: JSON.stringify(body) }),
            });
            const text = await response.text();
            const answer = text ? (JSON.parse(text) as unknown) : undefined;
            expect(response.status, `${s.op} ${path}: ${text}`).not.toBe(500);
            expect(
              checkResponse(s.op, response.status, answer),
              `${s.op} ${response.status}: ${text}`,
            ).toEqual([]);
            if (bad) expect(response.status, `${s.op} ${path} ${JSON.stringify(body)}`).toBe(400);
            statuses |= 1 << Math.floor(response.status / 100);

            // The two keys are two studios: a key sees exactly the bookings it made.
            const mine = made[s.key]!;
            if (s.op === "bookClassSlot" && response.status === 200)
              mine.set((answer as { bookingId: number }).bookingId, customer);
            if (s.op === "createLeadCustomer" && response.status === 200)
              offerOfLead.set(
                (answer as { leadCustomerId: number }).leadCustomerId,
                leadBody.trialOfferConfigId!,
              );
            if (s.op === "bookClassSlotForTrialOffers" && response.status === 200)
              mine.set((answer as { bookingId: number }).bookingId, trialBooking.customerId!);
            if (s.op === "getClassBookingById" || s.op === "cancelClassSlotById")
              expect(response.status === 404, `${s.op} ${booking}`).toBe(!mine.has(booking));
            if (s.op === "getClassBookingsByCustomerId" && response.status === 200) {
              for (const b of answer as Array<{ bookingId: number; customerId: number }>)
                expect(mine.get(b.bookingId)).toBe(b.customerId);
            }
          }
          expect(statuses & (1 << 2)).toBeTruthy(); // some successes
          expect(statuses & (1 << 4)).toBeTruthy(); // and some refusals
        },
      ),
      { seed: SEED, numRuns: RUNS ? Math.max(1, Math.round(RUNS / 50)) : 2 },
    );
  });
});
