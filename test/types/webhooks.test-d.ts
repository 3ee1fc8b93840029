import { describe, expectTypeOf, it } from "vitest";
import {
  createWebhookReceiver,
  type Received,
  type WebhookBody,
  type WebhookEvent,
} from "../../src/webhooks/index.js";

describe("webhook event types", () => {
  it("a known event narrows on `type`; its content may be absent, and a slot's classId too", () => {
    const event = {} as WebhookEvent;
    expectTypeOf(event.index).toEqualTypeOf<number>();
    expectTypeOf(event.problems).toEqualTypeOf<string[]>();
    expectTypeOf(event.body).toEqualTypeOf<WebhookBody>();
    if (event.known) {
      expectTypeOf(event.type).toEqualTypeOf<
        | "CLASS_BOOKING_CREATED"
        | "CLASS_BOOKING_UPDATED"
        | "CLASS_BOOKING_CANCELLED"
        | "CLASS_SLOT_UPDATED"
        | "CLASS_SLOT_CANCELLED"
      >();
      if (event.type === "CLASS_SLOT_UPDATED") {
        // @ts-expect-error the API may leave content out: a handler must check
        void event.content.classId;
        expectTypeOf(event.content?.classId).toEqualTypeOf<number | undefined>();
        expectTypeOf(event.content?.["newerField"]).toEqualTypeOf<unknown>();
      }
      if (event.type === "CLASS_BOOKING_CREATED") {
        expectTypeOf(event.entityId).toEqualTypeOf<number>();
        expectTypeOf(event.content).toEqualTypeOf<{ [key: string]: unknown } | undefined>();
      }
    } else {
      expectTypeOf(event.type).toEqualTypeOf<string>();
      expectTypeOf(event.content).toEqualTypeOf<Record<string, unknown> | undefined>();
    }
  });

  it("onEvent takes one event and the studio of the key; receive gives the new events and the repeated ones", () => {
    const receiver = createWebhookReceiver({
      keys: { whk_1: { baseUrl: "http://127.0.0.1:4010", apiKey: "k" } },
      onEvent: (event, studio) => {
        expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
        expectTypeOf(studio).toEqualTypeOf<{ baseUrl: string; apiKey: string }>();
      },
      onError: (error) => expectTypeOf(error).toEqualTypeOf<Error>(),
    });
    expectTypeOf(receiver.receive({ key: "whk_1", body: "{}" })).resolves.toEqualTypeOf<
      Received<{ baseUrl: string; apiKey: string }>
    >();
    expectTypeOf<Received<string>["events"]>().toEqualTypeOf<WebhookEvent[]>();
    expectTypeOf<Received<string>["duplicates"]>().toEqualTypeOf<WebhookEvent[]>();
    expectTypeOf(receiver.fetchHandler).toEqualTypeOf<(request: Request) => Promise<Response>>();
  });
});
