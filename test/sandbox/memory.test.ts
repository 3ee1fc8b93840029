/**
 * Bounded memory: a studio for a new key costs at most 5 KB until it changes (the seeded studio is
 * shared, copied only where a studio writes), and at most maxStudios studios are kept, the one used
 * longest ago forgotten first. Heap is measured in a process of its own, after full collections.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createClassBookingClient, isApiError } from "../../src/client/index.js";
import { createSandbox } from "../../src/sandbox/index.js";
import { repoRoot } from "../../scripts/spec.js";

type Cost = { bytesPerKey: number; studios: number };

describe("memory per API key", () => {
  it("2000 keys: at most 5 KB each while only read, a few KB once booked, and a cap that holds", () => {
    const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", loader, path.join(repoRoot, "test", "helpers", "sandbox-memory.ts")],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const { read, book, bookCapped } = JSON.parse(run.stdout) as Record<"read" | "book" | "bookCapped", Cost>;
    expect(read.studios).toBe(2000);
    expect(read.bytesPerKey).toBeLessThan(5 * 1024);
    expect(book.studios).toBe(2000);
    expect(book.bytesPerKey).toBeLessThan(16 * 1024);
    // 100 studios kept of 2000 that booked: all of them together cost less than 100 booked studios would.
    expect(bookCapped.studios).toBe(100);
    expect(bookCapped.bytesPerKey * 2000).toBeLessThan(100 * 16 * 1024);
  }, 130_000);
});

describe("the cap on studios", () => {
  it("forgets the studio used longest ago; one in use stays", async () => {
    const sandbox = createSandbox({ maxStudios: 3 });
    const client = (apiKey: string) =>
      createClassBookingClient({
        baseUrl: "http://localhost",
        apiKey,
        fetch: sandbox.fetch,
        maxRetries: 0,
        rateLimit: false,
      });
    const kept = await client("kept").bookClassSlot({ customerId: 203, classSlotId: 20334 });
    const lost = await client("lost").bookClassSlot({ customerId: 203, classSlotId: 20334 });
    for (const key of ["a", "b"]) {
      await client(key).getActiveClasses();
      await client("kept").getClassBookingById({ bookingId: kept.bookingId }); // "kept" is used again
    }
    expect(Object.keys(sandbox.snapshot().studios)).toHaveLength(3);
    await expect(client("kept").getClassBookingById({ bookingId: kept.bookingId })).resolves.toMatchObject({
      bookingStatus: "BOOKED",
    });
    const gone = await client("lost")
      .getClassBookingById({ bookingId: lost.bookingId })
      .catch((e: unknown) => e);
    expect(isApiError(gone, 404)).toBe(true);
  });
});
