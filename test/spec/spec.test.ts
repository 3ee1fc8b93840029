import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { deref, loadSpec, operations, repoRoot, specFile, type Node } from "../../scripts/spec.js";
import { ERROR_STATUSES, OPERATIONS, SCHEMAS, WEBHOOKS } from "./facts.js";

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
    // Dereferencing repeats shared parts as YAML aliases; the bundle is our own, so no alias limit.
    const bundled = parse(readFileSync(out, "utf8"), { maxAliasCount: -1 }) as Node;
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

  it(`is ${fact.method.toUpperCase()} ${fact.path} tagged ${fact.tag}`, () => {
    expect(op.operationId).toBe(fact.operationId);
    expect(op.tags).toEqual([fact.tag]);
    expect(op.summary).toBeTypeOf("string");
  });

  it("sets no flag or override of its own (deprecated, servers, externalDocs, response headers)", () => {
    for (const key of ["deprecated", "servers", "externalDocs", "security"])
      expect(op[key], key).toBeUndefined();
    for (const [status, response] of Object.entries<Node>(op.responses))
      expect(deref(spec, response).headers, status).toBeUndefined();
  });

  const mark = fact.idempotent === true ? "is marked x-idempotent" : "is not marked x-idempotent";
  it(
    fact.idempotent === false ? `${mark} and says not to resend it after an ambiguous failure` : mark,
    () => {
      if (fact.idempotent === true) return expect(op["x-idempotent"]).toBe(true);
      expect(op["x-idempotent"]).toBeUndefined();
      const prose = String(op.description).replace(/\s+/g, " ");
      if (fact.idempotent === false)
        expect(prose).toMatch(/Not idempotent:[^.]*never send it again after an ambiguous failure/);
    },
  );

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
      ...(p.schema.format !== undefined ? { format: p.schema.format } : {}),
      ...(p.schema.default !== undefined ? { default: p.schema.default } : {}),
      ...(p.schema.minimum !== undefined ? { minimum: p.schema.minimum } : {}),
      ...(p.schema.maximum !== undefined ? { maximum: p.schema.maximum } : {}),
    }));
    expect(seen).toEqual(fact.params);
  });

  it("takes the paging parameters from the one shared definition", () => {
    const refs = (op.parameters ?? []).map((p: Node) => p.$ref ?? p.name);
    for (const name of ["offset", "sliceSize"]) {
      if (!fact.params.some((p) => p.name === name)) continue;
      expect(refs).toContain(`#/components/parameters/${name}`);
    }
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
    expect(ref, `${status} must be a $ref to components/responses`).toMatch(
      /^#\/components\/responses\/\w+$/,
    );
    const shared = deref(spec, op.responses[status]);
    expect(shared.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
  });

  it(`its error examples fit it: a 400 names ${fact.errors.badInput}, a 404 speaks of a ${fact.errors.missing}`, () => {
    const example = (status: string) => {
      const content = deref(spec, op.responses[status]).content["application/json"];
      return deref(spec, Object.values<Node>(content.examples)[0]!).value as {
        errorMessage: string;
        reference?: string;
      };
    };
    // A 400 may point into an object inside the body (`leadCustomerData.email`): such paths count as inputs too.
    const fieldPaths = (schema: Node, prefix = "", depth = 0): string[] =>
      Object.entries<Node>(schema.properties ?? {}).flatMap(([name, field]) => {
        const inner = deref(spec, field);
        const here = `${prefix}${name}`;
        return inner.type === "object" && depth < 2
          ? [here, ...fieldPaths(inner, `${here}.`, depth + 1)]
          : [here];
      });
    const inputs = [
      ...(op.parameters ?? []).map((p: Node) => deref(spec, p).name),
      ...(fact.body ? fieldPaths(spec.components.schemas[fact.body]) : []),
    ];
    expect(inputs).toContain(fact.errors.badInput);
    expect(example("400").reference).toBe(fact.errors.badInput);
    expect(example("400").errorMessage).toContain(fact.errors.badInput);
    expect(example("404").errorMessage).toMatch(new RegExp(`^No ${fact.errors.missing} (exists|is set up)`));
  });

  it("has a named example on every response with content", () => {
    for (const [status, response] of Object.entries<Node>(op.responses)) {
      const content = deref(spec, response).content?.["application/json"];
      if (!content) continue;
      expect(Object.keys(content.examples ?? {}).length, `${status} example`).toBeGreaterThan(0);
    }
  });
});

