/**
 * Checks one scalar value against the rule the spec gives it (type, format, minimum, maximum,
 * enum). The rules come from the generated operation table; nothing here knows a field by name.
 */

/** A scalar rule in the spec's own JSON Schema keywords. */
export interface Rule {
  type: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly unknown[];
}

/** int64 is what JavaScript can carry exactly: a safe integer. */
const SAFE = Number.MAX_SAFE_INTEGER;
const INT32 = 2 ** 31;

/** Days in a month of the proleptic Gregorian calendar (month 1 to 12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);
}

/** Whether text is a full-date of RFC 3339 (YYYY-MM-DD) naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  return !!m && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= daysInMonth(+m[1]!, +m[2]!);
}

function integerRule(rule: Rule): [low: number, high: number, text: string] {
  const [low, high] = rule.format === "int32" ? [-INT32, INT32 - 1] : [-SAFE, SAFE];
  const lo = Math.max(rule.minimum ?? low, low);
  const hi = Math.min(rule.maximum ?? high, high);
  const safe = rule.format !== "int32" ? "a safe integer" : "an integer";
  const text =
    lo === -SAFE && hi === SAFE
      ? "a safe integer"
      : lo === -SAFE
        ? `${safe} of at most ${hi}`
        : hi === SAFE
          ? `${safe} of at least ${lo}`
          : `an integer from ${lo} to ${hi}`;
  return [lo, hi, text];
}

/**
 * Says what `value` must be when it breaks `rule` (a phrase such as "must be an integer from 10
 * to 100"), or undefined when it obeys. `formats` checks string formats other than `date`.
 */
export function breaks(rule: Rule, value: unknown, formats?: Record<string, (text: string) => boolean>): string | undefined {
  let ok: boolean;
  let what: string;
  switch (rule.type) {
    case "integer": {
      const [lo, hi, text] = integerRule(rule);
      ok = Number.isSafeInteger(value) && (value as number) >= lo && (value as number) <= hi;
      what = text;
      break;
    }
    case "number":
      ok = typeof value === "number" && Number.isFinite(value) && value >= (rule.minimum ?? -Infinity) && value <= (rule.maximum ?? Infinity);
      what = "a finite number" + (rule.minimum !== undefined || rule.maximum !== undefined ? ` from ${rule.minimum ?? "-Infinity"} to ${rule.maximum ?? "Infinity"}` : "");
      break;
    case "boolean":
      ok = typeof value === "boolean";
      what = "true or false";
      break;
    case "string": {
      const check = rule.format === "date" ? isCalendarDate : rule.format !== undefined ? formats?.[rule.format] : undefined;
      // A lone surrogate cannot be sent (as UTF-8 or in a URL), so it is no string of the API's.
      ok = typeof value === "string" && !/\p{Surrogate}/u.test(value) && (!check || check(value));
      what = !check ? "a string of well-formed Unicode" : rule.format === "date" ? "a calendar date as YYYY-MM-DD" : `a string in ${rule.format} form`;
      break;
    }
    default:
      return undefined;
  }
  if (ok && rule.enum && !rule.enum.includes(value)) return `must be one of ${rule.enum.join(", ")}`;
  return ok ? undefined : `must be ${what}`;
}

/** A short, safe rendering of a value for a message: never more than about 40 characters. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  return String(value);
}
