/**
 * GENERATED FILE: do not edit. Written by scripts/generate.ts (operation table)
 * from openapi/openapi.yaml. Change the spec, then run `npm run generate`.
 */

import type { OperationRow } from "../src/core/shapes.js";

export const operations = {
  getActiveClasses: { method: "GET", path: "/v1/classes", inputs: { offset: { in: "query", type: "string" }, sliceSize: { in: "query", type: "integer", format: "int32", minimum: 10, maximum: 100 } }, sliced: true, json: true },
  getClassSlotsForMultipleClasses: { method: "GET", path: "/v1/classes/slots", inputs: { daysAhead: { in: "query", type: "integer", format: "int32", minimum: 0, maximum: 6 }, slotWindowStartDate: { in: "query", type: "string", format: "date" }, offset: { in: "query", type: "string" }, sliceSize: { in: "query", type: "integer", format: "int32", minimum: 10, maximum: 100 } }, sliced: true, json: true },
  getClassById: { method: "GET", path: "/v1/classes/{classId}", inputs: { classId: { in: "path", type: "integer", format: "int64" } }, json: true },
  getClassSlots: { method: "GET", path: "/v1/classes/{classId}/slots", inputs: { classId: { in: "path", type: "integer", format: "int64" }, offset: { in: "query", type: "string" }, sliceSize: { in: "query", type: "integer", format: "int32", minimum: 10, maximum: 100 } }, sliced: true, json: true },
  getClassSlotById: { method: "GET", path: "/v1/classes/{classId}/slots/{classSlotId}", inputs: { classId: { in: "path", type: "integer", format: "int64" }, classSlotId: { in: "path", type: "integer", format: "int64" } }, json: true },
  validateClassSlot: { method: "POST", path: "/v1/classes/booking/validate", inputs: { customerId: { in: "body", type: "integer", format: "int64" }, classSlotId: { in: "body", type: "integer", format: "int64" } }, required: ["customerId", "classSlotId"], idempotent: true, json: true },
  getClassBookingsByCustomerId: { method: "GET", path: "/v1/classes/booking", inputs: { customerId: { in: "query", type: "integer", format: "int64", personal: true } }, required: ["customerId"], json: true },
  bookClassSlot: { method: "POST", path: "/v1/classes/booking/book", inputs: { customerId: { in: "body", type: "integer", format: "int64" }, classSlotId: { in: "body", type: "integer", format: "int64" } }, required: ["customerId", "classSlotId"], json: true },
  getClassBookingById: { method: "GET", path: "/v1/classes/booking/{bookingId}", inputs: { bookingId: { in: "path", type: "integer", format: "int64", personal: true } }, json: true },
  cancelClassSlotById: { method: "DELETE", path: "/v1/classes/booking/{bookingId}", inputs: { bookingId: { in: "path", type: "integer", format: "int64", personal: true } } },
  getBookableTrialOfferClasses: { method: "GET", path: "/v1/trial-offers/bookable-trial-offers/classes", inputs: { offset: { in: "query", type: "string" }, sliceSize: { in: "query", type: "integer", format: "int32", minimum: 10, maximum: 100 } }, sliced: true, json: true },
  getTrialOfferConfig: { method: "GET", path: "/v1/trial-offers/config/{configId}", inputs: { configId: { in: "path", type: "integer", format: "int64" } }, json: true },
  validateForLeadCustomerCreation: { method: "POST", path: "/v1/trial-offers/lead/validate", inputs: { leadCustomerData: { in: "body", type: "object", properties: { thirdPartyId: { type: "string" }, firstname: { type: "string" }, secondFirstname: { type: "string" }, lastname: { type: "string" }, secondLastname: { type: "string" }, email: { type: "string" }, gender: { type: "string", enum: ["MALE", "FEMALE", "UNISEX"] }, dateOfBirth: { type: "string", format: "date" }, telephone: { type: "string" }, language: { type: "object", properties: { languageCode: { type: "string" }, countryCode: { type: "string" } }, required: ["languageCode"] }, address: { type: "object", properties: { street: { type: "string" }, houseNumber: { type: "string" }, zipCode: { type: "string" }, city: { type: "string" } }, required: ["city", "street", "zipCode"] } }, required: ["email", "firstname", "lastname"] }, trialOfferConfigId: { in: "body", type: "integer", format: "int64" } }, required: ["leadCustomerData", "trialOfferConfigId"], idempotent: true, json: true },
  createLeadCustomer: { method: "POST", path: "/v1/trial-offers/lead/create", inputs: { leadCustomerData: { in: "body", type: "object", properties: { thirdPartyId: { type: "string" }, firstname: { type: "string" }, secondFirstname: { type: "string" }, lastname: { type: "string" }, secondLastname: { type: "string" }, email: { type: "string" }, gender: { type: "string", enum: ["MALE", "FEMALE", "UNISEX"] }, dateOfBirth: { type: "string", format: "date" }, telephone: { type: "string" }, language: { type: "object", properties: { languageCode: { type: "string" }, countryCode: { type: "string" } }, required: ["languageCode"] }, address: { type: "object", properties: { street: { type: "string" }, houseNumber: { type: "string" }, zipCode: { type: "string" }, city: { type: "string" } }, required: ["city", "street", "zipCode"] } }, required: ["email", "firstname", "lastname"] }, trialOfferConfigId: { in: "body", type: "integer", format: "int64" } }, required: ["leadCustomerData", "trialOfferConfigId"], json: true },
  getClassSlotsForTrialOffers: { method: "GET", path: "/v1/trial-offers/bookable-trial-offers/classes/{classId}/slots", inputs: { classId: { in: "path", type: "integer", format: "int64" }, offset: { in: "query", type: "string" }, sliceSize: { in: "query", type: "integer", format: "int32", minimum: 10, maximum: 100 } }, sliced: true, json: true },
  validateClassSlotForTrialOffers: { method: "POST", path: "/v1/trial-offers/classes/booking/validate", inputs: { customerId: { in: "body", type: "integer", format: "int64" }, classSlotId: { in: "body", type: "integer", format: "int64" } }, required: ["customerId", "classSlotId"], idempotent: true, json: true },
  bookClassSlotForTrialOffers: { method: "POST", path: "/v1/trial-offers/classes/booking/book", inputs: { customerId: { in: "body", type: "integer", format: "int64" }, classSlotId: { in: "body", type: "integer", format: "int64" } }, required: ["customerId", "classSlotId"], json: true },
  confirmTrialOfferBooking: { method: "POST", path: "/v1/trial-offers/bookings/{bookingId}/confirm", inputs: { bookingId: { in: "path", type: "integer", format: "int64" } }, idempotent: true, json: true },
} as const satisfies Readonly<Record<string, OperationRow>>;

/** Every operationId in the spec. */
export type OperationId = keyof typeof operations;

/** What holds for every operation: the key's header (lower case), the tenant host pattern, the API's rate limit per key and operation. */
export const api = { keyHeader: "x-api-key", tenantUrl: "https://{tenant}.open-api.magicline.com", rateLimit: { limit: 1000, windowMs: 60000, lockoutMs: 60000 } } as const;

/** The first segment every operation's path starts with: where the API's paths live. */
export const apiRoot = "/v1";
