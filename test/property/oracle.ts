/**
 * An independent judge of inputs, built straight from openapi.yaml with ajv (not from the
 * client's generated table): whether a flat input is valid, and the exact request it must give.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { deref, loadSpec, operations, type Node } from "../../scripts/spec.js";

export const spec = loadSpec();

/** How many runs a property gets: a bounded number in CI, more with PROPERTY_RUNS=n. */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 0) || undefined;
/** A fixed seed, so a failure in CI is the same failure on every machine. */
export const SEED = 20261122;

export interface Input {
  name: string;
  in: "path" | "query" | "body";
  schema: Node;
  required: boolean;
}

export interface OperationModel {
  operationId: string;
  method: string;
  path: string;
  inputs: Input[];
  /** Judges a flat input (own fields only), as the spec reads it. */
  valid: (input: Record<string, unknown>) => boolean;
  /** The request the spec says a valid input gives: path with query, and the JSON body. */
  request: (input: Record<string, unknown>) => { url: string; body: unknown };
}

const ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: true });
// int64 is what JavaScript can carry exactly; int32 is its usual range; a date is a real day.
ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) });
ajv.addFormat("int32", {
  type: "number",
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
});
ajv.addFormat("date", (text: string) => {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  date.setUTCFullYear(+m[1]!);
  return date.getUTCMonth() === +m[2]! - 1 && date.getUTCDate() === +m[3]!;
});

// Labels, not checks: the spec names the standard a code follows, and the API takes any string.
for (const label of ["ISO 639-1", "ISO 3166-1"]) ajv.addFormat(label, () => true);

/** Where the spec's components live for ajv: a body field's `$ref` into them resolves there. */
const SPEC_ID = "https://class-booking-api.invalid/openapi.yaml";

/**
 * A schema as the judge reads it: every string must be well-formed Unicode (a lone surrogate
 * cannot be put into a URL or sent as UTF-8), at any depth, and a `$ref` points into the
 * components registered under SPEC_ID.
 */
function judged(schema: Node): Node {
  if (Array.isArray(schema)) return schema.map(judged);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Node = {};
  for (const [key, value] of Object.entries(schema))
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#") ? SPEC_ID + value : judged(value);
  return out.type === "string" ? { ...out, pattern: "^(?:(?!\\p{Surrogate})[\\s\\S])*$" } : out;
}
// The component schemas, so that a body field holding an object (a lead's details, with its
// language and address) is judged field by field, as the spec describes it.
ajv.addSchema({ $id: SPEC_ID, components: { schemas: judged(spec.components.schemas) } });

function inputsOf(op: Node): Input[] {
  const params: Input[] = (op.parameters ?? []).map((ref: Node) => {
    const p = deref(spec, ref);
    return { name: p.name, in: p.in, schema: deref(spec, p.schema), required: p.required === true };
  });
  const bodySchema = op.requestBody
    ? deref(spec, op.requestBody.content["application/json"].schema)
    : undefined;
  const fields: Input[] = Object.entries<Node>(bodySchema?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "body",
    schema: deref(spec, schema),
    required: (bodySchema?.required ?? []).includes(name),
  }));
  return [...params, ...fields];
}

export const models: OperationModel[] = operations(spec).map(({ operationId, method, path, op }) => {
  const inputs = inputsOf(op);
  const schema = {
    type: "object",
    properties: Object.fromEntries(inputs.map((i) => [i.name, judged(i.schema)])),
    required: inputs.filter((i) => i.required).map((i) => i.name),
    additionalProperties: false,
  };
  const validate = ajv.compile(schema);
  return {
    operationId,
    method: method.toUpperCase(),
    path,
    inputs,
    valid: (input) => validate(input) as boolean,
    request: (input) => {
      let url = path;
      for (const i of inputs.filter((i) => i.in === "path"))
        url = url.replace(`{${i.name}}`, encodeURIComponent(String(input[i.name])));
      const query = inputs.filter((i) => i.in === "query" && input[i.name] !== undefined);
      if (query.length)
        url += `?${query.map((i) => `${i.name}=${encodeURIComponent(String(input[i.name]))}`).join("&")}`;
      const fields = inputs.filter((i) => i.in === "body");
      const body = fields.length
        ? Object.fromEntries(
            fields.filter((i) => input[i.name] !== undefined).map((i) => [i.name, input[i.name]]),
          )
        : undefined;
      return { url, body };
    },
  };
});

