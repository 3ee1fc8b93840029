/**
 * Another test file, with a sandbox of its own: it moves its clock while booking.test.ts runs
 * beside it, and neither sees the other's state.
 */
import { expect, it } from "vitest";
import { createClassBookingClient } from "class-booking-api";
import { useSandbox } from "./sandbox.js";

const sandbox = useSandbox();
const client = () => createClassBookingClient({ baseUrl: sandbox.server.url, apiKey: "test-key" });

it("shows a booking of a class that is over as COMPLETED, and refuses to cancel it", async () => {
  const booking = await client().bookClassSlot({ customerId: 777, classSlotId: 20334 });
  sandbox.server.sandbox.advance(14 * 86_400_000); // two weeks on: the slot of 2026-12-01 is over
  const read = await client().getClassBookingById({ bookingId: booking.bookingId });
  expect(read.classSlotStatus).toBe("COMPLETED");
  await expect(client().cancelClassSlotById({ bookingId: booking.bookingId })).rejects.toMatchObject({
    status: 400,
    errorCode: "CLASS_SLOT_COMPLETED",
  });
});
