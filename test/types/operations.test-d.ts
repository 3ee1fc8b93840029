import createClient from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { components, operations, paths } from "../../generated/schema.js";

type Schemas = components["schemas"];
type Query<Op extends keyof operations> = NonNullable<operations[Op]["parameters"]["query"]>;
type PathParams<Op extends keyof operations> = operations[Op]["parameters"]["path"];
type Ok<Op extends keyof operations> = operations[Op]["responses"][200];

describe("generated types of the ten class operations: inputs", () => {
  it("path ids are numbers", () => {
    expectTypeOf<PathParams<"getClassById">>().toEqualTypeOf<{ classId: number }>();
    expectTypeOf<PathParams<"getClassSlotById">>().toEqualTypeOf<{ classId: number; classSlotId: number }>();
    expectTypeOf<PathParams<"getClassBookingById">>().toEqualTypeOf<{ bookingId: number }>();
    expectTypeOf<PathParams<"cancelClassSlotById">>().toEqualTypeOf<{ bookingId: number }>();
    // @ts-expect-error a path id is a number, not a string
    const stringId: PathParams<"getClassById"> = { classId: "14928" };
    void stringId;
  });

  it("the window of getClassSlotsForMultipleClasses: daysAhead a number, slotWindowStartDate a string", () => {
    expectTypeOf<Query<"getClassSlotsForMultipleClasses">["daysAhead"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Query<"getClassSlotsForMultipleClasses">["slotWindowStartDate"]>().toEqualTypeOf<
      string | undefined
    >();
  });

  it("paging parameters are optional: offset a string, sliceSize a number", () => {
    expectTypeOf<Query<"getActiveClasses">>().toEqualTypeOf<{ offset?: string; sliceSize?: number }>();
    expectTypeOf<Query<"getClassSlots">>().toEqualTypeOf<{ offset?: string; sliceSize?: number }>();
  });

  it("validate and book share one request body", () => {
    expectTypeOf<operations["validateClassSlot"]["requestBody"]>().toEqualTypeOf<
      operations["bookClassSlot"]["requestBody"]
    >();
  });
});

describe("generated types of the ten class operations: outputs", () => {
  it("validationStatus is the union of the 12 statuses", () => {
    expectTypeOf<Schemas["ClassSlotBookingValidationResult"]["validationStatus"]>().toEqualTypeOf<
      | "AVAILABLE"
      | "NO_CONTINGENT"
      | "BOOKING_LIMIT_REACHED"
      | "CUSTOMER_ALREADY_BOOKED"
      | "CUSTOMER_IDLE"
      | "CUSTOMER_IN_OTHER_BOOKING"
      | "DISPLAY_ONLY"
      | "DATE_TIME_BEFORE_EARLIEST_BOOKING_DATE_TIME"
      | "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME"
      | "STUDIO_CLOSED"
      | "NO_SHOW_PENALTY_ACTIVE"
      | "NOT_AVAILABLE"
    >();
  });

  it("slices carry result, hasNext and offset", () => {
    expectTypeOf<Ok<"getActiveClasses">["content"]["application/json"]>().toEqualTypeOf<
      Schemas["ClassSlicedResult"]
    >();
    expectTypeOf<Schemas["ClassSlicedResult"]>().toEqualTypeOf<{
      result: Schemas["Class"][];
      hasNext: boolean;
      offset: string;
    }>();
    expectTypeOf<Schemas["ClassSlotSlicedResult"]["result"]>().toEqualTypeOf<Schemas["ClassSlot"][]>();
  });

  it("date-times are strings (a bracketed zone id must not break parsing)", () => {
    expectTypeOf<Schemas["ClassSlot"]["startDateTime"]>().toEqualTypeOf<string | undefined>();
  });

  it("cancel returns no data: no content type in the spec, undefined through openapi-fetch", () => {
    expectTypeOf<Ok<"cancelClassSlotById">["content"]>().toEqualTypeOf<undefined>();
    const client = createClient<paths>({ baseUrl: "http://127.0.0.1" });
    const call = () =>
      client.DELETE("/v1/classes/booking/{bookingId}", { params: { path: { bookingId: 2033 } } });
    expectTypeOf<Awaited<ReturnType<typeof call>>["data"]>().toEqualTypeOf<undefined>();
  });
});
