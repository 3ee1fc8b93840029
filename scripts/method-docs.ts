/**
 * Renders generated/docs.ts: one interface member per operation, each with a TSDoc comment
 * written from the spec (summary, description with its scope, the statuses the method throws
 * for, an example call). The client's method types are mapped over this interface's keys
 * (src/client/types.ts), and TypeScript carries a mapped member's comment along, so an editor
 * shows this text when the pointer rests on `client.<op>`, `client.paginate.<op>` or
 * `client.withResponse.<op>`.
 */
import { sampleInput } from "./docs.js";
import { header } from "./render.js";
import { deref, operations as specOperations, type Node } from "./spec.js";

/** Text safe inside a block comment: a `*\/` would end it early. */
const commentSafe = (text: string) => text.replace(/\*\//g, "*\\/");

/** The call an example shows: the spec's example values, less those the server takes by default. */
function callArguments(spec: Node, op: Node): string {
  const entries = Object.entries(sampleInput(spec, op)).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return entries.length ? `{ ${entries.join(", ")} }` : "";
}

/** The lines of one operation's comment, without the comment's own markers. */
export function methodDocLines(spec: Node, operationId: string, method: string, path: string, op: Node) {
  if (typeof op.summary !== "string" || !op.summary.trim())
    throw new Error(`${operationId}: a summary is needed for the method's documentation`);
  const summary = op.summary.trim().replace(/([^.!?])$/, "$1.");
  const description = String(op.description ?? "").trim();
  const failures = Object.entries<Node>(op.responses ?? {}).filter(([status]) => !/^2\d\d$/.test(status));
  const ok = deref(spec, op.responses?.["200"] ?? op.responses?.["204"] ?? {});
  const args = callArguments(spec, op);
  const example = ok.content
    ? [`const result = await client.${operationId}(${args});`]
    : [`await client.${operationId}(${args}); // resolves to undefined: the answer has no body`];
  const okSchema = ok.content && deref(spec, ok.content["application/json"]?.schema ?? {});
  if (okSchema?.properties?.hasNext && okSchema.properties.offset) {
    example.push(`for await (const item of client.paginate.${operationId}(${args})) console.log(item);`);
  }
  return [
    summary,
    "",
    ...description.split("\n"),
    "",
    `Sends \`${method.toUpperCase()} ${path}\`.`,
    "",
    ...failures.map(
      ([status, response]) =>
        `@throws {ApiError} ${status}: ${String(deref(spec, response).description ?? "")
          .replace(/\s+/g, " ")
          .trim()}`,
    ),
    "@example",
    "```ts",
    ...example,
    "```",
  ].map(commentSafe);
}

/** Renders generated/docs.ts. */
export function renderMethodDocs(spec: Node): string {
  const members = specOperations(spec).flatMap(({ operationId, method, path, op }) => [
    "  /**",
    ...methodDocLines(spec, operationId, method, path, op).map((line) => (line ? `   * ${line}` : "   *")),
    "   */",
    `  ${operationId}: ${JSON.stringify(operationId)};`,
  ]);
  return [
    `${header("method docs")}/**`,
    " * Every operation by its operationId, with the spec's words about it as the member's comment.",
    " * The client's methods are typed as a mapped type over these names, so editors show the",
    " * comment on hover. Each member's type is its own operationId.",
    " */",
    "export interface OperationDocs {",
    ...members,
    "}",
    "",
  ].join("\n");
}
