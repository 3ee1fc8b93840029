/**
 * The shapes of the generated operation table (generated/operations.ts), declared once: the
 * generator builds rows of these types, the generated file promises them (`satisfies`), and the
 * client, client.raw and the sandbox read them through core/spec.ts.
 */
import type { Rule } from "./rules.js";

/** What one input must be (the spec's own keywords for one parameter or body field), and where it goes. */
export interface InputRule extends Rule {
  in: "path" | "query" | "body";
  type: "integer" | "string" | "boolean";
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
}

/** One operation as the client and the sandbox need it; every key a row may have. */
export interface OperationRow {
  method: string;
  path: string;
  inputs: Readonly<Record<string, InputRule>>;
  /** Query and body inputs that must be given (path inputs always must). */
  required?: readonly string[];
  /** The spec marks it `x-idempotent`: safe to send twice whatever its method. */
  idempotent?: boolean;
  /** Its 200 answer is a slice that paginate can walk. */
  sliced?: boolean;
  /** Its 200 answer carries a JSON body. */
  json?: boolean;
}
