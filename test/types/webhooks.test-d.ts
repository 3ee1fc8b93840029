import { describe, expectTypeOf, it } from "vitest";
import type { WebhookEvent } from "../../src/webhooks/index.js";

describe("webhook event types", () => {
  it("a known event narrows on `type`; slot events carry a typed classId", () => {
    const event = {} as WebhookEvent;
    if (event.known) {
      expectTypeOf(event.type).toEqualTypeOf<"CLASS_BOOKING_CREATED" | "CLASS_BOOKING_UPDATED" | "CLASS_BOOKING_CANCELLED" | "CLASS_SLOT_UPDATED" | "CLASS_SLOT_CANCELLED">();
      if (event.type === "CLASS_SLOT_UPDATED") expectTypeOf(event.content.classId).toEqualTypeOf<number>();
      if (event.type === "CLASS_BOOKING_CREATED") {
        expectTypeOf(event.entityId).toEqualTypeOf<number>();
        // @ts-expect-error booking events have no classId
        void event.content.classId;
      }
    } else {
      expectTypeOf(event.type).toEqualTypeOf<string>();
      expectTypeOf(event.content).toEqualTypeOf<Record<string, unknown> | undefined>();
    }
  });
});
