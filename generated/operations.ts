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
} as const satisfies Readonly<Record<string, OperationRow>>;

/** Every operationId in the spec. */
export type OperationId = keyof typeof operations;

/** What holds for every operation: the key's header (lower case), the tenant host pattern, the API's rate limit per key and operation. */
export const api = { keyHeader: "x-api-key", tenantUrl: "https://{tenant}.open-api.magicline.com", rateLimit: { limit: 1000, windowMs: 60000, lockoutMs: 60000 } } as const;

/** The first segment every operation's path starts with: where the API's paths live. */
export const apiRoot = "/v1";
