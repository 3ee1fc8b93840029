/**
 * Checks a JSON value against a schema of the spec (as generated into generated/contract.ts)
 * and lists every place where it differs, each with a JSON pointer. It never throws: whatever
 * the value, the answer is a list.
 */
import { breaks } from "../call/rules.js";
import { readZonedDateTime } from "../zoned-date-time.js";

/** A schema reduced to the keywords that are checked. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: readonly unknown[];
  required?: readonly string[];
  properties?: Readonly<Record<string, Schema>>;
  items?: Schema;
  /** The name of a component schema. */
  $ref?: string;
  additionalProperties?: boolean;
  minimum?: number;
  maximum?: number;
}

/** One place where a value differs from its schema. */
export interface Violation {
  /** Where, as a JSON pointer into the value ("" is the value itself). */
  pointer: string;
  /** What the spec wants there, e.g. `must be one of BOOKED, WAITING_LIST, got "EXPIRED"`. */
  message: string;
}

/** String formats read the way the API writes them: a date-time may carry a `[zone id]`. */
const FORMATS = { "date-time": (text: string) => readZonedDateTime(text) !== undefined };
const MAX_DEPTH = 64;

/** What kind of value this is, in words; never the value itself (it may be personal data). */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : type === "boolean" ? String(value) : `a ${type}`;
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Every place where `value` breaks `schema`; `schemas` resolves `$ref` names. */
export function violations(schema: Schema, value: unknown, schemas: Readonly<Record<string, Schema>>, pointer = "", depth = 0): Violation[] {
  const out: Violation[] = [];
  const note = (message: string, at = pointer) => out.push({ pointer: at, message });
  let current: Schema | undefined = schema;
  for (let hops = 0; current?.$ref !== undefined && hops < 16; hops++) current = schemas[current.$ref];
  if (!current || current.$ref !== undefined) return [{ pointer, message: `has no schema to check against (${schema.$ref})` }];
  if (depth > MAX_DEPTH) return [{ pointer, message: `nests deeper than ${MAX_DEPTH} levels` }];
  const { type } = current;
  if (type === "object") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      note(`must be an object, got ${kindOf(value)}`);
    } else {
      const object = value as Record<string, unknown>;
      for (const name of current.required ?? []) if (!Object.prototype.hasOwnProperty.call(object, name)) note("is required", `${pointer}/${escape(name)}`);
      for (const [name, field] of Object.entries(object)) {
        const sub = current.properties && Object.prototype.hasOwnProperty.call(current.properties, name) ? current.properties[name] : undefined;
        if (sub) out.push(...violations(sub, field, schemas, `${pointer}/${escape(name)}`, depth + 1));
        else if (current.additionalProperties === false) note("is not a field of the spec", `${pointer}/${escape(name)}`);
      }
    }
  } else if (type === "array") {
    if (!Array.isArray(value)) note(`must be an array, got ${kindOf(value)}`);
    else if (current.items) value.forEach((item, i) => out.push(...violations(current!.items!, item, schemas, `${pointer}/${i}`, depth + 1)));
  } else if (type !== undefined) {
    const problem = breaks({ ...current, type }, value, FORMATS);
    if (problem) {
      // An unknown enum value is shown (enum values are not personal); other values are not.
      const shown = problem.startsWith("must be one of") && typeof value === "string" ? JSON.stringify(value.slice(0, 60)) : kindOf(value);
      note(`${problem}, got ${shown}`);
    }
  }
  return out;
}
