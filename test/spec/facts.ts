/**
 * The facts the spec must state exactly, copied by hand from the seed documents
 * (../shared/seeds) and the API references (classes-api.md, trial-offers.md). The spec test
 * compares openapi.yaml against them, so a changed type, enum, status or required flag in the
 * spec fails a named test row. The Classes facts are here, the Trial Offers ones in
 * trial-offer-facts.ts.
 */
import {
  dateTime,
  id,
  int32,
  pathId,
  requiredText,
  slice,
  sliced,
  text,
  type FieldFact,
  type OperationFact,
} from "./fact-kinds.js";
import { TRIAL_OFFER_OPERATIONS, TRIAL_OFFER_SCHEMAS } from "./trial-offer-facts.js";

export { ERROR_STATUSES, type FieldFact, type OperationFact, type ParamFact } from "./fact-kinds.js";

const CLASS_SCHEMAS: Record<string, Record<string, FieldFact>> = {
  ClassSlotBookingRequest: {
    customerId: id,
    classSlotId: id,
  },
  ClassSlotBookingResult: {
    bookingId: id,
    bookingStatus: {
      type: "string",
      required: true,
      enum: ["BOOKED", "BOOKED_WITH_CONFIRMATION_REQUIRED", "WAITING_LIST", "CANCELED"],
    },
    classSlotId: id,
    classId: id,
    customerId: id,
    classSlotStatus: { type: "string", required: true, enum: ["PLANNED", "CANCELED", "COMPLETED"] },
    participantStatus: {
      type: "string",
      required: true,
      enum: ["PARTICIPATING", "NOT_PARTICIPATING", "UNSET"],
    },
  },
  Class: {
    id,
    title: text,
    type: { type: "string", required: false, enum: ["STUDIO", "STREAM"] },
    duration: int32,
    category: text,
    description: text,
    imgUrl: text,
    bookable: { type: "boolean", required: true },
    cancelCondition: { ref: "ClassCancelationCondition" },
  },
  ClassCancelationCondition: {
    cancelationAfterLatestPossible: { type: "boolean", required: false },
    latestCancelTerm: { ref: "TermWithMinutes" },
  },
  TermWithMinutes: {
    value: { type: "integer", format: "int32", required: true },
    unit: { type: "string", required: true, enum: ["MINUTES", "HOURS", "DAY", "WEEK", "MONTH", "YEAR"] },
  },
  ClassSlot: {
    id,
    startDateTime: dateTime,
    endDateTime: dateTime,
    classInformation: { ref: "BasicClass" },
    instructors: { type: "array", required: false, itemsRef: "Instructor" },
    location: { ref: "Location" },
    earliestBookingDateTime: dateTime,
    latestBookingDateTime: dateTime,
    maxParticipants: int32,
    maxWaitingListParticipants: int32,
    bookedParticipants: int32,
    additionalParticipants: { ...int32, required: true },
    waitingListParticipants: int32,
  },
  BasicClass: { id, title: text, duration: int32, category: text, description: text },
  Instructor: { id, firstName: requiredText, lastName: requiredText, publicName: text },
  Location: { id, name: requiredText, description: text },
  ClassSlicedResult: sliced("Class"),
  ClassSlotSlicedResult: sliced("ClassSlot"),
  ClassSlotBookingValidationResult: {
    validationStatus: {
      type: "string",
      required: true,
      enum: [
        "AVAILABLE",
        "NO_CONTINGENT",
        "BOOKING_LIMIT_REACHED",
        "CUSTOMER_ALREADY_BOOKED",
        "CUSTOMER_IDLE",
        "CUSTOMER_IN_OTHER_BOOKING",
        "DISPLAY_ONLY",
        "DATE_TIME_BEFORE_EARLIEST_BOOKING_DATE_TIME",
        "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME",
        "STUDIO_CLOSED",
        "NO_SHOW_PENALTY_ACTIVE",
        "NOT_AVAILABLE",
      ],
    },
  },
  ErrorResponse: {
    errorMessage: { type: "string", required: true },
    errorCode: { type: "string", required: false },
    traceId: { type: "string", required: false },
    reference: { type: "string", required: false },
    args: { type: "array", required: false, deprecated: true, items: { type: "object", deprecated: true } },
    typedArgs: { type: "array", required: false, deprecated: true, itemsRef: "TypedArgument" },
  },
  TypedArgument: {
    value: { type: "object", required: false },
    type: {
      type: "string",
      required: false,
      enum: [
        "TIMESTAMP",
        "BOOLEAN",
        "DATE",
        "MONTH_DAY",
        "TIME",
        "TERM",
        "TERM_LIST",
        "INTEGER",
        "DECIMAL",
        "STRING",
        "MONEY",
        "LIMITABLE_CONFIG_PROPERTY",
        "I18N_KEY",
        "I18N_KEY_LIST",
        "PERMISSION_LIST",
        "ENUM",
        "AVAILABILITY_LIST",
      ],
    },
  },
};

