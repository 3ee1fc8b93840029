/**
 * GENERATED FILE: do not edit. Written by scripts/generate.ts (method docs)
 * from openapi/openapi.yaml. Change the spec, then run `npm run generate`.
 */

/**
 * Every operation by its operationId, with the spec's words about it as the member's comment.
 * The client's methods are typed as a mapped type over these names, so editors show the
 * comment on hover. Each member's type is its own operationId.
 */
export interface OperationDocs {
  /**
   * List the active classes.
   *
   * Required scope: `CLASSES_READ`.
   *
   * Returns, one slice at a time, the classes that have at least one slot scheduled between
   * one day ago and 14 days from now. Page through the slices as described for `offset`.
   *
   * Sends `GET /v1/classes`.
   *
   * @throws {ApiError} 400: The slice size is outside the allowed range, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No studio is set up for the tenant that was called.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getActiveClasses();
   * for await (const item of client.paginate.getActiveClasses()) console.log(item);
   * ```
   */
  getActiveClasses: "getActiveClasses";
  /**
   * List the slots of all classes in a date window.
   *
   * Required scope: `CLASSES_READ`.
   *
   * Returns, one slice at a time, the slots of every class that fall between
   * `slotWindowStartDate` and that date plus `daysAhead` days.
   *
   * Sends `GET /v1/classes/slots`.
   *
   * @throws {ApiError} 400: The date window is not accepted, or another value in the request is not.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No studio is set up for the tenant that was called.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getClassSlotsForMultipleClasses({ slotWindowStartDate: "2026-12-01" });
   * for await (const item of client.paginate.getClassSlotsForMultipleClasses({ slotWindowStartDate: "2026-12-01" })) console.log(item);
   * ```
   */
  getClassSlotsForMultipleClasses: "getClassSlotsForMultipleClasses";
  /**
   * Get one class.
   *
   * Required scope: `CLASSES_READ`.
   *
   * Returns a class with its details and the rule for how late a booking of it may be
   * canceled.
   *
   * Sends `GET /v1/classes/{classId}`.
   *
   * @throws {ApiError} 400: The class id is not a valid id, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No class has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getClassById({ classId: 14928 });
   * ```
   */
  getClassById: "getClassById";
  /**
   * List the slots of one class.
   *
   * Required scope: `CLASSES_READ`.
   *
   * Returns, one slice at a time, the slots of the class scheduled between one day ago and
   * 14 days from now.
   *
   * Sends `GET /v1/classes/{classId}/slots`.
   *
   * @throws {ApiError} 400: The class id is not a valid id, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No class has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getClassSlots({ classId: 14928 });
   * for await (const item of client.paginate.getClassSlots({ classId: 14928 })) console.log(item);
   * ```
   */
  getClassSlots: "getClassSlots";
  /**
   * Get one slot of a class.
   *
   * Required scope: `CLASSES_READ`.
   *
   * Returns one scheduled slot with its times, room, instructors, booking window and
   * participant counts.
   *
   * Sends `GET /v1/classes/{classId}/slots/{classSlotId}`.
   *
   * @throws {ApiError} 400: The slot id is not a valid id, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No class slot has the given id (in the given class).
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getClassSlotById({ classId: 14928, classSlotId: 20334 });
   * ```
   */
  getClassSlotById: "getClassSlotById";
  /**
   * Check whether a customer can book a slot.
   *
   * Required scope: `CLASSES_WRITE`.
   *
   * Runs the same checks as a booking without booking anything, so it is safe to send
   * twice (`x-idempotent`: clients may retry it like a read). A slot that cannot be booked
   * still answers 200; `validationStatus` says why. Call it before offering a "book" button
   * and book only on `AVAILABLE`.
   *
   * Sends `POST /v1/classes/booking/validate`.
   *
   * @throws {ApiError} 400: A field of the booking request is missing or not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No class slot has the given id (in the given class).
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.validateClassSlot({ customerId: 203, classSlotId: 20334 });
   * ```
   */
  validateClassSlot: "validateClassSlot";
  /**
   * List a customer's class bookings.
   *
   * Required scope: `CLASSES_READ`.
   *
   * Returns the class bookings of one customer whose period starts and ends within two
   * weeks before or after the time of the request. The answer is a plain JSON array, not a
   * slice: there is no paging.
   *
   * Sends `GET /v1/classes/booking`.
   *
   * @throws {ApiError} 400: The customer id is missing or is not a valid id.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No customer has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getClassBookingsByCustomerId({ customerId: 203 });
   * ```
   */
  getClassBookingsByCustomerId: "getClassBookingsByCustomerId";
  /**
   * Book a class slot for a customer.
   *
   * Required scope: `CLASSES_WRITE`.
   *
   * Books the customer into the class slot. When the slot is full but has a waiting list,
   * the booking is placed on the waiting list and `bookingStatus` says so. Validate the
   * slot first to learn why a booking would be refused.
   *
   * Sends `POST /v1/classes/booking/book`.
   *
   * @throws {ApiError} 400: A field of the booking request is missing or not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No class slot has the given id (in the given class).
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
   * ```
   */
  bookClassSlot: "bookClassSlot";
  /**
   * Get one class booking.
   *
   * Required scope: `CLASSES_READ`.
   *
   * Returns a booking with its current status, as made by `bookClassSlot`.
   *
   * Sends `GET /v1/classes/booking/{bookingId}`.
   *
   * @throws {ApiError} 400: The booking id is not a valid id, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No class booking has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getClassBookingById({ bookingId: 2033 });
   * ```
   */
  getClassBookingById: "getClassBookingById";
  /**
   * Cancel a class booking.
   *
   * Required scope: `CLASSES_WRITE`.
   *
   * Cancels the booking. Success is a 200 answer with no body. Whether a late cancellation
   * is allowed follows the class's `cancelCondition`.
   *
   * Sends `DELETE /v1/classes/booking/{bookingId}`.
   *
   * @throws {ApiError} 400: The booking id is not a valid id, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No class booking has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * await client.cancelClassSlotById({ bookingId: 2033 }); // resolves to undefined: the answer has no body
   * ```
   */
  cancelClassSlotById: "cancelClassSlotById";
}
