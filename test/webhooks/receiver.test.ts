/** Webhooks end to end: the sandbox posts events, a real node:http receiver built with the adapter takes them. */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createClassBookingClient } from "../../src/client/index.js";
import { createSandbox, type SandboxOptions } from "../../src/sandbox/index.js";
import { claimPort } from "../../src/mock/listen.js";
import { repoRoot } from "../../scripts/spec.js";
import { waitForLine } from "../helpers/process.js";
import {
  createWebhookReceiver,
  memorySeenStore,
  parseEvents,
  WebhookError,
  type WebhookEvent,
  type WebhookReceiverOptions,
} from "../../src/webhooks/index.js";

const WEBHOOK_KEY = "whk_live_NORTH-7c1d9e";
const STUDIO = { name: "north", baseUrl: "https://north.open-api.magicline.com" };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))),
  );
});

/** A node:http server whose only route is the receiver's Node adapter. */
async function receiver<S>(options: WebhookReceiverOptions<S>) {
  const got: Array<{ event: WebhookEvent; studio: S }> = [];
  const errors: Error[] = [];
  const webhooks = createWebhookReceiver<S>({
    ...options,
    onEvent: async (event, studio) => void got.push({ event, studio }),
    onError: (e) => void errors.push(e),
  });
  const handler = webhooks.nodeHandler();
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return { url, got, errors, webhooks };
}
const post = (url: string, body: unknown, key: string | null = WEBHOOK_KEY) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key !== null && { "x-api-key": key }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const event = (type: string, extra: Record<string, unknown> = {}) => ({
  entityId: 2033,
  uuid: `uuid-${Math.random()}`,
  payload: [{ timestamp: 1764576000000, type, ...extra }],
});

