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
  /**
   * List the classes bookable as a free trial.
   *
   * Required scope: `TRIAL_OFFER_READ`.
   *
   * Returns, one slice at a time, the classes a prospect may try for free, looking up to a
   * year ahead. Each entry pairs the class with the id of the trial offer it is bookable
   * under: read that offer's rules with `getTrialOfferConfig`, and list the class's slots
   * with `getClassSlotsForTrialOffers`, passing `trialOfferClass.id` as `classId`.
   *
   * Sends `GET /v1/trial-offers/bookable-trial-offers/classes`.
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
   * const result = await client.getBookableTrialOfferClasses();
   * for await (const item of client.paginate.getBookableTrialOfferClasses()) console.log(item);
   * ```
   */
  getBookableTrialOfferClasses: "getBookableTrialOfferClasses";
  /**
   * Get the rules of a trial offer.
   *
   * Required scope: `TRIAL_OFFER_READ`.
   *
   * Returns one trial offer's configuration: how often a prospect may use it, whether a
   * booking has to be confirmed and by when, and which personal details the sign-up form
   * must ask for (`leadDataConfig`). Pass the `trialOfferConfigId` of an entry of
   * `getBookableTrialOfferClasses`.
   *
   * Sends `GET /v1/trial-offers/config/{configId}`.
   *
   * @throws {ApiError} 400: The configuration id is not a valid id, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No trial offer configuration has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.getTrialOfferConfig({ configId: 1 });
   * ```
   */
  getTrialOfferConfig: "getTrialOfferConfig";
  /**
   * Check whether a prospect can sign up for a trial offer.
   *
   * Required scope: `TRIAL_OFFER_WRITE`.
   *
   * Runs the checks of `createLeadCustomer` without registering anyone, so it is safe to
   * send twice (`x-idempotent`: clients may retry it like a read). Details that cannot be
   * accepted still answer 200; `validationStatus` says what is wrong.
   *
   * Sends `POST /v1/trial-offers/lead/validate`.
   *
   * @throws {ApiError} 400: A field of the lead's details or of the request around them is missing or not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No trial offer configuration has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.validateForLeadCustomerCreation({ leadCustomerData: {"thirdPartyId":"WEB-20661","firstname":"Nora","lastname":"Lindqvist","email":"nora.lindqvist@example.org","gender":"FEMALE","telephone":"015112345678","language":{"languageCode":"de","countryCode":"DE"},"address":{"street":"Kastanienallee","houseNumber":"12a","zipCode":"10435","city":"Berlin"}}, trialOfferConfigId: 1 });
   * ```
   */
  validateForLeadCustomerCreation: "validateForLeadCustomerCreation";
  /**
   * Register a prospect as a lead for a trial offer.
   *
   * Required scope: `TRIAL_OFFER_WRITE`.
   *
   * Registers the prospect as a lead customer of the studio under the trial offer and
   * answers with the new customer's id: book the trial with it as `customerId`. Not
   * idempotent: what a second call with the same details does is not documented, so never
   * send it again after an ambiguous failure (a timeout, a dropped connection, a 5xx). Check
   * with `validateForLeadCustomerCreation` first; it answers `DUPLICATE_CUSTOMER` once the
   * prospect is registered.
   *
   * Sends `POST /v1/trial-offers/lead/create`.
   *
   * @throws {ApiError} 400: A field of the lead's details or of the request around them is missing or not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No trial offer configuration has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.createLeadCustomer({ leadCustomerData: {"thirdPartyId":"WEB-20661","firstname":"Nora","lastname":"Lindqvist","email":"nora.lindqvist@example.org","gender":"FEMALE","telephone":"015112345678","language":{"languageCode":"de","countryCode":"DE"},"address":{"street":"Kastanienallee","houseNumber":"12a","zipCode":"10435","city":"Berlin"}}, trialOfferConfigId: 1 });
   * ```
   */
  createLeadCustomer: "createLeadCustomer";
  /**
   * List the slots of a class offered as a trial.
   *
   * Required scope: `TRIAL_OFFER_READ`.
   *
   * Returns, one slice at a time, the slots of one class offered as a trial, scheduled
   * between one day ago and 14 days from now. Each slot has the same shape as in
   * `getClassSlots`; pass its `id` as `classSlotId` to validate and book.
   *
   * Sends `GET /v1/trial-offers/bookable-trial-offers/classes/{classId}/slots`.
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
   * const result = await client.getClassSlotsForTrialOffers({ classId: 14928 });
   * for await (const item of client.paginate.getClassSlotsForTrialOffers({ classId: 14928 })) console.log(item);
   * ```
   */
  getClassSlotsForTrialOffers: "getClassSlotsForTrialOffers";
  /**
   * Check whether a lead can book a trial slot.
   *
   * Required scope: `TRIAL_OFFER_WRITE`.
   *
   * Runs the checks of a trial booking without booking anything, so it is safe to send
   * twice (`x-idempotent`: clients may retry it like a read). Pass the `leadCustomerId` of
   * `createLeadCustomer` as `customerId`. A slot the lead cannot book still answers 200;
   * `validationStatus` says why. Book only on `AVAILABLE`.
   *
   * Sends `POST /v1/trial-offers/classes/booking/validate`.
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
   * const result = await client.validateClassSlotForTrialOffers({ customerId: 5120, classSlotId: 20334 });
   * ```
   */
  validateClassSlotForTrialOffers: "validateClassSlotForTrialOffers";
  /**
   * Book a lead into a trial slot.
   *
   * Required scope: `TRIAL_OFFER_WRITE`.
   *
   * Books the lead into the class slot under the trial offer. When the offer asks for a
   * confirmation, `bookingStatus` is `BOOKED_WITH_CONFIRMATION_REQUIRED`: have the prospect
   * confirm, then call `confirmTrialOfferBooking` before the offer's deadline, or the booking
   * is canceled. Not idempotent: never send it again after an ambiguous failure (a timeout, a
   * dropped connection, a 5xx), since the first attempt may have booked; look for the
   * booking with `getClassBookingsByCustomerId` instead.
   *
   * Sends `POST /v1/trial-offers/classes/booking/book`.
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
   * const result = await client.bookClassSlotForTrialOffers({ customerId: 5120, classSlotId: 20334 });
   * ```
   */
  bookClassSlotForTrialOffers: "bookClassSlotForTrialOffers";
  /**
   * Confirm a trial booking.
   *
   * Required scope: `TRIAL_OFFER_WRITE`.
   *
   * Records that the prospect confirmed a trial booking made with
   * `BOOKED_WITH_CONFIRMATION_REQUIRED`, typically when they follow the link in the message
   * the integration sent them. `CONFIRMED` means the place is kept; `EXPIRED` means the
   * offer's `confirmationOfBookingTerm` had passed and the booking is not kept. The call
   * takes no body.
   *
   * Safe to send twice (`x-idempotent`): it only moves an existing booking from awaiting
   * confirmation to confirmed and never creates one, so a repeat cannot book the lead twice.
   * The answer to a repeat is not documented, and a repeat that arrives after the deadline
   * may answer `EXPIRED` although the first attempt was in time: read the booking with
   * `getClassBookingById` when in doubt.
   *
   * Sends `POST /v1/trial-offers/bookings/{bookingId}/confirm`.
   *
   * @throws {ApiError} 400: The booking id is not a valid id, or another value in the request is not accepted.
   * @throws {ApiError} 401: The API key is missing or not valid.
   * @throws {ApiError} 403: The API key is valid but lacks the scope this operation needs.
   * @throws {ApiError} 404: No booking made under a trial offer has the given id.
   * @throws {ApiError} 409: Another request changed the same entity at the same time; read it again and retry.
   * @throws {ApiError} 429: More than 1000 requests reached this endpoint within a minute. Requests to it are refused for the following minute.
   * @throws {ApiError} 500: The server failed to handle the request.
   * @example
   * ```ts
   * const result = await client.confirmTrialOfferBooking({ bookingId: 2058 });
   * ```
   */
  confirmTrialOfferBooking: "confirmTrialOfferBooking";
}
