/**
 * The whole booking flow, against the sandbox on this machine: list the classes, pick a slot,
 * validate and book, meet a full class and its waiting list, cancel, and watch the waiting list
 * move up.
 *
 *   npm run build && npx tsx examples/booking-flow.ts
 *
 * Against the real API, drop the sandbox and give the client your studio's tenant and key.
 */
import { createClassBookingClient, isApiError } from "class-booking-api";
import { startMockServer } from "class-booking-api/mock";

const apiKey = "example-studio-key";
const server = await startMockServer({ stateful: true });
try {
  const client = createClassBookingClient({ baseUrl: server.url, apiKey });

  // 1. What can be booked: every class with a slot from yesterday to two weeks ahead.
  for await (const c of client.paginate.getActiveClasses()) console.log(`class ${c.id}: ${c.title}`);

  // 2. One class and its slots, then one slot in full.
  const yoga = await client.getClassById({ classId: 14928 });
  const slots = await client.getClassSlots({ classId: yoga.id });
  const slot = await client.getClassSlotById({ classId: yoga.id, classSlotId: 20334 });
  console.log(
    `${yoga.title}: ${slots.result.length} slots; ${slot.startDateTime}, ${slot.bookedParticipants} of ${slot.maxParticipants} booked`,
  );

  // 3. Validate before offering a "book" button; book only when the answer is AVAILABLE.
  const ana = 203;
  const { validationStatus } = await client.validateClassSlot({ customerId: ana, classSlotId: slot.id });
  if (validationStatus !== "AVAILABLE")
    throw new Error(`slot ${slot.id} cannot be booked: ${validationStatus}`);
  const anasBooking = await client.bookClassSlot({ customerId: ana, classSlotId: slot.id });
  console.log(`Ana: booking ${anasBooking.bookingId} is ${anasBooking.bookingStatus}`);

  // 4. The studio makes the class smaller: now it is full, and the next customer waits.
  (await server.sandbox.studio(apiKey)).updateSlot(slot.id, { maxParticipants: 14 });
  const ben = 204;
  const bensBooking = await client.bookClassSlot({ customerId: ben, classSlotId: slot.id });
  console.log(`Ben: booking ${bensBooking.bookingId} is ${bensBooking.bookingStatus}`);

  // 5. A booking is never made twice: the API says so with a status, and an error names it.
  try {
    await client.bookClassSlot({ customerId: ana, classSlotId: slot.id });
  } catch (error) {
    if (!isApiError(error, 400)) throw error;
    console.log(`Ana again: refused with ${error.errorCode}`);
  }

  // 6. Ana cancels; her place goes to the first on the waiting list.
  await client.cancelClassSlotById({ bookingId: anasBooking.bookingId });
  const moved = await client.getClassBookingById({ bookingId: bensBooking.bookingId });
  console.log(`Ben: booking ${moved.bookingId} is ${moved.bookingStatus}, ${moved.participantStatus}`);

  // 7. A customer's bookings, as the app shows them.
  for (const b of await client.getClassBookingsByCustomerId({ customerId: ana }))
    console.log(`Ana's booking ${b.bookingId}: ${b.bookingStatus}`);
} finally {
  await server.stop();
}