describe("the sandbox posts its events to a real receiver", () => {
  it("a booking, a waiting-list place, a cancel that moves it up, and slot changes: each once, typed, with its studio", async () => {
    const r = await receiver({ keys: { [WEBHOOK_KEY]: STUDIO } });
    const seen: string[] = [];
    const sandbox = createSandbox({ webhooks: [{ url: r.url, key: WEBHOOK_KEY }] } satisfies SandboxOptions);
    sandbox.onEvent((e) => seen.push(e.payload[0]!.type));
    const client = createClassBookingClient({
      baseUrl: "http://localhost",
      apiKey: "studio-key",
      fetch: sandbox.fetch,
    });
    const studio = await sandbox.studio("studio-key");
    studio.updateSlot(20334, { maxParticipants: 14, maxWaitingListParticipants: 2 }); // 13 taken, one place left
    const first = await client.bookClassSlot({ customerId: 777, classSlotId: 20334 });
    const waiting = await client.bookClassSlot({ customerId: 778, classSlotId: 20334 });
    await client.cancelClassSlotById({ bookingId: first.bookingId });
    studio.cancelSlot(20334);
    await sandbox.settled();

    const expected = [
      "CLASS_SLOT_UPDATED",
      "CLASS_BOOKING_CREATED",
      "CLASS_BOOKING_CREATED",
      "CLASS_BOOKING_CANCELLED",
      "CLASS_BOOKING_UPDATED",
      "CLASS_SLOT_CANCELLED",
    ];
    expect(seen).toEqual(expected);
    expect(r.got.map((g) => g.event.type).sort()).toEqual([...expected].sort());
    expect(r.got.every((g) => g.studio === STUDIO && g.event.known)).toBe(true);
    const updated = r.got.find((g) => g.event.type === "CLASS_BOOKING_UPDATED")!.event;
    expect(updated.entityId).toBe(waiting.bookingId);
    const slot = r.got.find((g) => g.event.type === "CLASS_SLOT_CANCELLED")!.event;
    expect(slot).toMatchObject({ entityId: 20334, content: { classId: 14928 } });
    expect(new Set(r.got.map((g) => g.event.uuid)).size).toBe(expected.length);
    expect(sandbox.deliveries.map((d) => d.status)).toEqual(Array(expected.length).fill(200));
    expect(r.errors).toEqual([]);
  });

  it("a receiver that does not answer within the timeout: the call is given up, once, never sent again", async () => {
    let calls = 0;
    const slow = createServer(() => void calls++); // never answers
    servers.push(slow);
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    const sandbox = createSandbox({ webhooks: [{ url, key: WEBHOOK_KEY, timeoutMs: 300 }] });
    const client = createClassBookingClient({
      baseUrl: "http://localhost",
      apiKey: "k",
      fetch: sandbox.fetch,
    });
    const started = Date.now();
    await client.bookClassSlot({ customerId: 777, classSlotId: 20334 });
    await sandbox.settled();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(sandbox.deliveries).toEqual([
      { url, uuid: expect.any(String), type: "CLASS_BOOKING_CREATED", error: "timeout" },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(1);
  });

  it("a target with an API key hears only that studio's events; the key shows nowhere in the log", async () => {
    const r = await receiver({ keys: WEBHOOK_KEY });
    const sandbox = createSandbox({ webhooks: [{ url: r.url, key: WEBHOOK_KEY, apiKey: "north-key" }] });
    for (const apiKey of ["north-key", "south-key"]) {
      await createClassBookingClient({
        baseUrl: "http://localhost",
        apiKey,
        fetch: sandbox.fetch,
      }).bookClassSlot({ customerId: 777, classSlotId: 20334 });
    }
    await sandbox.settled();
    expect(r.got).toHaveLength(1);
    expect(JSON.stringify(sandbox.deliveries)).not.toContain(WEBHOOK_KEY);
  });
});

describe("class-booking-mock --stateful --webhook URL --webhook-key KEY", () => {
  it("posts the sandbox's events to the receiver", async () => {
    const r = await receiver({ keys: WEBHOOK_KEY });
    const port = await claimPort(0, "127.0.0.1");
    const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
    const cli = path.join(repoRoot, "src", "cli", "class-booking-mock.ts");
    const child = spawn(
      process.execPath,
      [
        "--import",
        loader,
        cli,
        "--stateful",
        "--port",
        String(port),
        "--webhook",
        r.url,
        "--webhook-key",
        WEBHOOK_KEY,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      await waitForLine(child, /listening on/);
      const client = createClassBookingClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "k" });
      const booking = await client.bookClassSlot({ customerId: 777, classSlotId: 20334 });
      for (let i = 0; i < 100 && !r.got.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(r.got.map((g) => [g.event.type, g.event.entityId])).toEqual([
        ["CLASS_BOOKING_CREATED", booking.bookingId],
      ]);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("the receiver refuses what it must, and nothing reaches the handler", () => {
  it.each<[string, () => [unknown, string | null, string?], number, RegExp]>([
    [
      "a wrong key",
      () => [event("CLASS_BOOKING_CREATED"), "whk_wrong"],
      401,
      /webhook key is missing or unknown/,
    ],
    ["no key", () => [event("CLASS_BOOKING_CREATED"), null], 401, /webhook key is missing or unknown/],
    ["a body that is not JSON", () => ["{entityId:", WEBHOOK_KEY], 400, /not JSON/],
    [
      "a missing uuid",
      () => [{ ...event("CLASS_BOOKING_CREATED"), uuid: undefined }, WEBHOOK_KEY],
      400,
      /\/uuid is required/,
    ],
    [
      "a timestamp of the wrong type",
      () => [event("CLASS_BOOKING_CREATED", { timestamp: "yesterday" }), WEBHOOK_KEY],
      400,
      /\/payload\/0\/timestamp must be a safe integer/,
    ],
    [
      "a uuid longer than a uuid",
      () => [{ ...event("CLASS_BOOKING_CREATED"), uuid: "u".repeat(37) }, WEBHOOK_KEY],
      400,
      /\/uuid must be at most 36 characters long/,
    ],
    [
      "a payload that is not an array",
      () => [{ ...event("X"), payload: { type: "X" } }, WEBHOOK_KEY],
      400,
      /\/payload must be an array/,
    ],
    [
      "content that is not an object",
      () => [event("CLASS_SLOT_UPDATED", { content: [14928] }), WEBHOOK_KEY],
      400,
      /\/payload\/0\/content must be an object/,
    ],
    ["a body that is an array", () => [[event("X")], WEBHOOK_KEY], 400, /\(the body\) must be an object/],
    [
      "an oversized body",
      () => [{ ...event("CLASS_BOOKING_CREATED"), padding: "x".repeat(70_000) }, WEBHOOK_KEY],
      413,
      /larger than 65536 bytes/,
    ],
    ["a GET", () => [event("CLASS_BOOKING_CREATED"), WEBHOOK_KEY, "GET_NO_BODY"], 405, /not allowed/],
  ])("%s", async (_name, make, status, message) => {
    const r = await receiver({ keys: WEBHOOK_KEY });
    const [body, key, method] = make();
    const res =
      method === "GET_NO_BODY"
        ? await fetch(r.url, { headers: { "x-api-key": key! } })
        : await post(r.url, body, key);
    expect(res.status).toBe(status);
    const answer = (await res.json()) as { errorMessage: string; errorCode: string };
    expect(answer.errorMessage).toMatch(message);
    expect(answer.errorMessage).not.toContain(WEBHOOK_KEY);
    expect(r.got).toEqual([]);
  });

  it("a replayed uuid is acknowledged (200) but handled once", async () => {
    const r = await receiver({ keys: WEBHOOK_KEY });
    const once = event("CLASS_BOOKING_CREATED");
    expect((await post(r.url, once)).status).toBe(200);
    const again = await post(r.url, once);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(r.got).toHaveLength(1);
  });

  it("an event type the spec does not list comes through as a generic event, never an error", async () => {
    const r = await receiver({ keys: WEBHOOK_KEY });
    expect((await post(r.url, event("CUSTOMER_CHECKIN", { content: { door: "north" } }))).status).toBe(200);
    expect(r.got[0]!.event).toMatchObject({
      known: false,
      type: "CUSTOMER_CHECKIN",
      content: { door: "north" },
      entityId: 2033,
    });
  });

  it("a handler that fails answers 500 (and onError hears why); a slow one is answered 200 in time", async () => {
    const errors: Error[] = [];
    let finished = false;
    const failing = createWebhookReceiver({
      keys: WEBHOOK_KEY,
      onEvent: () => Promise.reject(new Error("db down")),
      onError: (e) => void errors.push(e),
    });
    const res = await failing.fetchHandler(
      new Request("http://x/", {
        method: "POST",
        headers: { "x-api-key": WEBHOOK_KEY },
        body: JSON.stringify(event("CLASS_BOOKING_CREATED")),
      }),
    );
    expect(res.status).toBe(500);
    expect(errors.map((e) => e.message)).toEqual(["db down"]);

    // The handler waits for the answer itself: the 200 can only come from respondWithinMs.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = createWebhookReceiver({
      keys: WEBHOOK_KEY,
      respondWithinMs: 100,
      onEvent: () => released.then(() => void (finished = true)),
    });
    const answered = await slow.fetchHandler(
      new Request("http://x/", {
        method: "POST",
        headers: { "x-api-key": WEBHOOK_KEY },
        body: JSON.stringify(event("CLASS_BOOKING_CREATED")),
      }),
    );
    expect(answered.status).toBe(200);
    expect(finished).toBe(false);
    release();
    await released;
  });
});

describe("keys and studios", () => {
  const keys = { whk_a: { name: "a" }, whk_b: { name: "b" }, whk_c: { name: "c" } };
  it.each(Object.entries(keys))("a map: key %s tells studio %j", async (key, studio) => {
    const webhooks = createWebhookReceiver({ keys });
    const { studio: found } = await webhooks.receive({
      key,
      body: JSON.stringify(event("CLASS_BOOKING_CREATED")),
    });
    expect(found).toBe(studio);
  });

  it("a lookup function; and the WHATWG adapter with it", async () => {
    const webhooks = createWebhookReceiver({
      keys: async (key: string) => (key === "whk_dyn" ? { name: "dyn" } : undefined),
    });
    await expect(
      webhooks.receive({ key: "whk_other", body: JSON.stringify(event("X")) }),
    ).rejects.toMatchObject({ status: 401 });
    const { studio } = await webhooks.receive({ key: "whk_dyn", body: JSON.stringify(event("X")) });
    expect(studio).toEqual({ name: "dyn" });
  });

  it("a key that is a prefix, or longer, or differs only at the end, is refused", async () => {
    const webhooks = createWebhookReceiver({ keys: WEBHOOK_KEY });
    for (const key of [WEBHOOK_KEY.slice(0, -1), `${WEBHOOK_KEY}x`, `${WEBHOOK_KEY.slice(0, -1)}f`]) {
      await expect(webhooks.receive({ key, body: JSON.stringify(event("X")) })).rejects.toBeInstanceOf(
        WebhookError,
      );
    }
  });

  it("refuses to be made without keys", () => {
    expect(() => createWebhookReceiver({ keys: {} })).toThrow(/names no key/);
    expect(() => createWebhookReceiver({ keys: "" })).toThrow(/must be a key/);
  });
});

describe("parseEvent and the seen store", () => {
  it("reads the spec's own examples as known events", () => {
    expect(
      parseEvents(
        JSON.stringify({
          entityId: 20334,
          uuid: "u",
          payload: [{ timestamp: 1, type: "CLASS_SLOT_UPDATED", content: { classId: 14928 } }],
        }),
      ),
    ).toMatchObject([
      { known: true, type: "CLASS_SLOT_UPDATED", content: { classId: 14928 }, index: 0, problems: [] },
    ]);
  });

  it("forgets names after their time, and keeps at most its count", () => {
    let now = 0;
    const seen = memorySeenStore({ max: 2, ttlMs: 1_000, now: () => now });
    expect([seen.firstTime("a"), seen.firstTime("a"), seen.firstTime("b"), seen.firstTime("c")]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(seen.firstTime("a")).toBe(true); // pushed out by size
    now = 2_000;
    expect(seen.firstTime("c")).toBe(true); // expired
  });
});