describe("every shared error response of the operations", () => {
  const used = new Set(
    operations(spec).flatMap(({ op }) => Object.values<Node>(op.responses).map((r) => r.$ref)),
  );
  const shared = Object.entries<Node>(spec.components.responses ?? {}).filter(([name]) =>
    used.has(`#/components/responses/${name}`),
  );

  it("serves one status only, and every one is used", () => {
    const statusOf = new Map<string, Set<string>>();
    for (const { op } of operations(spec)) {
      for (const status of ERROR_STATUSES) {
        const ref = String(op.responses[status]?.$ref);
        statusOf.set(ref, (statusOf.get(ref) ?? new Set()).add(status));
      }
    }
    for (const [ref, statuses] of statusOf) expect([...statuses], ref).toHaveLength(1);
    expect([...statusOf.keys()].sort()).toEqual(
      shared.map(([name]) => `#/components/responses/${name}`).sort(),
    );
  });

  it("is shared where the statuses do not depend on the operation (401, 403, 409, 429, 500)", () => {
    for (const status of ["401", "403", "409", "429", "500"]) {
      expect(new Set(operations(spec).map(({ op }) => op.responses[status].$ref)).size, status).toBe(1);
    }
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
    const required = Object.entries(fields)
      .filter(([, f]) => f.required)
      .map(([k]) => k);
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
    if (f.items)
      expect({ type: prop.items.type, deprecated: prop.items.deprecated ?? false }).toEqual({
        deprecated: false,
        ...f.items,
      });
  });
});

describe("paging and date-times", () => {
  it("the offset parameter states the slice contract", () => {
    const text: string = spec.components.parameters.offset.description;
    expect(text).toMatch(/send it back/i);
    expect(text).toMatch(/hasNext: false/);
  });

  it.each(["ClassSlicedResult", "ClassSlotSlicedResult"])(
    "%s holds at most the largest slice size of items",
    (name) => {
      const largest = (spec.components.parameters.sliceSize.schema as Node).maximum;
      expect(largest).toBe(100);
      expect(spec.components.schemas[name].properties.result.maxItems).toBe(largest);
    },
  );

  const dateTimes = Object.entries<Node>(spec.components.schemas).flatMap(([name, schema]) =>
    Object.entries<Node>(schema.properties ?? {})
      .filter(([, prop]) => prop.format === "date-time")
      .map(([field, prop]) => [`${name}.${field}`, prop] as const),
  );

  it("there are date-time fields to check", () => expect(dateTimes.length).toBeGreaterThanOrEqual(4));

  it.each(dateTimes)("%s warns about the bracketed zone id and has an RFC 3339 example", (_name, prop) => {
    expect(prop.description).toMatch(/\[Europe\/Berlin\]/);
    expect(prop.description).toMatch(/as text/);
    for (const example of prop.examples) {
      expect(example).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    }
  });
});

