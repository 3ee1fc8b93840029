import { describe, expectTypeOf, it } from "vitest";
import {
  createClassBookingClient,
  isApiError,
  type ApiError,
  type BookingConfirmationResult,
  type LeadData,
  type TrialOfferClass,
  type TrialOfferConfig,
  type TrialOfferLeadCustomerCreationResult,
  type Class,
  type ClassBookingClient,
  type ClassSlot,
  type ClassSlotBookingResult,
  type ClassSlotBookingValidationResult,
  type ErrorResponse,
  type OperationInput,
  type OperationOutput,
} from "../../src/client/index.js";
import type { OperationDocs } from "../../generated/docs.js";
import type { OperationId, SlicedOperationId } from "../../src/client/types.js";

declare const client: ClassBookingClient;

describe("client method types", () => {
  it("createClassBookingClient returns a ClassBookingClient", () => {
    expectTypeOf(createClassBookingClient).returns.toEqualTypeOf<ClassBookingClient>();
  });

  it("bookClassSlot takes both ids and returns a ClassSlotBookingResult", () => {
    expectTypeOf(client.bookClassSlot)
      .parameter(0)
      .toEqualTypeOf<{ customerId: number; classSlotId: number }>();
    expectTypeOf(client.bookClassSlot).returns.resolves.toEqualTypeOf<ClassSlotBookingResult>();
    // @ts-expect-error classSlotId is required
    void client.bookClassSlot({ customerId: 203 });
    // @ts-expect-error ids are numbers
    void client.bookClassSlot({ customerId: "203", classSlotId: 20334 });
  });

  it("getClassBookingsByCustomerId returns an array", () => {
    expectTypeOf(client.getClassBookingsByCustomerId).returns.resolves.toEqualTypeOf<
      ClassSlotBookingResult[]
    >();
    // @ts-expect-error customerId is required
    void client.getClassBookingsByCustomerId({});
  });

  it("cancelClassSlotById resolves to undefined", () => {
    expectTypeOf(client.cancelClassSlotById).returns.resolves.toEqualTypeOf<undefined>();
    expectTypeOf<OperationOutput<"cancelClassSlotById">>().toEqualTypeOf<undefined>();
  });

  it("path, query and body fields meet in one flat input", () => {
    expectTypeOf<OperationInput<"getClassSlots">>().toEqualTypeOf<{
      classId: number;
      offset?: string;
      sliceSize?: number;
    }>();
    expectTypeOf<OperationInput<"getClassSlotsForMultipleClasses">>().toEqualTypeOf<{
      daysAhead?: number;
      slotWindowStartDate?: string;
      offset?: string;
      sliceSize?: number;
    }>();
    expectTypeOf(client.getClassSlotById).returns.resolves.toEqualTypeOf<ClassSlot>();
    expectTypeOf(client.validateClassSlot).returns.resolves.toEqualTypeOf<ClassSlotBookingValidationResult>();
    // @ts-expect-error a path id is a number
    void client.getClassById({ classId: "14928" });
  });

  it("inputs with nothing required may be left out", () => {
    void client.getActiveClasses();
    void client.getClassSlotsForMultipleClasses();
    // @ts-expect-error getClassById needs classId
    void client.getClassById();
  });

  it("the second argument takes signal, timeoutMs, maxRetries and headers", () => {
    void client.getActiveClasses(
      {},
      { signal: new AbortController().signal, timeoutMs: 5, maxRetries: 0, headers: { a: "b" } },
    );
    // @ts-expect-error unknown call option
    void client.getActiveClasses({}, { retries: 3 });
  });

  it("paginate exists for sliced operations only, yielding their items", () => {
    expectTypeOf(client.paginate.getActiveClasses).returns.toEqualTypeOf<
      AsyncGenerator<Class, void, undefined>
    >();
    expectTypeOf(client.paginate.getClassSlots).returns.toEqualTypeOf<
      AsyncGenerator<ClassSlot, void, undefined>
    >();
    // @ts-expect-error getClassById is not sliced
    void client.paginate.getClassById;
  });

  it("options give the key and the host together, or neither (then both come from the environment)", () => {
    expectTypeOf(createClassBookingClient()).toEqualTypeOf<ClassBookingClient>();
    expectTypeOf(createClassBookingClient({ timeoutMs: 5000 })).toEqualTypeOf<ClassBookingClient>();
    expectTypeOf(
      createClassBookingClient({ tenant: "mystudio", apiKey: "k" }),
    ).toEqualTypeOf<ClassBookingClient>();
    // @ts-expect-error a host without a key
    createClassBookingClient({ baseUrl: "https://mystudio.open-api.magicline.com" });
    // @ts-expect-error a tenant without a key
    createClassBookingClient({ tenant: "mystudio", timeoutMs: 5000 });
  });

  it("the methods are mapped over the documented names: one per operation, paginate per sliced one", () => {
    expectTypeOf<keyof OperationDocs>().toEqualTypeOf<OperationId>();
    expectTypeOf<
      Exclude<keyof ClassBookingClient, "paginate" | "withResponse" | "raw">
    >().toEqualTypeOf<OperationId>();
    expectTypeOf<keyof ClassBookingClient["withResponse"]>().toEqualTypeOf<OperationId>();
    expectTypeOf<keyof ClassBookingClient["paginate"]>().toEqualTypeOf<SlicedOperationId>();
  });

  it("raw is typed openapi-fetch", async () => {
    const { data } = await client.raw.GET("/v1/classes/{classId}", { params: { path: { classId: 1 } } });
    expectTypeOf(data).toEqualTypeOf<Class | undefined>();
  });
});

describe("isApiError narrowing", () => {
  it("narrows unknown to ApiError with the status literal and the typed body", () => {
    const e: unknown = undefined;
    if (isApiError(e, 409)) {
      expectTypeOf(e.status).toEqualTypeOf<409>();
      expectTypeOf(e.body).toEqualTypeOf<ErrorResponse | undefined>();
      expectTypeOf(e.errorCode).toEqualTypeOf<string | undefined>();
    }
    if (isApiError(e)) expectTypeOf(e).toEqualTypeOf<ApiError<number>>();
  });
});

describe("the trial offers: one method per operation, their types exported by name", () => {
  it("createLeadCustomer takes the lead's details as one object, typed as the spec's LeadData", () => {
    expectTypeOf(client.createLeadCustomer)
      .parameter(0)
      .toEqualTypeOf<{ leadCustomerData: LeadData; trialOfferConfigId: number }>();
    expectTypeOf(
      client.createLeadCustomer,
    ).returns.resolves.toEqualTypeOf<TrialOfferLeadCustomerCreationResult>();
    // @ts-expect-error the e-mail address is required
    const noEmail: LeadData = { firstname: "Nora", lastname: "Lindqvist" };
    void noEmail;
  });

  it("the configuration, the confirmation and the two sliced lists", () => {
    expectTypeOf(client.getTrialOfferConfig).returns.resolves.toEqualTypeOf<TrialOfferConfig>();
    expectTypeOf(client.confirmTrialOfferBooking).parameter(0).toEqualTypeOf<{ bookingId: number }>();
    expectTypeOf(client.confirmTrialOfferBooking).returns.resolves.toEqualTypeOf<BookingConfirmationResult>();
    expectTypeOf(client.paginate.getBookableTrialOfferClasses).returns.toEqualTypeOf<
      AsyncGenerator<TrialOfferClass, void, undefined>
    >();
    expectTypeOf(client.paginate.getClassSlotsForTrialOffers).returns.toEqualTypeOf<
      AsyncGenerator<ClassSlot, void, undefined>
    >();
  });
});
