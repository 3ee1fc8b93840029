/** Helpers that read openapi/openapi.yaml the way a tool would: parsed, with local $refs followed. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const specFile = fileURLToPath(new URL("../openapi/openapi.yaml", import.meta.url));

// The spec is plain data; tests walk it with this loose type.
export type Node = { [key: string]: any };

export function loadSpec(file = specFile): Node {
  return parse(readFileSync(file, "utf8")) as Node;
}

/** Follows a local `$ref` (one level at a time until a non-ref node is reached). */
export function deref(spec: Node, node: Node): Node {
  let current = node;
  for (let hops = 0; typeof current?.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local refs are expected, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Node>((acc, key) => {
        if (acc?.[key] === undefined) throw new Error(`unresolved $ref ${ref}`);
        return acc[key];
      }, spec);
  }
  return current;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** Every operation in the spec, with its method and path. */
export function operations(
  spec: Node,
): Array<{ operationId: string; method: string; path: string; op: Node }> {
  const out = [];
  for (const [path, item] of Object.entries<Node>(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op) out.push({ operationId: op.operationId as string, method, path, op });
    }
  }
  return out;
}

/** The value of the first named example of a media type (its default example), if any. */
export function firstExample(spec: Node, content: Node | undefined): unknown {
  const examples = content?.examples as Record<string, Node> | undefined;
  if (!examples) return undefined;
  const first = Object.values(examples)[0];
  return first ? deref(spec, first).value : undefined;
}

/** A flat client input for an operation, from its parameter examples and request body example. */
export function exampleInput(spec: Node, op: Node): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const ref of op.parameters ?? []) {
    const param = deref(spec, ref);
    if (param.example !== undefined) input[param.name] = param.example;
  }
  const body = firstExample(spec, op.requestBody?.content?.["application/json"]);
  return { ...input, ...(body as Record<string, unknown> | undefined) };
}

/** The default 200 example of an operation, looked up by operationId. */
export function okExample(spec: Node, operationId: string): unknown {
  const found = operations(spec).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return firstExample(spec, deref(spec, found.op.responses["200"]).content?.["application/json"]);
}
