/**
 * Run by test/sandbox/memory.test.ts in a process of its own (node --expose-gc): how much heap a
 * studio costs per new API key, read-only and after a booking, with and without a cap on studios.
 * Prints one line of JSON.
 */
import { createSandbox } from "../../src/sandbox/index.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

async function heap(): Promise<number> {
  await new Promise((r) => setTimeout(r, 10));
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

/** Heap growth per key over `keys` new keys, each making one request; and how many studios are kept. */
async function perKey(
  keys: number,
  maxStudios: number | undefined,
  request: (key: string) => Request,
): Promise<{ bytesPerKey: number; studios: number }> {
  const sandbox = createSandbox(maxStudios === undefined ? {} : { maxStudios });
  // Warm up: the seeded studio, the schedule's days, the code paths.
  for (let i = 0; i < 50; i++) await (await sandbox.handle(request(`warm-${i}`))).text();
  sandbox.reset();
  const before = await heap();
  for (let i = 0; i < keys; i++) {
    const response = await sandbox.handle(request(`sk_test_memory-key-${i}`));
    if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
    await response.text();
  }
  const after = await heap();
  return { bytesPerKey: (after - before) / keys, studios: Object.keys(sandbox.snapshot().studios).length };
}

const read = (key: string) => new Request("http://localhost/v1/classes", { headers: { "x-api-key": key } });
const book = (key: string) =>
  new Request("http://localhost/v1/classes/booking/book", {
    method: "POST",
    headers: { "x-api-key": key, "content-type": "application/json" },
    body: JSON.stringify({ customerId: 203, classSlotId: 20334 }),
  });

console.log(
  JSON.stringify({
    read: await perKey(2000, 5000, read),
    book: await perKey(2000, 5000, book),
    bookCapped: await perKey(2000, 100, book),
  }),
);
