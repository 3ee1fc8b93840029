/**
 * The facts the spec must state exactly, copied by hand from the seed documents
 * (../shared/seeds) and the API reference. The spec test compares openapi.yaml against them,
 * so a changed type, enum, status or required flag in the spec fails a named test row.
 */

export const ERROR_STATUSES = ["400", "401", "403", "404", "409", "429", "500"] as const;

/** One field of a schema: JSON type, format, whether required, enum values, and what it points to. */
export interface FieldFact {
  type?: string;
  format?: string;
  required?: boolean;
  enum?: string[];
  deprecated?: boolean;
  /** A `$ref` to this component schema. */
  ref?: string;
  /** For arrays: the component schema of the items. */
  itemsRef?: string;
}

export interface ParamFact {
  name: string;
  in: "path" | "query";
  required: boolean;
  type: string;
  format?: string;
}

export interface OperationFact {
  operationId: string;
  method: string;
  path: string;
  scope: "CLASSES_READ" | "CLASSES_WRITE";
  params: ParamFact[];
  /** Component schema of the required JSON request body, if any. */
  body?: string;
  /** What the 200 answer carries. */
  ok: { schema: string } | { arrayOf: string } | "no body";
}

const id = { type: "integer", format: "int64", required: true } as const;

export const SCHEMAS: Record<string, Record<string, FieldFact>> = {
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
  ErrorResponse: {
    errorMessage: { type: "string", required: true },
    errorCode: { type: "string", required: false },
    traceId: { type: "string", required: false },
    reference: { type: "string", required: false },
    args: { type: "array", required: false, deprecated: true },
    typedArgs: { type: "array", required: false, deprecated: true, itemsRef: "TypedArgument" },
  },
  TypedArgument: {
    value: { type: "object", required: false },
    type: {
      type: "string",
      required: false,
      enum: [
        "TIMESTAMP", "BOOLEAN", "DATE", "MONTH_DAY", "TIME", "TERM", "TERM_LIST", "INTEGER",
        "DECIMAL", "STRING", "MONEY", "LIMITABLE_CONFIG_PROPERTY", "I18N_KEY", "I18N_KEY_LIST",
        "PERMISSION_LIST", "ENUM", "AVAILABILITY_LIST",
      ],
    },
  },
};

export const OPERATIONS: OperationFact[] = [
  {
    operationId: "bookClassSlot",
    method: "post",
    path: "/v1/classes/booking/book",
    scope: "CLASSES_WRITE",
    params: [],
    body: "ClassSlotBookingRequest",
    ok: { schema: "ClassSlotBookingResult" },
  },
  {
    operationId: "getClassBookingsByCustomerId",
    method: "get",
    path: "/v1/classes/booking",
    scope: "CLASSES_READ",
    params: [{ name: "customerId", in: "query", required: true, type: "integer", format: "int64" }],
    ok: { arrayOf: "ClassSlotBookingResult" },
  },
];
