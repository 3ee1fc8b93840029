/**
 * Checks a JSON value against a schema of the spec (as generated into generated/contract.ts)
 * and lists every place where it differs, each with a JSON pointer. It never throws: whatever
 * the value, the answer is a list.
 */
import { breaks } from "./rules.js";
import { readZonedDateTime } from "./zoned-date-time.js";

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
  maxLength?: number;
  maxItems?: number;
}

/** How lenient a check is; both default to false (the spec read strictly). */
export interface CheckOptions {
  /**
   * Any integer JSON can name within ±2^63 passes an int64 (not only a safe integer): for what the
   * API sends, where a larger id must still be received, if not exactly.
   */
  wideInt64?: boolean;
  /** An optional field that is `null` counts as left out (as some JSON writers send it). */
  nullAsAbsent?: boolean;
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

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** What kind of value this is, in words; never the value itself (it may be personal data). */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : type === "boolean" ? String(value) : `a ${type}`;
}

/** A key as a segment of a JSON pointer (RFC 6901: `~` as `~0`, `/` as `~1`). */
const pointerSegment = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
/** The key a segment of a JSON pointer names. */
export const keyOfSegment = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * Whether a number is an integer that int64 holds, as far as a JSON number can tell (within ±2^63,
 * maybe rounded).
 */
export function withinInt64(value: unknown): value is number {
  return Number.isInteger(value) && Math.abs(value as number) <= 2 ** 63;
}

/** Every place where `value` breaks `schema`; `schemas` resolves `$ref` names. */
export function violations(
  schema: Schema,
  value: unknown,
  schemas: Readonly<Record<string, Schema>>,
  options: CheckOptions = {},
): Violation[] {
  return countViolations(schema, value, schemas, options).found;
}

/**
 * The first `keep` places where `value` breaks `schema`, and how many there are in all (memory
 * bounded by `keep`).
 */
export function countViolations(
  schema: Schema,
  value: unknown,
  schemas: Readonly<Record<string, Schema>>,
  options: CheckOptions = {},
  keep = Infinity,
): { found: Violation[]; count: number } {
  const sink: Sink = { found: [], count: 0, keep };
  walk(schema, value, schemas, options, "", 0, sink);
  return { found: sink.found, count: sink.count };
}

/** Where a check's violations go: the first `keep` are kept, all are counted. */
interface Sink {
  found: Violation[];
  count: number;
  keep: number;
}

/** Counts a string's characters as JSON Schema does (code points), stopping once past `limit`. */
function longerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  if (text.length > 2 * limit) return true;
  let count = 0;
  for (const _ of text) if (++count > limit) return true;
  return false;
}

/** An integer beyond the safe range but within int64, where the rule sets no other bound. */
function isWideInt64(rule: Schema, value: unknown): boolean {
  const plain = rule.minimum === undefined && rule.maximum === undefined && rule.enum === undefined;
  return plain && withinInt64(value);
}

function walk(
  schema: Schema,
  value: unknown,
  schemas: Readonly<Record<string, Schema>>,
  options: CheckOptions,
  pointer: string,
  depth: number,
  sink: Sink,
): void {
  const note = (message: string, at = pointer) => {
    sink.count++;
    if (sink.found.length < sink.keep) sink.found.push({ pointer: at, message });
  };
  let current: Schema | undefined = schema;
  for (let hops = 0; current?.$ref !== undefined && hops < 16; hops++) current = schemas[current.$ref];
  if (!current || current.$ref !== undefined) return note(`has no schema to check against (${schema.$ref})`);
  if (depth > MAX_DEPTH) return note(`nests deeper than ${MAX_DEPTH} levels`);
  const { type } = current;
  if (type === "object") {
    if (!isObject(value)) {
      note(`must be an object, got ${kindOf(value)}`);
    } else {
      const object = value;
      const required = current.required ?? [];
      for (const name of required)
        if (!Object.prototype.hasOwnProperty.call(object, name))
          note("is required", `${pointer}/${pointerSegment(name)}`);
      for (const [name, field] of Object.entries(object)) {
        const sub =
          current.properties && Object.prototype.hasOwnProperty.call(current.properties, name)
            ? current.properties[name]
            : undefined;
        if (field === null && options.nullAsAbsent && !required.includes(name)) continue;
        if (sub) walk(sub, field, schemas, options, `${pointer}/${pointerSegment(name)}`, depth + 1, sink);
        else if (current.additionalProperties === false)
          note("is not a field of the spec", `${pointer}/${pointerSegment(name)}`);
      }
    }
  } else if (type === "array") {
    if (!Array.isArray(value)) note(`must be an array, got ${kindOf(value)}`);
    else {
      if (current.maxItems !== undefined && value.length > current.maxItems)
        note(`must have at most ${current.maxItems} items, got ${value.length}`);
      if (current.items)
        value.forEach((item, i) =>
          walk(current!.items!, item, schemas, options, `${pointer}/${i}`, depth + 1, sink),
        );
    }
  } else if (
    options.wideInt64 &&
    type === "integer" &&
    current.format === "int64" &&
    isWideInt64(current, value)
  ) {
    // Within int64 as far as a JSON number can tell; a receiver notes the lost precision itself.
  } else if (type !== undefined) {
    const problem = breaks({ ...current, type }, value, FORMATS);
    if (problem) {
      // An unknown enum value is shown (enum values are not personal); other values are not.
      const shown =
        problem.startsWith("must be one of") && typeof value === "string"
          ? JSON.stringify(value.slice(0, 60))
          : kindOf(value);
      note(`${problem}, got ${shown}`);
    } else if (
      typeof value === "string" &&
      current.maxLength !== undefined &&
      longerThan(value, current.maxLength)
    ) {
      note(`must be at most ${current.maxLength} characters long, got a longer string`);
    }
  }
}

/**
 * Violations in words, for a message: "/a/b must be an integer; /c is required", at most `keep`
 * of them, and how many more there were (`count`, when only some were kept). Never a value.
 */
export function describeViolations(found: readonly Violation[], count = found.length, keep = 5): string {
  const listed = found
    .slice(0, keep)
    .map((v) => `${v.pointer || "(the body)"} ${v.message}`)
    .join("; ");
  return count > Math.min(found.length, keep)
    ? `${listed} (and ${count - Math.min(found.length, keep)} more)`
    : listed;
}
