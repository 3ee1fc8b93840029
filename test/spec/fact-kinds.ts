/**
 * The shapes of the fact tables (facts.ts, trial-offer-facts.ts) and the field and parameter
 * kinds they repeat, so that each table states only its own facts.
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
  /** For arrays of plain values: the items' type, and whether the items are deprecated too. */
  items?: { type: string; deprecated?: boolean };
}

export interface ParamFact {
  name: string;
  in: "path" | "query";
  required: boolean;
  type: string;
  format?: string;
  default?: string | number;
  minimum?: number;
  maximum?: number;
}

export interface OperationFact {
  operationId: string;
  method: string;
  path: string;
  /** The one tag the operation carries. */
  tag: "Classes" | "Trial Offers";
  scope: "CLASSES_READ" | "CLASSES_WRITE" | "TRIAL_OFFER_READ" | "TRIAL_OFFER_WRITE";
  /**
   * true: marked `x-idempotent: true` (it changes nothing, or a repeat cannot change more).
   * false: not marked, and its description says never to resend it after an ambiguous failure.
   * Left out: not marked (a GET, or a call whose retry rule comes from its method).
   */
  idempotent?: boolean;
  params: ParamFact[];
  /** Component schema of the required JSON request body, if any. */
  body?: string;
  /** What the 200 answer carries. */
  ok: { schema: string } | { arrayOf: string } | "no body";
  /**
   * The input a 400 example names in `reference` (a parameter, a body field, or a dotted path
   * into an object inside the body), and the entity a 404 example speaks of.
   */
  errors: { badInput: string; missing: string };
}

export const id = { type: "integer", format: "int64", required: true } as const;
export const int32 = { type: "integer", format: "int32", required: false } as const;
export const text = { type: "string", required: false } as const;
export const requiredText = { type: "string", required: true } as const;
export const dateTime = { type: "string", format: "date-time", required: false } as const;

export const pathId = (name: string): ParamFact => ({
  name,
  in: "path",
  required: true,
  type: "integer",
  format: "int64",
});
/** The shared slice parameters, in the order every sliced operation lists them. */
export const slice: ParamFact[] = [
  { name: "offset", in: "query", required: false, type: "string", default: "0" },
  {
    name: "sliceSize",
    in: "query",
    required: false,
    type: "integer",
    format: "int32",
    default: 50,
    minimum: 10,
    maximum: 100,
  },
];
export const sliced = (item: string): Record<string, FieldFact> => ({
  result: { type: "array", required: true, itemsRef: item },
  hasNext: { type: "boolean", required: true },
  offset: { type: "string", required: true },
});
