/** A user's test file: the app's code gets the sandbox's URL where it would get the API's. */
import { expect, it } from "vitest";
import { createClassBookingClient } from "class-booking-api";
import { useSandbox } from "./sandbox.js";

const sandbox = useSandbox();
const client = () => createClassBookingClient({ baseUrl: sandbox.server.url, apiKey: "test-key" });

it("books a customer into a slot and lists the booking", async () => {
  const booking = await client().bookClassSlot({ customerId: 777, classSlotId: 20334 });
  expect(booking.bookingStatus).toBe("BOOKED");
  expect(await client().getClassBookingsByCustomerId({ customerId: 777 })).toContainEqual(booking);
});

it("starts each test from a fresh studio: the same booking is made again", async () => {
  const booking = await client().bookClassSlot({ customerId: 777, classSlotId: 20334 });
  expect(booking.bookingId).toBe(2033); // the first booking in a fresh studio
});

it("puts the customer on the waiting list once the places are taken", async () => {
  (await sandbox.server.sandbox.studio("test-key")).updateSlot(20334, { maxParticipants: 13 });
  const booking = await client().bookClassSlot({ customerId: 777, classSlotId: 20334 });
  expect(booking.bookingStatus).toBe("WAITING_LIST");
});
