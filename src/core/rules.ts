/**
 * Checks one value against the rule the spec gives it: a scalar's type, format, minimum, maximum
 * and enum, and an object's fields, each by its own rule. The rules come from the generated
 * operation table; nothing here knows a field by name.
 */
import { isCalendarDate } from "./calendar.js";

/** A scalar rule in the spec's own JSON Schema keywords: an integer, a string or a boolean. */
export interface ScalarRule {
  type: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly unknown[];
}

/** A rule in the spec's own JSON Schema keywords: a scalar's, or an object's with a rule per field. */
export interface Rule extends ScalarRule {
  /** An object's fields, each with its rule (a field not listed is let through unless `closed`). */
  properties?: Readonly<Record<string, Rule>>;
  /** The fields an object must have. */
  required?: readonly string[];
  /** The object refuses fields it does not list (`additionalProperties: false`). */
  closed?: boolean;
}

/** Where a value inside an input breaks its rule: the dotted path to it, and what is wrong. */
export interface Fault {
  path: string;
  /** "is missing", "is not a field" or a phrase such as "must be a string". */
  problem: string;
  value: unknown;
}

/**
 * The first place where `value`, found at `path`, breaks `rule`: the value itself, or for an
 * object a field that is missing, not allowed, or breaks its own rule (depth first, in the
 * rule's order). Undefined when everything obeys. A field whose value is undefined counts as
 * left out, as JSON leaves it out.
 */
export function faultIn(rule: Rule, value: unknown, path: string): Fault | undefined {
  if (rule.type !== "object") {
    const problem = breaks(rule, value);
    return problem ? { path, problem, value } : undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { path, problem: "must be an object", value };
  const fields = value as Record<string, unknown>;
  const listed = rule.properties ?? {};
  for (const name of rule.required ?? [])
    if (fields[name] === undefined)
      return { path: `${path}.${name}`, problem: "is missing", value: undefined };
  for (const name of Object.keys(fields)) {
    if (fields[name] === undefined) continue;
    if (!Object.hasOwn(listed, name)) {
      if (rule.closed) return { path: `${path}.${name}`, problem: "is not a field", value: fields[name] };
      continue;
    }
    const inner = faultIn(listed[name]!, fields[name], `${path}.${name}`);
    if (inner) return inner;
  }
  return undefined;
}

/** int64 is what JavaScript can carry exactly: a safe integer. */
const SAFE = Number.MAX_SAFE_INTEGER;
const INT32 = 2 ** 31;

/** The bounds an integer rule allows: its minimum and maximum within what its format can carry. */
function bounds(rule: ScalarRule): [low: number, high: number] {
  const [low, high] = rule.format === "int32" ? [-INT32, INT32 - 1] : [-SAFE, SAFE];
  return [Math.max(rule.minimum ?? low, low), Math.min(rule.maximum ?? high, high)];
}

/** What a value of `rule` must be, in words (only needed once a value broke it). */
function wanted(rule: ScalarRule): string {
  switch (rule.type) {
    case "integer": {
      const [lo, hi] = bounds(rule);
      const kind = rule.format === "int32" ? "an integer" : "a safe integer";
      if (lo === -SAFE) return hi === SAFE ? kind : `${kind} of at most ${hi}`;
      return hi === SAFE ? `${kind} of at least ${lo}` : `an integer from ${lo} to ${hi}`;
    }
    case "boolean":
      return "true or false";
    case "object":
      return "an object";
    default:
      return rule.format === "date"
        ? "a calendar date as YYYY-MM-DD"
        : rule.format
          ? `a string in ${rule.format} form`
          : "a string";
  }
}

/**
 * Says what `value` must be when it breaks `rule` (a phrase such as "must be an integer from 10
 * to 100"), or undefined when it obeys. `formats` checks string formats other than `date`.
 */
export function breaks(
  rule: ScalarRule,
  value: unknown,
  formats?: Record<string, (text: string) => boolean>,
): string | undefined {
  let ok = false;
  switch (rule.type) {
    case "integer": {
      if (Number.isSafeInteger(value)) {
        const [lo, hi] = bounds(rule);
        ok = (value as number) >= lo && (value as number) <= hi;
      }
      break;
    }
    case "boolean":
      ok = typeof value === "boolean";
      break;
    case "string": {
      const check =
        rule.format === "date"
          ? isCalendarDate
          : rule.format === undefined
            ? undefined
            : (formats?.[rule.format] ?? (() => true));
      // A lone surrogate cannot be sent (as UTF-8 or in a URL), so it is no string of the API's.
      if (typeof value === "string" && /\p{Surrogate}/u.test(value))
        return "must be well-formed Unicode (it has a lone surrogate)";
      ok = typeof value === "string" && (!check || check(value));
      break;
    }
    default:
      return undefined;
  }
  if (!ok) return `must be ${wanted(rule)}`;
  return rule.enum && !rule.enum.includes(value) ? `must be one of ${rule.enum.join(", ")}` : undefined;
}

/**
 * A short, safe rendering of a value for a message: a string is cut after `chars` characters (40
 * unless told).
 */
export function show(value: unknown, chars = 40): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > chars ? `${value.slice(0, chars)}...` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  return String(value);
}