const CLASS_OPERATIONS: OperationFact[] = [
  {
    operationId: "getActiveClasses",
    method: "get",
    path: "/v1/classes",
    tag: "Classes",
    scope: "CLASSES_READ",
    params: slice,
    ok: { schema: "ClassSlicedResult" },
    errors: { badInput: "sliceSize", missing: "studio" },
  },
  {
    operationId: "getClassById",
    method: "get",
    path: "/v1/classes/{classId}",
    tag: "Classes",
    scope: "CLASSES_READ",
    params: [pathId("classId")],
    ok: { schema: "Class" },
    errors: { badInput: "classId", missing: "class" },
  },
  {
    operationId: "getClassSlotsForMultipleClasses",
    method: "get",
    path: "/v1/classes/slots",
    tag: "Classes",
    scope: "CLASSES_READ",
    params: [
      {
        name: "daysAhead",
        in: "query",
        required: false,
        type: "integer",
        format: "int32",
        default: 1,
        minimum: 0,
        maximum: 6,
      },
      { name: "slotWindowStartDate", in: "query", required: false, type: "string", format: "date" },
      ...slice,
    ],
    ok: { schema: "ClassSlotSlicedResult" },
    errors: { badInput: "daysAhead", missing: "studio" },
  },
  {
    operationId: "getClassSlots",
    method: "get",
    path: "/v1/classes/{classId}/slots",
    tag: "Classes",
    scope: "CLASSES_READ",
    params: [pathId("classId"), ...slice],
    ok: { schema: "ClassSlotSlicedResult" },
    errors: { badInput: "classId", missing: "class" },
  },
  {
    operationId: "getClassSlotById",
    method: "get",
    path: "/v1/classes/{classId}/slots/{classSlotId}",
    tag: "Classes",
    scope: "CLASSES_READ",
    params: [pathId("classId"), pathId("classSlotId")],
    ok: { schema: "ClassSlot" },
    errors: { badInput: "classSlotId", missing: "class slot" },
  },
  {
    operationId: "validateClassSlot",
    method: "post",
    path: "/v1/classes/booking/validate",
    tag: "Classes",
    scope: "CLASSES_WRITE",
    idempotent: true,
    params: [],
    body: "ClassSlotBookingRequest",
    ok: { schema: "ClassSlotBookingValidationResult" },
    errors: { badInput: "customerId", missing: "class slot" },
  },
  {
    operationId: "bookClassSlot",
    method: "post",
    path: "/v1/classes/booking/book",
    tag: "Classes",
    scope: "CLASSES_WRITE",
    params: [],
    body: "ClassSlotBookingRequest",
    ok: { schema: "ClassSlotBookingResult" },
    errors: { badInput: "customerId", missing: "class slot" },
  },
  {
    operationId: "getClassBookingsByCustomerId",
    method: "get",
    path: "/v1/classes/booking",
    tag: "Classes",
    scope: "CLASSES_READ",
    params: [{ name: "customerId", in: "query", required: true, type: "integer", format: "int64" }],
    ok: { arrayOf: "ClassSlotBookingResult" },
    errors: { badInput: "customerId", missing: "customer" },
  },
  {
    operationId: "getClassBookingById",
    method: "get",
    path: "/v1/classes/booking/{bookingId}",
    tag: "Classes",
    scope: "CLASSES_READ",
    params: [pathId("bookingId")],
    ok: { schema: "ClassSlotBookingResult" },
    errors: { badInput: "bookingId", missing: "class booking" },
  },
  {
    operationId: "cancelClassSlotById",
    method: "delete",
    path: "/v1/classes/booking/{bookingId}",
    tag: "Classes",
    scope: "CLASSES_WRITE",
    params: [pathId("bookingId")],
    ok: "no body",
    errors: { badInput: "bookingId", missing: "class booking" },
  },
];

/** Every schema with documented fields: the Classes ones and those the trial offers add. */
export const SCHEMAS: Record<string, Record<string, FieldFact>> = {
  ...CLASS_SCHEMAS,
  ...TRIAL_OFFER_SCHEMAS,
};

/** Every operation: the Classes ones, then the Trial Offers ones in the order of their flow. */
export const OPERATIONS: OperationFact[] = [...CLASS_OPERATIONS, ...TRIAL_OFFER_OPERATIONS];

/** The class events of the reference's "Webhooks" section: what entityId is, and what content adds. */
export const WEBHOOKS = [
  { type: "CLASS_BOOKING_CREATED", schema: "ClassBookingEvent", entity: "bookingId", content: undefined },
  { type: "CLASS_BOOKING_UPDATED", schema: "ClassBookingEvent", entity: "bookingId", content: undefined },
  { type: "CLASS_BOOKING_CANCELLED", schema: "ClassBookingEvent", entity: "bookingId", content: undefined },
  { type: "CLASS_SLOT_UPDATED", schema: "ClassSlotEvent", entity: "classSlotId", content: "classId" },
  { type: "CLASS_SLOT_CANCELLED", schema: "ClassSlotEvent", entity: "classSlotId", content: "classId" },
] as const;
