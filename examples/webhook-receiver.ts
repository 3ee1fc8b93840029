/**
 * A webhook receiver, called end to end by the sandbox: a node:http server with the receiver's node
 * adapter, and the sandbox over HTTP posting its events to it with the studio's webhook key. A
 * booking, the studio making the class smaller, a cancel that moves the waiting list up: each
 * posts its event, and the handler reads what it needs back from the API.
 *
 *   npm run build && npx tsx examples/webhook-receiver.ts
 *
 * In production the server is yours (or a fetch-style route: `webhooks.fetchHandler`), and `keys`
 * maps each studio's webhook key to what createClassBookingClient takes for that studio.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClassBookingClient } from "class-booking-api";
import { startMockServer } from "class-booking-api/mock";
import { createWebhookReceiver } from "class-booking-api/webhooks";

const apiKey = "north-key";
const webhookKey = "whk_example_north";

// 1. The receiver's server first: the sandbox needs its URL.
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;

// 2. The sandbox over HTTP, posting its events there with the studio's webhook key.
const sandbox = await startMockServer({ stateful: true, sandbox: { webhooks: [{ url, key: webhookKey }] } });
try {
  // 3. The webhook key says which studio sent the event; the studio's value is the client's options.
  const webhooks = createWebhookReceiver({
    keys: { [webhookKey]: { baseUrl: sandbox.url, apiKey } },
    onEvent: async (event, studio) => {
      if (!event.known) return; // another of the studio's event types (a check-in, a contract)
      const client = createClassBookingClient(studio);
      switch (event.type) {
        case "CLASS_BOOKING_CREATED":
        case "CLASS_BOOKING_UPDATED":
        case "CLASS_BOOKING_CANCELLED": {
          const booking = await client.getClassBookingById({ bookingId: event.entityId });
          console.log(`${event.type}: booking ${booking.bookingId} is ${booking.bookingStatus}`);
          break;
        }
        case "CLASS_SLOT_UPDATED":
        case "CLASS_SLOT_CANCELLED":
          console.log(`${event.type}: slot ${event.entityId} of class ${event.content?.classId ?? "?"}`);
      }
    },
  });
  server.on("request", webhooks.nodeHandler());

  // 4. What happens in the studio: two bookings, a smaller class, a cancel.
  const client = createClassBookingClient({ baseUrl: sandbox.url, apiKey });
  const slotId = 20334;
  const ana = await client.bookClassSlot({ customerId: 203, classSlotId: slotId });
  await sandbox.sandbox.settled(); // every webhook call of the sandbox answered
  (await sandbox.sandbox.studio(apiKey)).updateSlot(slotId, { maxParticipants: 14 });
  await sandbox.sandbox.settled();
  await client.bookClassSlot({ customerId: 204, classSlotId: slotId }); // the waiting list
  await sandbox.sandbox.settled();
  await client.cancelClassSlotById({ bookingId: ana.bookingId }); // Ben moves up
  await sandbox.sandbox.settled();
  const answered = sandbox.sandbox.deliveries.filter((d) => d.status === 200).length;
  console.log(`${answered} of ${sandbox.sandbox.deliveries.length} webhook calls answered 200`);
} finally {
  await sandbox.stop();
  server.close();
}
