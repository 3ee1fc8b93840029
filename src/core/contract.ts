/**
 * Whether an answer is one the spec documents: its status, and its body against that status's
 * schema. The validate entry offers it to apps; the sandbox checks every answer it builds with it.
 */
import { responses, schemas } from "../../generated/contract.js";
import { violations, type Violation } from "./schema.js";

/** One place where an answer differs from the spec. */
export interface ResponseViolation extends Violation {
  operationId: string;
}

/** Checks one successful answer; throws to refuse it (the client's `validateResponses` option). */
export type ResponseValidator = (answer: { operationId: string; status: number; body: unknown }) => void;

/** Lists where an operation's answer differs from what the spec documents for its status. */
export function checkResponse(operationId: string, status: number, body: unknown): ResponseViolation[] {
  const documented = responses[operationId];
  if (!documented) return [{ operationId, pointer: "", message: "belongs to no operation of the spec" }];
  if (!(String(status) in documented))
    return [{ operationId, pointer: "", message: `has status ${status}, which the spec does not document` }];
  const schema = documented[status];
  if (schema === null)
    return body === undefined
      ? []
      : [{ operationId, pointer: "", message: "must be empty: the spec documents no body" }];
  return violations(schema!, body, schemas).map((v) => ({ operationId, ...v }));
}
