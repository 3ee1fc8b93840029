/** One booking flow, three ways into the same sandbox core: sandbox.fetch, HTTP (server and CLI), and MSW. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createClassBookingClient, isApiError, type ClassBookingClient } from "../../src/client/index.js";
import { claimPort } from "../../src/mock/listen.js";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { sandboxHandlers } from "../../src/msw/index.js";
import { createSandbox } from "../../src/sandbox/index.js";
import { responseValidator } from "../../src/validate/index.js";
import { repoRoot } from "../../scripts/spec.js";
import { waitForLine } from "../helpers/process.js";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The flow an app runs: find a slot, validate, book, see it listed, read it, cancel; a full slot; "already booked". */
async function bookingFlow(client: ClassBookingClient): Promise<void> {
  const classes = await client.getActiveClasses();
  const yoga = classes.result.find((c) => c.id === 14928)!;
  const slots = await client.getClassSlots({ classId: yoga.id });
  const slot = slots.result.find((s) => s.id === 20334)!;
  expect(await client.validateClassSlot({ customerId: 777, classSlotId: slot.id })).toEqual({
    validationStatus: "AVAILABLE",
  });
  const booking = await client.bookClassSlot({ customerId: 777, classSlotId: slot.id });
  expect(booking).toMatchObject({
    bookingStatus: "BOOKED",
    customerId: 777,
    classSlotId: slot.id,
    classId: yoga.id,
  });
  expect(await client.getClassSlotById({ classId: yoga.id, classSlotId: slot.id })).toMatchObject({
    bookedParticipants: (slot.bookedParticipants ?? 0) + 1,
  });
  expect(await client.getClassBookingsByCustomerId({ customerId: 777 })).toEqual([booking]);
  expect(await client.validateClassSlot({ customerId: 777, classSlotId: slot.id })).toEqual({
    validationStatus: "CUSTOMER_ALREADY_BOOKED",
  });
  expect(await client.validateClassSlot({ customerId: 777, classSlotId: 20335 })).toEqual({
    validationStatus: "BOOKING_LIMIT_REACHED",
  });
  await client.cancelClassSlotById({ bookingId: booking.bookingId });
  expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toMatchObject({
    bookingStatus: "CANCELED",
  });
  const missing = await client.getClassById({ classId: 424242 }).catch((e: unknown) => e);
  expect(isApiError(missing, 404)).toBe(true);
}

const clientOn = (baseUrl: string, fetch?: typeof globalThis.fetch) =>
  createClassBookingClient({
    baseUrl,
    apiKey: "sandbox-key",
    ...(fetch && { fetch }),
    validateResponses: responseValidator(),
  });

describe("three ways in", () => {
  it("sandbox.fetch: no server, no port", async () => {
    await bookingFlow(clientOn("http://localhost", createSandbox().fetch));
  });

  it("HTTP: startMockServer({ stateful: true })", async () => {
    const server: MockServer = await startMockServer({ stateful: true });
    cleanups.push(() => server.stop());
    await bookingFlow(clientOn(server.url));
    // The test can steer the same sandbox: its clock and its studios.
    expect(server.sandbox!.now()).toBeInstanceOf(Date);
  });

  it("HTTP: npx class-booking-mock --stateful --seed 3", async () => {
    const port = await claimPort(0, "127.0.0.1");
    const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
    const child: ChildProcess = spawn(
      process.execPath,
      [
        "--import",
        loader,
        path.join(repoRoot, "src", "cli", "class-booking-mock.ts"),
        "--stateful",
        "--seed",
        "3",
        "--port",
        String(port),
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    cleanups.push(() => child.kill("SIGKILL"));
    await waitForLine(child, /Sandbox \(stateful\) class-booking API listening on http:\/\/127\.0\.0\.1:\d+/);
    await bookingFlow(clientOn(`http://127.0.0.1:${port}`));
  });

  it("MSW: sandboxHandlers in setupServer, the client on the global fetch (made before MSW starts)", async () => {
    const baseUrl = "https://mystudio.open-api.magicline.com";
    const client = clientOn(baseUrl);
    const server = setupServer(...sandboxHandlers(createSandbox(), { baseUrl }));
    server.listen({ onUnhandledRequest: "error" });
    cleanups.push(() => server.close());
    await bookingFlow(client);
  });
});
