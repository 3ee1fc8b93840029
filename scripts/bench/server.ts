/**
 * The loopback server of the per-call benchmark, run in its own process: answers
 * bookClassSlot and getClassBookingsByCustomerId with fixed JSON, and prints its port.
 */
import { createServer } from "node:http";

const booking = {
  bookingId: 2033,
  bookingStatus: "BOOKED",
  classSlotId: 20334,
  classId: 14928,
  customerId: 203,
  classSlotStatus: "PLANNED",
  participantStatus: "PARTICIPATING",
};
const bookJson = JSON.stringify(booking);
const listJson = JSON.stringify([booking, { ...booking, bookingId: 2041, bookingStatus: "WAITING_LIST" }]);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = req.method === "POST" ? bookJson : listJson;
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${(server.address() as { port: number }).port}\n`);
});
process.stdin.on("end", () => process.exit(0)).resume();