describe("enum descriptions", () => {
  const enums = Object.entries<Node>(spec.components.schemas).flatMap(([name, schema]) =>
    Object.entries<Node>(schema.properties ?? {})
      .filter(([, prop]) => prop.enum)
      .map(([field, prop]) => [`${name}.${field}`, prop] as const),
  );

  it("there are enums to describe", () => expect(enums.length).toBeGreaterThanOrEqual(7));

  it.each(enums)("every value of %s has a one-line meaning of its own", (_name, prop) => {
    expect(Object.keys(prop["x-enumDescriptions"] ?? {})).toEqual([...prop.enum]);
    const texts = Object.values<string>(prop["x-enumDescriptions"]);
    for (const text of texts) expect(text).toMatch(/^[A-Z].{8,120}\.$/);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("the booking request follows the official description", () => {
  it("is open: the API does not refuse other fields (the client still sends only its own)", () => {
    expect(spec.components.schemas.ClassSlotBookingRequest.additionalProperties).toBeUndefined();
  });
});

describe("the booking flow's examples agree with each other", () => {
  const ok = (path: string, method: string, name?: string): Node => {
    const content = deref(spec, spec.paths[path][method].responses["200"]).content["application/json"];
    const examples = content.examples as Record<string, Node>;
    return deref(spec, name ? examples[name]! : Object.values(examples)[0]!).value;
  };
  const request = deref(
    spec,
    Object.values<Node>(
      spec.paths["/v1/classes/booking/validate"].post.requestBody.content["application/json"].examples,
    )[0]!,
  ).value;

  it("the class listed first is the one getClassById returns", () => {
    expect(ok("/v1/classes", "get").result).toContainEqual(ok("/v1/classes/{classId}", "get"));
  });

  it("the slot getClassSlotById returns is in both slot lists and belongs to that class", () => {
    const slot = ok("/v1/classes/{classId}/slots/{classSlotId}", "get");
    expect(ok("/v1/classes/{classId}/slots", "get").result).toContainEqual(slot);
    expect(ok("/v1/classes/slots", "get").result).toContainEqual(slot);
    expect(slot.classInformation.id).toBe(ok("/v1/classes/{classId}", "get").id);
  });

  it("validation answers AVAILABLE for that slot, and the booking is for it", () => {
    const slot = ok("/v1/classes/{classId}/slots/{classSlotId}", "get");
    expect(request.classSlotId).toBe(slot.id);
    expect(ok("/v1/classes/booking/validate", "post")).toEqual({ validationStatus: "AVAILABLE" });
    const booked = ok("/v1/classes/booking/book", "post");
    expect(booked).toMatchObject({
      classSlotId: slot.id,
      classId: slot.classInformation.id,
      customerId: request.customerId,
    });
  });

  it("the booking made is the one read back by id and listed for the customer", () => {
    const booked = ok("/v1/classes/booking/book", "post");
    expect(ok("/v1/classes/booking/{bookingId}", "get")).toEqual(booked);
    expect(ok("/v1/classes/booking", "get")).toContainEqual(booked);
  });

  it("the interesting cases have their own named examples", () => {
    expect(ok("/v1/classes/booking/validate", "post", "slotFull").validationStatus).toBe(
      "BOOKING_LIMIT_REACHED",
    );
    expect(ok("/v1/classes/booking/book", "post", "waitingList").bookingStatus).toBe("WAITING_LIST");
    for (const path of ["/v1/classes", "/v1/classes/slots", "/v1/classes/{classId}/slots"]) {
      expect(ok(path, "get", "lastSlice").hasNext, path).toBe(false);
    }
  });

  it("the default example of every slice is its last, so paging a mock ends", () => {
    for (const path of ["/v1/classes", "/v1/classes/slots", "/v1/classes/{classId}/slots"]) {
      expect(ok(path, "get").hasNext, path).toBe(false);
    }
  });
});

describe("webhooks", () => {
  it("are the five class events of the reference, each a POST tagged Class webhooks", () => {
    expect(Object.keys(spec.webhooks).sort()).toEqual(WEBHOOKS.map((w) => w.type).sort());
    for (const { type } of WEBHOOKS) {
      const op = spec.webhooks[type].post;
      expect(op.tags, type).toEqual(["Class webhooks"]);
      expect(op.security, type).toEqual([{ WebhookKey: [] }]);
      expect(Object.keys(op.responses).sort(), type).toEqual(["200", "400", "401"]);
    }
    expect(spec.components.securitySchemes.WebhookKey).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-API-KEY",
    });
  });

  it.each(WEBHOOKS)(
    "$type carries $entity as entityId, the documented fields, and an example of its own type",
    ({ type, schema, entity, content }) => {
      const body = deref(spec, spec.webhooks[type].post.requestBody);
      expect(body.required).toBe(true);
      const media = body.content["application/json"];
      expect(media.schema).toEqual({ $ref: `#/components/schemas/${schema}` });
      const event = deref(spec, media.schema);
      expect(event.required).toEqual(["entityId", "uuid", "payload"]);
      expect(event.properties.entityId).toMatchObject({ type: "integer", format: "int64" });
      expect(event.properties.entityId.description).toContain(entity);
      // The reference: uuid (a uuid is 36 characters); content optional, an object, event-specific.
      expect(event.properties.uuid).toMatchObject({ type: "string", format: "uuid", maxLength: 36 });
      const item = deref(spec, event.properties.payload.items);
      expect(item.required).toEqual(["timestamp", "type"]);
      expect(item.properties.timestamp).toMatchObject({ type: "integer", format: "int64" });
      expect(item.properties.type.enum).toContain(type);
      const contentSchema = deref(spec, item.properties.content);
      expect(contentSchema).toMatchObject({ type: "object", additionalProperties: true });
      expect(contentSchema.required).toBeUndefined();
      expect(Object.keys(contentSchema.properties ?? {})).toEqual(content ? [content] : []);
      const examples = Object.values<Node>(media.examples).map((e) => deref(spec, e).value);
      expect(
        examples.some((e) => e.payload[0].type === type),
        `an example of ${type}`,
      ).toBe(true);
    },
  );
});
