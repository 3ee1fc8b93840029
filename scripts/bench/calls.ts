/** The same two calls (bookClassSlot, getClassBookingsByCustomerId) made each way, over any fetch. */
import createClient from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { createClassBookingClient } from "../../src/client/index.js";
import type { Call, Contender } from "./stats.js";

const API_KEY = "bench-key";
/**
 * The rate limit stays on with its default limit (1000 calls, so the default ring size), in a
 * window so short (10 ms: room for about 98000 calls a second) that no benchmark waits for room.
 */
export const BENCH_RATE_LIMIT = { windowMs: 10 };
const booking = { customerId: 203, classSlotId: 20334 };

/**
 * Each contender makes both calls, one after the other, per timed unit: a booking and a list.
 * (Timing them one by one would mix two different durations, and the median of such a mix
 * jumps between them.) The per-call figures divide a unit's time by CALLS_PER_UNIT.
 */
export const CALLS_PER_UNIT = 2;

export function everyWay(baseUrl: string, fetchImpl: typeof fetch): Record<Contender, Call> {
  const headers = { "x-api-key": API_KEY, accept: "application/json" };
  const bare = createClient<paths>({ baseUrl, headers, fetch: fetchImpl });
  const client = createClassBookingClient({
    baseUrl,
    apiKey: API_KEY,
    fetch: fetchImpl,
    rateLimit: BENCH_RATE_LIMIT,
  });
  /** Plain fetch; with `timeoutMs`, bounded the way a careful caller bounds it. */
  const plain = (timeoutMs?: number) => async () => {
    const signal = () => (timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs));
    const book = await fetchImpl(`${baseUrl}/v1/classes/booking/book`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(booking),
      signal: signal(),
    });
    if (!book.ok) throw new Error(`HTTP ${book.status}`);
    await book.json();
    const list = await fetchImpl(`${baseUrl}/v1/classes/booking?customerId=203`, {
      headers,
      signal: signal(),
    });
    if (!list.ok) throw new Error(`HTTP ${list.status}`);
    return list.json();
  };
  return {
    fetch: plain(),
    "fetch+timeout": plain(30_000),
    "openapi-fetch": async () => {
      const book = await bare.POST("/v1/classes/booking/book", { body: booking });
      const list = await bare.GET("/v1/classes/booking", { params: { query: { customerId: 203 } } });
      if (book.error || list.error) throw new Error("error answer");
      return list.data;
    },
    client: async () => {
      await client.bookClassSlot(booking);
      return client.getClassBookingsByCustomerId({ customerId: 203 });
    },
  };
}
