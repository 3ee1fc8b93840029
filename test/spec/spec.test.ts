import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { deref, loadSpec, operations, repoRoot, specFile, type Node } from "../helpers/spec.js";
import { ERROR_STATUSES, OPERATIONS, SCHEMAS } from "./facts.js";

const spec = loadSpec();
const redocly = path.join(repoRoot, "node_modules", ".bin", "redocly");
const tmp = mkdtempSync(path.join(tmpdir(), "cba-spec-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function runRedocly(args: string[]) {
  const res = spawnSync(redocly, args, { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });
  if (res.error) throw new Error(`could not run redocly (npm ci installs it): ${res.error.message}`);
  return res;
}

describe("the spec as a whole", () => {
  it("lints with no error and no warning under redocly.yaml", () => {
    const res = runRedocly(["lint", specFile, "--format=json"]);
    const report = JSON.parse(res.stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals, res.stdout).toEqual(expect.objectContaining({ errors: 0, warnings: 0 }));
    expect(res.status).toBe(0);
  });

  it("bundles into one dereferenced document", () => {
    const out = path.join(tmp, "bundled.yaml");
    const res = runRedocly(["bundle", specFile, "--dereferenced", "-o", out]);
    expect(res.status, res.stderr).toBe(0);
    const bundled = parse(readFileSync(out, "utf8")) as Node;
    expect(bundled.openapi).toBe("3.1.0");
    const book = bundled.paths["/v1/classes/booking/book"].post;
    expect(book.responses["409"].content["application/json"].schema.required).toEqual(["errorMessage"]);
  });

  it("is OpenAPI 3.1.0, version 1.12.1, with the demo and tenant servers", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.version).toBe("1.12.1");
    expect(spec.servers.map((s: Node) => s.url)).toEqual([
      "https://open-api-demo.open-api.magicline.com",
      "https://{tenant}.open-api.magicline.com",
    ]);
    expect(spec.servers[1].variables.tenant.default).toBeTypeOf("string");
  });

  it("requires the X-API-KEY header on every operation", () => {
    expect(spec.components.securitySchemes.ApiKeyAuth).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-API-KEY",
    });
    expect(spec.security).toEqual([{ ApiKeyAuth: [] }]);
    for (const { operationId, op } of operations(spec)) {
      expect(op.security, `${operationId} must not override global security`).toBeUndefined();
    }
  });

  it("has exactly the operations of the fact table", () => {
    const inSpec = operations(spec).map((o) => `${o.method.toUpperCase()} ${o.path} ${o.operationId}`);
    const expected = OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path} ${o.operationId}`);
    expect(inSpec.sort()).toEqual(expected.sort());
  });
});

describe.each(OPERATIONS)("operation $operationId", (fact) => {
  const op: Node = spec.paths?.[fact.path]?.[fact.method] ?? {};

  it(`is ${fact.method.toUpperCase()} ${fact.path} tagged Classes`, () => {
    expect(op.operationId).toBe(fact.operationId);
    expect(op.tags).toEqual(["Classes"]);
    expect(op.summary).toBeTypeOf("string");
  });

  it(`starts its description with the scope ${fact.scope}`, () => {
    expect(op.description).toMatch(new RegExp(`^Required scope: \`${fact.scope}\`\\.`));
  });

  it("declares exactly the documented parameters", () => {
    const params = (op.parameters ?? []).map((p: Node) => deref(spec, p));
    const seen = params.map((p: Node) => ({
      name: p.name,
      in: p.in,
      required: p.required ?? false,
      type: p.schema.type,
      ...(p.schema.format ? { format: p.schema.format } : {}),
    }));
    expect(seen).toEqual(fact.params);
  });

  it(fact.body ? `takes a required JSON body ${fact.body}` : "takes no request body", () => {
    if (!fact.body) return expect(op.requestBody).toBeUndefined();
    expect(op.requestBody.required).toBe(true);
    expect(Object.keys(op.requestBody.content)).toEqual(["application/json"]);
    expect(op.requestBody.content["application/json"].schema).toEqual({
      $ref: `#/components/schemas/${fact.body}`,
    });
  });

  it("answers 200 with the documented body", () => {
    const ok = op.responses["200"];
    if (fact.ok === "no body") return expect(ok.content).toBeUndefined();
    const schema = ok.content["application/json"].schema;
    if ("arrayOf" in fact.ok) {
      expect(schema).toEqual({ type: "array", items: { $ref: `#/components/schemas/${fact.ok.arrayOf}` } });
    } else {
      expect(schema).toEqual({ $ref: `#/components/schemas/${fact.ok.schema}` });
    }
  });

  it("declares 200 and the seven error statuses, nothing else", () => {
    expect(Object.keys(op.responses).sort()).toEqual(["200", ...ERROR_STATUSES].sort());
  });

  it.each(ERROR_STATUSES)("answers %s through the shared response and ErrorResponse", (status) => {
    const ref: string | undefined = op.responses[status]?.$ref;
    expect(ref, `${status} must be a $ref to components/responses`).toMatch(/^#\/components\/responses\/\w+$/);
    const shared = deref(spec, op.responses[status]);
    expect(shared.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
  });

  it("has a named example on every response with content", () => {
    for (const [status, response] of Object.entries<Node>(op.responses)) {
      const content = deref(spec, response).content?.["application/json"];
      if (!content) continue;
      expect(Object.keys(content.examples ?? {}).length, `${status} example`).toBeGreaterThan(0);
    }
  });
});

