/**
 * One operation's flat input, checked against the generated rules and turned into the request:
 * path values into their segments, query values into the query string, body fields into JSON.
 */
import { ClassBookingError } from "../../core/errors.js";
import { faultIn, show, type Fault } from "../../core/rules.js";
import { isPlainSegment, type InputRule, type OperationRow } from "../../core/spec.js";

/** The part of a request the input decides: path with query string, and the JSON body. */
export interface Prepared {
  path: string;
  body: string | undefined;
}

/**
 * A fault in words. A value inside an object (a lead's details), or given where an object
 * belongs, is the caller's customer data: the message names only its kind, unless it is an enum
 * value that the spec does not list.
 */
function faultText({ path, problem, value }: Fault, name: string): string {
  if (problem === "is missing") return `missing required input "${path}"`;
  if (problem === "is not a field") return `unknown input "${path}" (the object takes no other fields)`;
  const personal = path !== name || problem === "must be an object";
  const shown =
    personal && !(problem.startsWith("must be one of") && typeof value === "string")
      ? kindOf(value)
      : show(value);
  return `input "${path}" ${problem}, got ${shown}`;
}

/** The kind of a value, for a message that must not show the value itself. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const kind = typeof value;
  return kind === "object" ? "an object" : `a ${kind}`;
}

/** Makes the function that checks an operation's input and prepares the request from it. */
export function inputPreparer(operationId: string, row: OperationRow): (input: unknown) => Prepared {
  const names = Object.keys(row.inputs);
  const where = (place: InputRule["in"]) => names.filter((name) => row.inputs[name]!.in === place);
  const query = where("query");
  const body = where("body");
  const required = [...where("path"), ...(row.required ?? [])];
  // "/v1/classes/{classId}/slots" -> ["/v1/classes/", "classId", "/slots"]: odd places are names.
  const template = row.path.split(/\{([^}]+)\}/);
  const fail = (problem: string) => new ClassBookingError(`${operationId}: ${problem}`, { operationId });

  return (input) => {
    const given = (input === undefined ? {} : input) as Record<string, unknown>;
    if (typeof given !== "object" || given === null || Array.isArray(given))
      throw fail(`the input must be an object of named fields, got ${show(input)}`);
    // Only the input's own fields count (and are read once); anything inherited is not the caller's input.
    const own: Record<string, unknown> = {};
    for (const name of Object.keys(given)) {
      if (!Object.hasOwn(row.inputs, name))
        throw fail(`unknown input "${name}" (the inputs are: ${names.join(", ") || "none"})`);
      const value = given[name];
      const fault = value === undefined ? undefined : faultIn(row.inputs[name]!, value, name);
      if (fault) throw fail(faultText(fault, name));
      own[name] = value;
    }
    for (const name of required) if (own[name] === undefined) throw fail(`missing required input "${name}"`);

    let path = template[0]!;
    for (let i = 1; i < template.length; i += 2) {
      const segment = encodeURIComponent(String(own[template[i]!]));
      // A second line behind the rules: a value may never step out of its own segment.
      if (!isPlainSegment(segment))
        throw fail(`input "${template[i]}" cannot be a path segment, got ${show(own[template[i]!])}`);
      path += segment + template[i + 1];
    }
    let separator = "?";
    for (const name of query) {
      const value = own[name];
      if (value === undefined) continue;
      path += `${separator}${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
      separator = "&";
    }
    if (!body.length) return { path, body: undefined };
    const json: Record<string, unknown> = {};
    for (const name of body) if (own[name] !== undefined) json[name] = own[name];
    return { path, body: JSON.stringify(json) };
  };
}
