/**
 * GENERATED FILE: do not edit. Written by scripts/generate.ts (operation table)
 * from openapi/openapi.yaml. Change the spec, then run `npm run generate`.
 */

export const operations = {
  getActiveClasses: { method: "GET", path: "/v1/classes", query: ["offset","sliceSize"], sliced: true },
  getClassSlotsForMultipleClasses: { method: "GET", path: "/v1/classes/slots", query: ["daysAhead","slotWindowStartDate","offset","sliceSize"], sliced: true },
  getClassById: { method: "GET", path: "/v1/classes/{classId}" },
  getClassSlots: { method: "GET", path: "/v1/classes/{classId}/slots", query: ["offset","sliceSize"], sliced: true },
  getClassSlotById: { method: "GET", path: "/v1/classes/{classId}/slots/{classSlotId}" },
  validateClassSlot: { method: "POST", path: "/v1/classes/booking/validate", body: ["customerId","classSlotId"], required: ["customerId","classSlotId"], idempotent: true },
  getClassBookingsByCustomerId: { method: "GET", path: "/v1/classes/booking", query: ["customerId"], required: ["customerId"] },
  bookClassSlot: { method: "POST", path: "/v1/classes/booking/book", body: ["customerId","classSlotId"], required: ["customerId","classSlotId"] },
  getClassBookingById: { method: "GET", path: "/v1/classes/booking/{bookingId}" },
  cancelClassSlotById: { method: "DELETE", path: "/v1/classes/booking/{bookingId}" },
} as const;

/** Every operationId in the spec. */
export type OperationId = keyof typeof operations;
