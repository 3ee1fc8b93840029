/**
 * What a call becomes and what the receiver tells: mixed payloads, content that differs from the
 * spec, bounded refusals, the seen store's bounds (count and bytes), the default onError (one
 * console.warn line, never the key or the body), and failures of the parts a user plugs in.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createWebhookReceiver,
  memorySeenStore,
  parseEvents,
  WebhookError,
  type WebhookEvent,
} from "../../src/webhooks/index.js";

const KEY = "whk_events_5e0a91";
const uuid = () => crypto.randomUUID();
const call = (payload: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ entityId: 20334, uuid: uuid(), payload, ...extra });
const request = (body: string, key = KEY) =>
  new Request("http://receiver/", { method: "POST", headers: { "x-api-key": key }, body });
afterEach(() => vi.restoreAllMocks());

describe("one event per payload item", () => {
  it("a payload mixing a class type with other types: each item comes, in order, known or not", async () => {
    const got: WebhookEvent[] = [];
    const webhooks = createWebhookReceiver({ keys: KEY, onEvent: (e) => void got.push(e) });
    const body = call([
      { timestamp: 1, type: "CUSTOMER_CHECKIN", content: { door: "north" } },
      { timestamp: 2, type: "CLASS_SLOT_CANCELLED", content: { classId: 14928 } },
      { timestamp: 3, type: "CLASS_BOOKING_CREATED" },
    ]);
    expect((await webhooks.fetchHandler(request(body))).status).toBe(200);
    expect(
      got.map(({ known, type, index, timestamp, content, problems }) => ({
        known,
        type,
        index,
        timestamp,
        content,
        problems,
      })),
    ).toEqual([
      {
        known: false,
        type: "CUSTOMER_CHECKIN",
        index: 0,
        timestamp: 1,
        content: { door: "north" },
        problems: [],
      },
      {
        known: true,
        type: "CLASS_SLOT_CANCELLED",
        index: 1,
        timestamp: 2,
        content: { classId: 14928 },
        problems: [],
      },
      {
        known: true,
        type: "CLASS_BOOKING_CREATED",
        index: 2,
        timestamp: 3,
        content: undefined,
        problems: [],
      },
    ]);
    expect(got.every((e) => e.entityId === 20334 && e.uuid === JSON.parse(body).uuid)).toBe(true);
  });

  it("a slot event without content, with empty content, or with null content reaches the handler (content undefined or {}, no classId)", () => {
    const events = parseEvents(
      call([
        { timestamp: 1, type: "CLASS_SLOT_UPDATED" },
        { timestamp: 1, type: "CLASS_SLOT_UPDATED", content: {} },
        { timestamp: 1, type: "CLASS_SLOT_UPDATED", content: null },
      ]),
    );
    expect(events.map((e) => [e.known, e.content, e.problems])).toEqual([
      [true, undefined, []],
      [true, {}, []],
      [true, undefined, []],
    ]);
  });

  it("a classId of the wrong kind is left out of content and listed; other content fields stay; the body keeps what was sent", () => {
    const [event] = parseEvents(
      call([{ timestamp: 1, type: "CLASS_SLOT_UPDATED", content: { classId: "14928", room: "Studio 2" } }]),
    );
    expect(event).toMatchObject({
      known: true,
      content: { room: "Studio 2" },
      problems: ["/payload/0/content/classId must be a safe integer, got a string; left out of content"],
    });
    expect(event!.body.payload[0]!.content).toEqual({ classId: "14928", room: "Studio 2" });
  });

  it("integers beyond 2^53 within int64 are taken, rounded, and noted on the event", () => {
    const [event] = parseEvents(
      '{"entityId":9223372036854775807,"uuid":"u","payload":[{"timestamp":9007199254740993,"type":"CLASS_SLOT_UPDATED","content":{"classId":-9223372036854775808}}]}',
    );
    expect(event).toMatchObject({
      entityId: 9223372036854775807,
      timestamp: 9007199254740992,
      content: { classId: -9223372036854775808 },
    });
    expect(event!.problems.map((p) => p.split(" ")[0])).toEqual([
      "/entityId",
      "/payload/0/timestamp",
      "/payload/0/content/classId",
    ]);
    expect(() => parseEvents('{"entityId":1e19,"uuid":"u","payload":[]}')).toThrow(
      /\/entityId must be a safe integer/,
    );
  });

  it("an empty payload is accepted and delivers nothing", async () => {
    const got: WebhookEvent[] = [];
    const webhooks = createWebhookReceiver({ keys: KEY, onEvent: (e) => void got.push(e) });
    const res = await webhooks.fetchHandler(request(call([])));
    expect([res.status, got]).toEqual([200, []]);
  });

  it("receive() gives the new events and the repeated ones apart; a call repeated with a further item delivers only that item", async () => {
    const webhooks = createWebhookReceiver({ keys: { [KEY]: "north" } });
    const id = uuid();
    const first = await webhooks.receive({
      key: KEY,
      body: JSON.stringify({ entityId: 1, uuid: id, payload: [{ timestamp: 1, type: "A" }] }),
    });
    expect([first.studio, first.events.map((e) => e.index), first.duplicates]).toEqual(["north", [0], []]);
    const second = await webhooks.receive({
      key: KEY,
      body: JSON.stringify({
        entityId: 1,
        uuid: id,
        payload: [
          { timestamp: 1, type: "A" },
          { timestamp: 2, type: "B" },
        ],
      }),
    });
    expect([second.events.map((e) => e.index), second.duplicates.map((e) => e.index)]).toEqual([[1], [0]]);
  });
});

describe("bounded refusals", () => {
  it("a 64 KiB body of empty items is refused with five problems named and the rest counted", async () => {
    const heard: Error[] = [];
    const webhooks = createWebhookReceiver({ keys: KEY, onError: (e) => void heard.push(e) });
    const body = `{"entityId":1,"uuid":"u","payload":[${Array(21_000).fill("{}").join(",")}]}`;
    const res = await webhooks.fetchHandler(request(body));
    const answer = (await res.json()) as { errorMessage: string };
    expect(res.status).toBe(400);
    expect(answer.errorMessage).toMatch(/\/payload\/0\/timestamp is required; .* \(and 41995 more\)$/);
    expect(answer.errorMessage.length).toBeLessThan(400);
    expect((heard[0] as WebhookError).violations).toHaveLength(5);
    expect(heard[0]!.message).toBe(`webhook: ${answer.errorMessage.replace(/^webhook: /, "")}`);
  });

  it("a uuid longer than 36 characters is refused before anything is stored", async () => {
    const stored: string[] = [];
    const webhooks = createWebhookReceiver({
      keys: KEY,
      seen: { firstTime: (name) => (stored.push(name), true) },
      onError: () => {},
    });
    const res = await webhooks.fetchHandler(
      request(
        JSON.stringify({ entityId: 1, uuid: "u".repeat(60_000), payload: [{ timestamp: 1, type: "A" }] }),
      ),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/\/uuid must be at most 36 characters long/);
    expect(stored).toEqual([]);
  });

  it("a text body longer than the limit is refused as too large without being encoded", async () => {
    const webhooks = createWebhookReceiver({ keys: KEY, maxBodyBytes: 100 });
    await expect(webhooks.receive({ key: KEY, body: "x".repeat(101) })).rejects.toMatchObject({
      status: 413,
    });
  });
});

describe("the seen store", () => {
  it("bounds the bytes it holds, whatever the length of the names", () => {
    const seen = memorySeenStore({ maxBytes: 1_000_000 });
    const name = (i: number) => `${i}`.padEnd(60_000, "x"); // about 120 kB each
    for (let i = 0; i < 100; i++) expect(seen.firstTime(name(i))).toBe(true);
    expect(seen.firstTime(name(99))).toBe(false); // the newest is kept
    expect(seen.firstTime(name(0))).toBe(true); // the oldest went to keep within 1 MB
    expect(seen.firstTime("x".repeat(600_000))).toBe(true); // larger than the bound alone: not kept
    expect(seen.firstTime("x".repeat(600_000))).toBe(true);
  });

  it("refuses bounds that are not positive numbers", () => {
    expect(() => memorySeenStore({ maxBytes: 0 })).toThrow(/"maxBytes" must be a positive number/);
    expect(() => memorySeenStore({ max: Number.NaN })).toThrow(/"max" must be a positive number/);
  });
});

describe("what the receiver tells, and failures of the parts a user plugs in", () => {
  it("the default onError writes one console.warn line per failure, never with the key or the body", async () => {
    const lines: unknown[][] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void lines.push(args));
    const webhooks = createWebhookReceiver({
      keys: KEY,
      onEvent: () => {
        throw new Error("the database is down\nat line two");
      },
    });
    const secret = "customer-secret-note";
    await webhooks.fetchHandler(request(call([{ timestamp: 1, type: "A", content: { secret } }])));
    await webhooks.fetchHandler(
      request(call([{ timestamp: 1, type: "A", content: { secret } }]), "whk_wrong"),
    );
    await webhooks.fetchHandler(request(`{"secret":"${secret}"`));
    expect(lines).toEqual([
      ["class-booking-api/webhooks: Error: the database is down at line two"],
      ["class-booking-api/webhooks: WebhookError: webhook: the webhook key is missing or unknown"],
      ["class-booking-api/webhooks: WebhookError: webhook: the body is not JSON"],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(new RegExp(`${KEY}|whk_wrong|${secret}`));
  });

  it("a seen store that fails counts every event as new, and onError hears it once", async () => {
    const heard: Error[] = [];
    const got: WebhookEvent[] = [];
    const webhooks = createWebhookReceiver({
      keys: KEY,
      seen: { firstTime: () => Promise.reject(new Error("redis is down")) },
      onEvent: (e) => void got.push(e),
      onError: (e) => void heard.push(e),
    });
    const res = await webhooks.fetchHandler(
      request(
        call([
          { timestamp: 1, type: "A" },
          { timestamp: 2, type: "B" },
        ]),
      ),
    );
    expect([res.status, got.length]).toEqual([200, 2]);
    expect(heard.map((e) => [e.message, (e.cause as Error).message])).toEqual([
      ["webhook: the seen store failed; events were taken as new", "redis is down"],
    ]);
  });

  it("a key lookup that throws answers 500 without details, and onError hears the cause", async () => {
    const heard: Error[] = [];
    const webhooks = createWebhookReceiver({
      keys: () => {
        throw new Error("vault unreachable");
      },
      onError: (e) => void heard.push(e),
    });
    const res = await webhooks.fetchHandler(request(call([])));
    expect([res.status, await res.json()]).toEqual([
      500,
      { errorMessage: "webhook: the receiver failed", errorCode: "RECEIVER_FAILED" },
    ]);
    expect(heard.map((e) => e.message)).toEqual(["vault unreachable"]);
  });

  it("refuses options it cannot work with", () => {
    expect(() => createWebhookReceiver({ keys: KEY, maxBodyBytes: 0 })).toThrow(
      /"maxBodyBytes" must be a positive whole number/,
    );
    expect(() => createWebhookReceiver({ keys: KEY, respondWithinMs: -1 })).toThrow(/"respondWithinMs"/);
    expect(() => createWebhookReceiver({ keys: KEY, onError: "log" as never })).toThrow(
      /"onError" must be a function/,
    );
  });
});
