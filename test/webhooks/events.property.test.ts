/**
 * Property tests with the official webhook description as the oracle: `entityId` int64, `uuid`,
 * `payload` an array of `{ timestamp int64, type string, content? object }`, and any event type
 * of the studio's. Every such call is accepted, and each payload item reaches onEvent exactly
 * once, as sent (an integer beyond 2^53 as the nearest number, with a note); sent again, none
 * does. Through fetchHandler in-process, and through nodeHandler on a real node:http server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookReceiver, memorySeenStore, type WebhookEvent } from "../../src/webhooks/index.js";
import { RUNS, SEED } from "../property/oracle.js";
import { WEBHOOKS } from "../spec/facts.js";

const KEY = "whk_property_41c7";
const KNOWN = WEBHOOKS.map((w) => w.type) as readonly string[];
const SLOT_TYPES = WEBHOOKS.filter((w) => w.content === "classId").map((w) => w.type) as readonly string[];
const INT64 = 2n ** 63n;

/** A bigint stands for an integer written in the JSON text as its exact digits. */
type Json = null | boolean | number | string | bigint | Json[] | { [key: string]: Json };
const BIG = "\u0000\u0001int\u0001";
function toJson(value: Json): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${BIG}${v}` : v));
  return text.replace(/"\\u0000\\u0001int\\u0001(-?\d+)"/g, "$1");
}

const int64 = fc.oneof(
  fc.bigInt({ min: -INT64, max: INT64 - 1n }),
  fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }),
  fc.constantFrom(0n, -1n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, INT64 - 1n, -INT64),
);
const json = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const type = fc.oneof(
  fc.constantFrom(...KNOWN),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("CUSTOMER_CHECKIN", "CONTRACT_CREATED", "__proto__", "constructor", "hasOwnProperty", ""),
);
/** content: absent, empty, any object, or a classId of any kind (an int64, or something else). */
const content = fc.option(
  fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.string({ maxLength: 10 }), json, { maxKeys: 4 }),
    fc.record({ classId: int64 }),
    fc.record({ classId: json, other: json }, { requiredKeys: ["classId"] }),
  ),
  { nil: undefined },
);
const extra = fc.dictionary(
  fc
    .string({ maxLength: 8 })
    .filter((k) => !["timestamp", "type", "content", "entityId", "uuid", "payload"].includes(k)),
  json,
  { maxKeys: 2 },
);
const item = fc.record({ timestamp: int64, type, content, extra });
const call = fc.record({
  entityId: int64,
  uuid: fc.uuid(),
  items: fc.array(item, { minLength: 1, maxLength: 6 }),
  extra,
});
type Call = typeof call extends fc.Arbitrary<infer C> ? C : never;

function bodyOf(c: Call): string {
  const payload = c.items.map((i) => ({
    ...i.extra,
    timestamp: i.timestamp,
    type: i.type,
    ...(i.content !== undefined && { content: i.content as Json }),
  }));
  return toJson({ ...c.extra, entityId: c.entityId, uuid: c.uuid, payload } as Json);
}

/** Whether a parsed JSON number can be an int64 (within ±2^63 as far as a number tells). */
const isInt64 = (v: unknown) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 63;

/** What the description lets a receiver make of one item. */
function expected(c: Call, index: number) {
  const sent = c.items[index]!;
  const wire =
    sent.content === undefined
      ? undefined
      : (JSON.parse(toJson(sent.content as Json)) as Record<string, unknown>);
  const known = KNOWN.includes(sent.type);
  let content = wire;
  const wrongClassId =
    SLOT_TYPES.includes(sent.type) &&
    wire &&
    Object.prototype.hasOwnProperty.call(wire, "classId") &&
    !isInt64(wire.classId);
  if (wrongClassId) content = Object.fromEntries(Object.entries(wire).filter(([k]) => k !== "classId"));
  const big = (n: bigint) => n >= 2n ** 53n || n <= -(2n ** 53n);
  const classId = SLOT_TYPES.includes(sent.type) ? wire?.classId : undefined;
  return {
    event: {
      known,
      type: sent.type,
      entityId: Number(c.entityId),
      uuid: c.uuid,
      index,
      timestamp: Number(sent.timestamp),
      content,
    },
    rounded: [
      big(c.entityId) && "/entityId",
      big(sent.timestamp) && `/payload/${index}/timestamp`,
      isInt64(classId) && !Number.isSafeInteger(classId) && `/payload/${index}/content/classId`,
    ].filter(Boolean),
    wrongClassId: !!wrongClassId,
  };
}

function checkDelivered(c: Call, got: WebhookEvent[]): void {
  expect(got.map((e) => e.index)).toEqual(c.items.map((_, i) => i));
  got.forEach((event, index) => {
    const want = expected(c, index);
    const { known, type, entityId, uuid, timestamp, content } = event;
    expect({ known, type, entityId, uuid, index: event.index, timestamp, content }).toEqual(want.event);
    for (const pointer of want.rounded)
      expect(
        event.problems.some((p) => p.startsWith(`${pointer} is beyond 2^53 - 1`)),
        `${pointer} in ${event.problems}`,
      ).toBe(true);
    expect(event.problems.some((p) => /content\/classId .*left out of content/.test(p))).toBe(
      want.wrongClassId,
    );
    if (!want.rounded.length && !want.wrongClassId) expect(event.problems).toEqual([]);
  });
}

describe("every call the official description allows is accepted, each item delivered once", () => {
  it("through fetchHandler: 200, every item in order, and nothing again when the call is repeated", async () => {
    const got: WebhookEvent[] = [];
    await fc.assert(
      fc.asyncProperty(call, async (c) => {
        // A fresh receiver for each call: the API's uuids are unique, the generated ones may repeat.
        const webhooks = createWebhookReceiver({
          keys: KEY,
          onEvent: (e) => void got.push(e),
          onError: (e) => void got.push(e as never),
        });
        const send = (body: string) =>
          webhooks.fetchHandler(
            new Request("http://receiver/", { method: "POST", headers: { "x-api-key": KEY }, body }),
          );
        got.length = 0;
        const body = bodyOf(c);
        const res = await send(body);
        expect(res.status, await res.clone().text()).toBe(200);
        checkDelivered(c, got);
        got.length = 0;
        const again = await send(body);
        expect(again.status).toBe(200);
        expect(await again.json()).toEqual({ received: true, duplicate: true });
        expect(got).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS ?? 200 },
    );
  });

  describe("through nodeHandler on a real node:http server", () => {
    const got: WebhookEvent[] = [];
    let server: Server;
    let url = "";
    let seen = memorySeenStore();
    beforeAll(async () => {
      const handler = createWebhookReceiver({
        keys: KEY,
        seen: { firstTime: (name) => seen.firstTime(name) },
        onEvent: (e) => void got.push(e),
      }).nodeHandler();
      server = createServer((req, res) => void handler(req, res));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(
      () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    );

    it("200, every item in order", async () => {
      await fc.assert(
        fc.asyncProperty(call, async (c) => {
          got.length = 0;
          seen = memorySeenStore();
          const res = await fetch(url, {
            method: "POST",
            headers: { "x-api-key": KEY, "content-type": "application/json" },
            body: bodyOf(c),
          });
          expect(res.status, await res.text()).toBe(200);
          checkDelivered(c, got);
        }),
        { seed: SEED, numRuns: RUNS ?? 60 },
      );
    });
  });
});
