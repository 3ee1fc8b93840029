/** What the contract tests send and expect, read from the spec's own examples. */
import { deref, exampleInput, firstExample as first, loadSpec, operations, type Node } from "../../scripts/spec.js";

export const spec = loadSpec();

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
}

const firstExample = (content: Node | undefined) => first(spec, content);

export const calls: ExampleCall[] = operations(spec).map(({ operationId, method, path, op }) => {
  const input = exampleInput(spec, op);
  const ok = deref(spec, op.responses["200"]).content?.["application/json"];
  return { operationId, method, path, input, expected: firstExample(ok), schema: ok?.schema };
});

/** Each error status with the errorCode and traceId of its shared example. */
export const errorExamples = Object.entries<Node>(spec.paths["/v1/classes"].get.responses)
  .filter(([status]) => status !== "200")
  .map(([status, ref]) => {
    const value = firstExample(deref(spec, ref).content["application/json"]) as { errorCode: string; traceId: string };
    return { status: Number(status), errorCode: value.errorCode, traceId: value.traceId };
  });
