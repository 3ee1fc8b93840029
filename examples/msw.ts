/**
 * The sandbox behind Mock Service Worker, for an app that already mocks its network with MSW
 * (msw 2.x, `setupServer` from msw/node). The client is made as the app makes it, with the real
 * API's URL: MSW catches its requests and the sandbox answers them, with state (a booking made is
 * there to read back and to cancel).
 *
 *   npm run build && npx tsx examples/msw.ts
 */
import { setupServer } from "msw/node";
import { createClassBookingClient } from "class-booking-api";
import { createSandbox } from "class-booking-api/sandbox";
import { sandboxHandlers } from "class-booking-api/msw";

const baseUrl = "https://mystudio.open-api.magicline.com";
const sandbox = createSandbox({ seed: 1 });
// Requests MSW has no handler for fail instead of going out to the network.
const server = setupServer(...sandboxHandlers(sandbox, { baseUrl }));
server.listen({ onUnhandledRequest: "error" });
try {
  // The app's own client, unchanged: it uses the global fetch, which MSW now intercepts.
  const client = createClassBookingClient({ baseUrl, apiKey: "test-key" });

  const yoga = await client.getClassById({ classId: 14928 });
  console.log(`class ${yoga.id}: ${yoga.title}`);

  const booking = await client.bookClassSlot({ customerId: 777, classSlotId: 20334 });
  console.log(`booking ${booking.bookingId} is ${booking.bookingStatus}`);

  await client.cancelClassSlotById({ bookingId: booking.bookingId });
  const canceled = await client.getClassBookingById({ bookingId: booking.bookingId });
  console.log(`booking ${canceled.bookingId} is ${canceled.bookingStatus}`);
} finally {
  server.close();
}
