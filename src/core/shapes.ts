/**
 * The shapes of the generated tables (generated/operations.ts and generated/contract.ts), declared
 * once: the generator builds rows of these types, the generated files promise them (`satisfies`
 * or a typed declaration), and the client, client.raw, the sandbox, the validator and the webhook
 * receiver read them without a cast.
 */
import type { OperationId } from "../../generated/operations.js";
import type { operations } from "../../generated/schema.js";
import type { Rule } from "./rules.js";
import type { Schema } from "./schema.js";

/**
 * What one input must be (the spec's own keywords for one parameter or body field, an object's
 * fields included), and where it goes.
 */
export interface InputRule extends Rule {
  in: "path" | "query" | "body";
  type: "integer" | "string" | "boolean" | "object";
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  /**
   * The spec marks the parameter `x-personal-data`: its value points at one customer (a customer
   * or booking id), so what logs and spans show of a URL masks it unless `logBodies` is on.
   */
  personal?: true;
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

type Responses<Id extends OperationId> = operations[Id]["responses"];

/** The JSON body the spec declares for an operation's answer of status S (never: it has none). */
export type AnswerBody<Id extends OperationId, S> = S extends keyof Responses<Id>
  ? Responses<Id>[S] extends { content: { "application/json": infer B } }
    ? B
    : never
  : never;

/** Per operation and documented status, named examples of the answer's body (the first is the default). */
export type ExampleTable = {
  readonly [Id in OperationId]: {
    readonly [S in keyof Responses<Id>]?: Readonly<Record<string, AnswerBody<Id, S>>>;
  };
};

/** Per operation, the schema of each documented answer by status (null: the answer has no body). */
export type ResponseTable = Readonly<Record<string, Readonly<Record<string, Schema | null>>>>;

/** Per operation, the scope its API key needs. */
export type ScopeTable = { readonly [Id in OperationId]: string };

/** Per operation, the defaults of its parameters, which the server applies when a value is left out. */
export type DefaultTable = { readonly [Id in OperationId]: Readonly<Record<string, unknown>> };

/** Per operation that takes a body: the media types it may be sent as, and whether it must be sent. */
export type RequestBodyTable = Readonly<
  Record<string, { readonly mediaTypes: readonly string[]; readonly required: boolean }>
>;

/** Schemas by name (component schemas, request bodies, webhook calls and their payload items). */
export type SchemaTable = Readonly<Record<string, Schema>>;
