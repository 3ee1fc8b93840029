/** The same two calls (bookClassSlot, getClassBookingsByCustomerId) made three ways, over any fetch. */
import createClient from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { createClassBookingClient } from "../../src/index.js";
import type { Call, Contender } from "./stats.js";

export const API_KEY = "bench-key";
const booking = { customerId: 203, classSlotId: 20334 };

/** Each contender alternates the two operations, call by call. */
export function threeWays(baseUrl: string, fetchImpl: typeof fetch): Record<Contender, Call> {
  const headers = { "x-api-key": API_KEY, accept: "application/json" };
  const bare = createClient<paths>({ baseUrl, headers, fetch: fetchImpl });
  const client = createClassBookingClient({ baseUrl, apiKey: API_KEY, fetch: fetchImpl });
  let a = 0;
  let b = 0;
  let c = 0;
  return {
    fetch: async () => {
      const res =
        a++ % 2 === 0
          ? await fetchImpl(`${baseUrl}/v1/classes/booking/book`, {
              method: "POST",
              headers: { ...headers, "content-type": "application/json" },
              body: JSON.stringify(booking),
            })
          : await fetchImpl(`${baseUrl}/v1/classes/booking?customerId=203`, { headers });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    "openapi-fetch": async () => {
      const { data, error } =
        b++ % 2 === 0
          ? await bare.POST("/v1/classes/booking/book", { body: booking })
          : await bare.GET("/v1/classes/booking", { params: { query: { customerId: 203 } } });
      if (error) throw new Error("error answer");
      return data;
    },
    client: () => (c++ % 2 === 0 ? client.bookClassSlot(booking) : client.getClassBookingsByCustomerId({ customerId: 203 })),
  };
}