/** Values that break almost any rule: wrong types, non-finite and unsafe numbers, path tricks. */
const hostile = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1.5,
  -0.25,
  2 ** 53,
  2 ** 64,
  -(2 ** 63),
  "14928",
  "",
  "..",
  ".",
  "%2e%2e",
  "a/b",
  "\uD800",
  "../../admin?x=",
  null,
  true,
  false,
  10n,
  {},
  { 1: 1 },
  [],
  [1, 999],
);

/** Values for one input: mostly ones its schema allows, plus out-of-range and hostile ones. */
export function valuesFor(schema: Node): fc.Arbitrary<unknown> {
  let good: fc.Arbitrary<unknown>;
  if (schema.type === "object") {
    // Mostly with the fields it must have, sometimes with any of them, and now and then a field it does not list.
    const fields = Object.fromEntries(
      Object.entries<Node>(schema.properties ?? {}).map(([name, field]) => [
        name,
        valuesFor(deref(spec, field)),
      ]),
    );
    const required: string[] = schema.required ?? [];
    good = fc.oneof(
      { arbitrary: fc.record(fields, { requiredKeys: required }), weight: 6 },
      { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 },
      {
        arbitrary: fc.record(fields, { requiredKeys: required }).map((o) => ({ ...o, extra: "x" })),
        weight: 1,
      },
    );
    return fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: hostile, weight: 1 });
  }
  if (schema.type === "integer") {
    const [low, high] =
      schema.format === "int32"
        ? [-(2 ** 31), 2 ** 31 - 1]
        : [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    const min = schema.minimum ?? low;
    const max = schema.maximum ?? high;
    good = fc.oneof(
      fc.integer({ min, max }),
      fc.constantFrom(min, max),
      fc.integer({ min: Math.max(min, 0), max: Math.min(max, 100_000) }),
    );
    const near = fc.constantFrom(min - 1, max + 1, min - 0.5);
    return fc.oneof(
      { arbitrary: good, weight: 6 },
      { arbitrary: near, weight: 1 },
      { arbitrary: hostile, weight: 2 },
    );
  }
  if (schema.format === "date") {
    good = fc
      .date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const nearly = fc.constantFrom(
      "2026-02-29",
      "2026-13-01",
      "2026-1-1",
      "2026-12-01T00:00:00Z",
      "20261201",
    );
    return fc.oneof(
      { arbitrary: good, weight: 6 },
      { arbitrary: nearly, weight: 1 },
      { arbitrary: hostile, weight: 2 },
    );
  }
  if (schema.enum) {
    good = fc.constantFrom(...(schema.enum as unknown[]));
    return fc.oneof(
      { arbitrary: good, weight: 6 },
      { arbitrary: fc.string(), weight: 1 },
      { arbitrary: hostile, weight: 1 },
    );
  }
  good = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("0", "1", "c1", "a b&c=d"));
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: hostile, weight: 2 });
}

/** Inputs for an operation: any subset of its fields, sometimes an unknown one, an inherited one, or not an object at all. */
export function inputsFor(model: OperationModel): fc.Arbitrary<unknown> {
  const fields = fc.record(Object.fromEntries(model.inputs.map((i) => [i.name, valuesFor(i.schema)])), {
    requiredKeys: [],
  });
  const plain = fields as fc.Arbitrary<Record<string, unknown>>;
  return fc.oneof(
    { arbitrary: plain, weight: 12 },
    { arbitrary: plain.map((f) => ({ ...f, classIdTypo: 1 })), weight: 1 },
    { arbitrary: plain.map((f) => Object.assign(Object.create(f) as object, {})), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(null, [], "14928", 7, true), weight: 1 },
  );
}
