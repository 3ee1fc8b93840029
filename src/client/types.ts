/** Input and output types of each operation, derived from generated/schema.d.ts. */
import type { Client } from "openapi-fetch";
import type { operations as Operations, paths } from "../../generated/schema.js";
import type { operations as table } from "../../generated/operations.js";
import type { OperationDocs } from "../../generated/docs.js";
import type { CallOptions } from "./options.js";

export type OperationId = keyof typeof table & keyof Operations;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** A parameter group the spec may leave out (`never` or optional) as a plain object. */
type Group<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;
type JsonBody<T> = T extends { requestBody: { content: { "application/json": infer B } } } ? B : {};

/** The one flat object a method takes: path, query and body fields together. */
export type OperationInput<K extends OperationId> = Simplify<
  Group<Operations[K]["parameters"]["path"]> &
    Group<Operations[K]["parameters"]["query"]> &
    JsonBody<Operations[K]>
>;

/** What a method resolves to: the 200 body, or undefined when the 200 answer has none. */
export type OperationOutput<K extends OperationId> = Operations[K]["responses"] extends {
  200: { content: { "application/json": infer R } };
}
  ? R
  : undefined;

/** A method of the client; the input may be left out when none of its fields is required. */
export type OperationMethod<K extends OperationId> =
  {} extends OperationInput<K>
    ? (input?: OperationInput<K>, options?: CallOptions) => Promise<OperationOutput<K>>
    : (input: OperationInput<K>, options?: CallOptions) => Promise<OperationOutput<K>>;

/** The operations whose 200 answer is a slice. */
export type SlicedOperationId = {
  [K in OperationId]: (typeof table)[K] extends { sliced: true } ? K : never;
}[OperationId];

/** The item type of a sliced operation. */
export type SliceItem<K extends SlicedOperationId> =
  OperationOutput<K> extends { result: Array<infer I> } ? I : never;

export type Paginator<K extends SlicedOperationId> = (
  input?: OperationInput<K>,
  options?: CallOptions,
) => AsyncGenerator<SliceItem<K>, void, undefined>;

/** The openapi-fetch client for `{ data, error, response }` calls, on the same transport and auth. */
export type RawClient = Omit<Client<paths>, "use" | "eject">;

/** A method that resolves to the body and the answer it came in (status, headers). */
export type OperationWithResponse<K extends OperationId> = (
  ...args: Parameters<OperationMethod<K>>
) => Promise<{ data: OperationOutput<K>; response: Response }>;

// The method maps below are mapped over `keyof OperationDocs` (generated from the spec, one
// commented member per operation), not over OperationId: a mapped type over an interface's keys
// keeps each member's comment, so editors show the spec's text on hover.

/** The methods, one per operation. */
type Methods = { readonly [K in keyof OperationDocs]: OperationMethod<OperationDocs[K]> };
/** The paginators, one per sliced operation. */
type Paginators = {
  readonly [K in keyof OperationDocs as OperationDocs[K] extends SlicedOperationId ? K : never]: Paginator<
    Extract<OperationDocs[K], SlicedOperationId>
  >;
};
/** The methods that also resolve to the answer. */
type WithResponse = { readonly [K in keyof OperationDocs]: OperationWithResponse<OperationDocs[K]> };

export type ClassBookingClient = Methods & {
  /** Async iterators over every item of each sliced operation. */
  readonly paginate: Paginators;
  /** Every method again, resolving to `{ data, response }`: the body and the answer's status and headers. */
  readonly withResponse: WithResponse;
  readonly raw: RawClient;
};
