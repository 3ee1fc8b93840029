/**
 * The rule of one input, read from its schema: a scalar's keywords, or an object's fields each
 * with its own rule, nested. Whatever the client could not enforce is refused here, so that the
 * spec never promises a check the client skips.
 */
import type { InputRule } from "../src/core/shapes.js";
import type { Rule } from "../src/core/rules.js";
import { deref, type Node } from "./spec.js";

/** Schema keywords a scalar rule carries; any other validation keyword on an input is refused. */
const RULE_KEYWORDS = ["type", "format", "minimum", "maximum", "enum"] as const;
/** Keywords that only document or default a value; the client does not check them. */
const NOTE_KEYWORDS = new Set([
  "description",
  "default",
  "example",
  "examples",
  "title",
  "deprecated",
  "x-enumDescriptions",
]);
/** Keywords an object rule carries besides `type`. */
const OBJECT_KEYWORDS = new Set(["properties", "required", "additionalProperties"]);
/** Formats the client knows how to check. */
const FORMATS: Record<string, string[]> = { integer: ["int32", "int64"], string: ["date"], boolean: [] };
/**
 * Formats that JSON Schema or OpenAPI define. A string format outside this list ("ISO 639-1") is a
 * label for the reader, not a check: it stays out of the rule. A defined format the client cannot
 * check is refused, so that a spec change never makes a promise the client silently skips.
 */
const DEFINED_FORMATS = new Set(
  "date-time time date duration email idn-email hostname idn-hostname ipv4 ipv6 uri uri-reference iri iri-reference uuid uri-template json-pointer relative-json-pointer regex int32 int64 float double byte binary password".split(
    " ",
  ),
);
/** How deep objects may nest inside a body field. */
const MAX_DEPTH = 4;

/**
 * Reads the rule of one value from its schema (an object's fields too), refusing keywords the
 * client could not enforce.
 */
function ruleOf(spec: Node, name: string, schema: Node, depth: number): Rule {
  const type = schema.type;
  if (type === "object") return objectRule(spec, name, schema, depth);
  if (typeof type !== "string" || !(type in FORMATS))
    throw new Error(`input "${name}": type ${JSON.stringify(type)} is not a scalar type or an object`);
  const label = type === "string" && schema.format !== undefined && !DEFINED_FORMATS.has(schema.format);
  if (schema.format !== undefined && !label && !FORMATS[type]!.includes(schema.format)) {
    throw new Error(`input "${name}": format "${schema.format}" of a ${type} cannot be checked`);
  }
  for (const key of Object.keys(schema)) {
    if (!(RULE_KEYWORDS as readonly string[]).includes(key) && !NOTE_KEYWORDS.has(key)) {
      throw new Error(`input "${name}": the keyword "${key}" cannot be checked by the client`);
    }
  }
  return {
    type,
    ...Object.fromEntries(
      RULE_KEYWORDS.slice(1)
        .filter((key) => schema[key] !== undefined && !(key === "format" && label))
        .map((key) => [key, schema[key]]),
    ),
  };
}

/** The rule of an object: each field's rule, the fields it must have, and whether others are refused. */
function objectRule(spec: Node, name: string, schema: Node, depth: number): Rule {
  if (depth >= MAX_DEPTH) throw new Error(`input "${name}": objects nest deeper than ${MAX_DEPTH} levels`);
  for (const key of Object.keys(schema)) {
    if (key !== "type" && !OBJECT_KEYWORDS.has(key) && !NOTE_KEYWORDS.has(key)) {
      throw new Error(`input "${name}": the keyword "${key}" cannot be checked by the client`);
    }
  }
  if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== "boolean")
    throw new Error(`input "${name}": only a true or false additionalProperties can be checked`);
  const properties: Record<string, Rule> = {};
  for (const [field, sub] of Object.entries<Node>(schema.properties ?? {}))
    properties[field] = ruleOf(spec, `${name}.${field}`, deref(spec, sub), depth + 1);
  const required: string[] = schema.required ?? [];
  for (const field of required)
    if (!(field in properties)) throw new Error(`input "${name}": required field "${field}" has no schema`);
  return {
    type: "object",
    properties,
    ...(required.length && { required }),
    ...(schema.additionalProperties === false && { closed: true }),
  };
}

/** Reads the rule of one input from its schema, refusing keywords the client could not enforce. */
export function inputRule(where: InputRule["in"], name: string, schema: Node, spec: Node = {}): InputRule {
  return { in: where, ...ruleOf(spec, name, schema, 0) } as InputRule;
}
