/** What the contract tests send and expect, read from the spec's own examples. */
import {
  deref,
  exampleInput,
  firstExample as first,
  loadSpec,
  operations,
  type Node,
} from "../../scripts/spec.js";

export const spec = loadSpec();

/** An error status of an operation with the errorCode and traceId of its (first) example. */
export interface ErrorExample {
  status: number;
  errorCode: string;
  traceId: string;
}

export interface ExampleCall {
  operationId: string;
  method: string;
  path: string;
  /** The flat client input built from the parameter and request body examples. */
  input: Record<string, unknown>;
  /** The default (first) 200 example, or undefined when the 200 answer has no body. */
  expected: unknown;
  /** The 200 schema, for validating generated answers. */
  schema: Node | undefined;
  /** Every documented error status with its example's ids. */
  errors: ErrorExample[];
}

const firstExample = (content: Node | undefined) => first(spec, content);

export const calls: ExampleCall[] = operations(spec).map(({ operationId, method, path, op }) => {
  const input = exampleInput(spec, op);
  const ok = deref(spec, op.responses["200"]).content?.["application/json"];
  const errors = Object.entries<Node>(op.responses)
    .filter(([status]) => status !== "200")
    .map(([status, ref]) => {
      const value = firstExample(deref(spec, ref).content["application/json"]) as {
        errorCode: string;
        traceId: string;
      };
      return { status: Number(status), errorCode: value.errorCode, traceId: value.traceId };
    });
  return { operationId, method, path, input, expected: firstExample(ok), schema: ok?.schema, errors };
});

/** The error example an operation documents for a status. */
export function errorExample(operationId: string, status: number): ErrorExample {
  return calls.find((c) => c.operationId === operationId)!.errors.find((e) => e.status === status)!;
}
