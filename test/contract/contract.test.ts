import { describe, expect, inject, it } from "vitest";
import {
  ApiError,
  createClassBookingClient,
  isApiError,
  type ClassBookingClient,
} from "../../src/client/index.js";
import { operations } from "../../generated/operations.js";
import { calls, errorExample } from "./spec-calls.js";

const baseUrl = inject("mockUrl");
type Loose = Record<string, (input?: object, options?: object) => Promise<unknown>>;

/** A client that also records every answer's headers, to look for Prism's violation reports. */
function recordingClient(options: { apiKey?: string; dropKey?: boolean } = {}) {
  const answers: Array<{ url: string; violations: string | null }> = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    const headers = new Headers(init?.headers);
    if (options.dropKey) headers.delete("x-api-key");
    const response = await globalThis.fetch(url, { ...init, headers });
    answers.push({ url: String(url), violations: response.headers.get("sl-violations") });
    return response;
  };
  const client = createClassBookingClient({
    baseUrl,
    apiKey: options.apiKey ?? "demo-key",
    fetch,
    maxRetries: 0,
    logLevel: "off",
  });
  return { client, loose: client as unknown as Loose, answers };
}

describe("the client against Prism serving the spec", () => {
  it("covers every operation of the spec, the same ones the client has", () => {
    // Ten Classes operations and eight Trial Offers ones.
    expect(calls.map((c) => c.operationId).sort()).toHaveLength(18);
    expect(calls.map((c) => c.operationId).sort()).toEqual(Object.keys(operations).sort());
  });

  it.each(calls)("$operationId returns exactly its 200 example, with no spec violation", async (call) => {
    const { loose, answers } = recordingClient();
    await expect(loose[call.operationId]!(call.input)).resolves.toEqual(call.expected);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.violations).toBeNull();
  });

  describe.each(calls)("$operationId error statuses", (call) => {
    it.each(call.errors)(
      "Prefer code=$status gives ApiError $status with the operation's own example",
      async (example) => {
        const { loose } = recordingClient();
        const error = await loose[call.operationId]!(call.input, {
          headers: { Prefer: `code=${example.status}` },
        }).catch((e: unknown) => e);
        expect(isApiError(error, example.status), String(error)).toBe(true);
        expect(error).toMatchObject({
          errorCode: example.errorCode,
          traceId: example.traceId,
          operationId: call.operationId,
        });
      },
    );
  });

  it("a call without the key gets the spec's 401 as an ApiError", async () => {
    const { client } = recordingClient({ dropKey: true });
    const error = await client.getActiveClasses().catch((e: unknown) => e);
    const unauthorized = errorExample("getActiveClasses", 401);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, errorCode: unauthorized.errorCode });
  });

  it("a request made invalid on purpose (a string id through raw) gets the spec's 400", async () => {
    const { client, answers } = recordingClient();
    const { error, response } = await client.raw.GET("/v1/classes/booking/{bookingId}", {
      params: { path: { bookingId: "not-a-number" as unknown as number } },
    });
    expect(response.status).toBe(400);
    const { errorCode, traceId } = errorExample("getClassBookingById", 400);
    expect(error).toMatchObject({ errorCode, traceId, reference: "bookingId" });
    expect(answers[0]?.violations).toContain("bookingid");
  });

  it("/v1/classes/slots reaches getClassSlotsForMultipleClasses, not getClassById", async () => {
    const { client } = recordingClient();
    const slots = await client.getClassSlotsForMultipleClasses();
    const expected = calls.find((c) => c.operationId === "getClassSlotsForMultipleClasses")!.expected;
    expect(slots).toEqual(expected);
    expect(slots).toHaveProperty("hasNext");
  });

  it("paging through the mock ends, with the items of the example's last slice", async () => {
    const { client, answers } = recordingClient();
    const items = [];
    for await (const c of client.paginate.getActiveClasses({ sliceSize: 10 })) items.push(c);
    const expected = calls.find((c) => c.operationId === "getActiveClasses")!.expected as {
      result: unknown[];
    };
    expect(items).toEqual(expected.result);
    expect(answers).toHaveLength(1);
  });

  it("the typed client and the example flow agree end to end", async () => {
    const client: ClassBookingClient = recordingClient().client;
    const [first] = (await client.getActiveClasses()).result;
    const cls = await client.getClassById({ classId: first!.id });
    const slot = (await client.getClassSlots({ classId: cls.id })).result[0]!;
    const check = await client.validateClassSlot({ customerId: 203, classSlotId: slot.id });
    expect(check.validationStatus).toBe("AVAILABLE");
    const booking = await client.bookClassSlot({ customerId: 203, classSlotId: slot.id });
    expect(await client.getClassBookingById({ bookingId: booking.bookingId })).toEqual(booking);
    expect(await client.getClassBookingsByCustomerId({ customerId: 203 })).toContainEqual(booking);
    await expect(client.cancelClassSlotById({ bookingId: booking.bookingId })).resolves.toBeUndefined();
  });

  it("a prospect's trial flow in the order of the spec's tag: each step answers its example", async () => {
    const client: ClassBookingClient = recordingClient().client;
    const offers = [];
    for await (const entry of client.paginate.getBookableTrialOfferClasses()) offers.push(entry);
    const { trialOfferConfigId, trialOfferClass } = offers[0]!;
    const config = await client.getTrialOfferConfig({ configId: trialOfferConfigId });
    expect(config.id).toBe(trialOfferConfigId);
    const lead = calls.find((c) => c.operationId === "createLeadCustomer")!.input as {
      leadCustomerData: { email: string; firstname: string; lastname: string };
      trialOfferConfigId: number;
    };
    expect(await client.validateForLeadCustomerCreation(lead)).toEqual({ validationStatus: "POSSIBLE" });
    const { leadCustomerId } = await client.createLeadCustomer(lead);
    const slot = (await client.getClassSlotsForTrialOffers({ classId: trialOfferClass.id })).result[0]!;
    const request = { customerId: leadCustomerId!, classSlotId: slot.id };
    expect(await client.validateClassSlotForTrialOffers(request)).toEqual({ validationStatus: "AVAILABLE" });
    const booking = await client.bookClassSlotForTrialOffers(request);
    expect(booking).toMatchObject({ bookingStatus: "BOOKED_WITH_CONFIRMATION_REQUIRED", ...request });
    expect(await client.confirmTrialOfferBooking({ bookingId: booking.bookingId })).toEqual({
      status: "CONFIRMED",
    });
  });
});
