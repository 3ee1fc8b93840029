/**
 * The loopback server of the per-call benchmark, run in its own process: answers
 * bookClassSlot and getClassBookingsByCustomerId with fixed JSON, and prints its port.
 */
import { createServer } from "node:http";
import { loadSpec, okExample } from "../spec.js";

// The spec's own example answers of the two operations.
const spec = loadSpec();
const bookJson = JSON.stringify(okExample(spec, "bookClassSlot"));
const listJson = JSON.stringify(okExample(spec, "getClassBookingsByCustomerId"));

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
