import { describe, expectTypeOf, it } from "vitest";
import type { components, operations } from "../../generated/schema.js";

type Schemas = components["schemas"];
type BookBody = operations["bookClassSlot"]["requestBody"]["content"]["application/json"];
type ListOk = operations["getClassBookingsByCustomerId"]["responses"][200]["content"]["application/json"];

describe("generated types of the two booking operations", () => {
  it("the booking body needs both ids, as numbers", () => {
    expectTypeOf<BookBody>().toEqualTypeOf<{ customerId: number; classSlotId: number }>();
    // @ts-expect-error classSlotId is required
    const missing: BookBody = { customerId: 203 };
    // @ts-expect-error ids are numbers, not strings
    const stringId: BookBody = { customerId: "203", classSlotId: 20334 };
    void missing;
    void stringId;
  });

  it("bookingStatus is exactly the four-value union", () => {
    expectTypeOf<Schemas["ClassSlotBookingResult"]["bookingStatus"]>().toEqualTypeOf<
      "BOOKED" | "BOOKED_WITH_CONFIRMATION_REQUIRED" | "WAITING_LIST" | "CANCELED"
    >();
  });

  it("the customer's bookings come back as an array of booking results", () => {
    expectTypeOf<ListOk>().toEqualTypeOf<Schemas["ClassSlotBookingResult"][]>();
  });

  it("the list takes customerId as a required numeric query parameter", () => {
    expectTypeOf<operations["getClassBookingsByCustomerId"]["parameters"]["query"]>().toEqualTypeOf<{
      customerId: number;
    }>();
  });

  it("an error body has errorMessage: string and optional extras", () => {
    expectTypeOf<Schemas["ErrorResponse"]["errorMessage"]>().toEqualTypeOf<string>();
    expectTypeOf<Schemas["ErrorResponse"]["traceId"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error errorMessage is required
    const noMessage: Schemas["ErrorResponse"] = { errorCode: "X" };
    void noMessage;
  });

  it("every error status of bookClassSlot carries an ErrorResponse", () => {
    type R = operations["bookClassSlot"]["responses"];
    expectTypeOf<R[409]["content"]["application/json"]>().toEqualTypeOf<Schemas["ErrorResponse"]>();
    expectTypeOf<R[429]["content"]["application/json"]>().toEqualTypeOf<Schemas["ErrorResponse"]>();
  });
});