describe("every shared error response", () => {
  const shared = Object.entries<Node>(spec.components.responses ?? {});

  it("is used once per error status, one entry per status", () => {
    const statusOf = new Map<string, Set<string>>();
    for (const { op } of operations(spec)) {
      for (const status of ERROR_STATUSES) {
        const ref = String(op.responses[status]?.$ref);
        statusOf.set(ref, (statusOf.get(ref) ?? new Set()).add(status));
      }
    }
    for (const [ref, statuses] of statusOf) expect([...statuses], ref).toHaveLength(1);
    expect(statusOf.size).toBe(ERROR_STATUSES.length);
  });

  it.each(shared)("%s has an example with errorMessage, errorCode and traceId", (_name, response) => {
    const examples = Object.values<Node>(response.content["application/json"].examples);
    expect(examples.length).toBeGreaterThan(0);
    for (const { value } of examples) {
      expect(value.errorMessage).toBeTypeOf("string");
      expect(value.errorCode).toMatch(/^[A-Z_]+$/);
      expect(value.traceId).toMatch(/^\d{10,20}$/);
    }
  });

  it("traceIds differ between statuses so a test can tell them apart", () => {
    const ids = shared.flatMap(([, r]) =>
      Object.values<Node>(r.content["application/json"].examples).map((e) => e.value.traceId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(Object.entries(SCHEMAS))("schema %s", (name, fields) => {
  const schema: Node = spec.components.schemas?.[name] ?? {};

  it("is an object with exactly the documented fields and required list", () => {
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(fields).sort());
    const required = Object.entries(fields).filter(([, f]) => f.required).map(([k]) => k);
    expect([...(schema.required ?? [])].sort()).toEqual(required.sort());
  });

  it.each(Object.entries(fields))("field %s has the documented type, format, enum and flags", (field, f) => {
    const prop: Node = schema.properties?.[field] ?? {};
    if (f.ref) {
      expect(prop.$ref).toBe(`#/components/schemas/${f.ref}`);
      return;
    }
    expect(prop.type).toBe(f.type);
    expect(prop.format).toBe(f.format);
    expect(prop.enum).toEqual(f.enum);
    expect(prop.deprecated ?? false).toBe(f.deprecated ?? false);
    if (f.itemsRef) expect(prop.items).toEqual({ $ref: `#/components/schemas/${f.itemsRef}` });
  });
});

describe("examples tell one story", () => {
  const example = (path: string, method: string, status = "200", name?: string) => {
    const content = deref(spec, spec.paths[path][method].responses[status]).content["application/json"];
    const examples = content.examples as Record<string, Node>;
    return (name ? examples[name] : Object.values(examples)[0])!.value;
  };

  it("the booking in the customer's list is the one the booking call returns", () => {
    const booked = example("/v1/classes/booking/book", "post");
    const list = example("/v1/classes/booking", "get");
    expect(list).toContainEqual(booked);
  });

  it("the booking returned is for the customer and slot of the request example", () => {
    const request = Object.values<Node>(
      spec.paths["/v1/classes/booking/book"].post.requestBody.content["application/json"].examples,
    )[0]!.value;
    const booked = example("/v1/classes/booking/book", "post");
    expect(booked).toMatchObject({ customerId: request.customerId, classSlotId: request.classSlotId });
  });
});
