/** How the generator reads an input's rule from the spec: scalars, objects inside a body, and what it refuses. */
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import { inputRule } from "../../scripts/input-rules.js";

const spec = {
  components: {
    schemas: {
      Inner: {
        type: "object",
        required: ["code"],
        properties: { code: { type: "string", format: "ISO 639-1" } },
      },
    },
  },
};

describe("input rules read from the spec", () => {
  it("an object keeps each field's rule, its required list, and its nested objects", () => {
    const rule = inputRule(
      "body",
      "outer",
      {
        type: "object",
        description: "documented only",
        required: ["inner"],
        properties: {
          inner: { $ref: "#/components/schemas/Inner" },
          born: { type: "string", format: "date" },
          kind: { type: "string", enum: ["A", "B"], "x-enumDescriptions": { A: "a", B: "b" } },
        },
      },
      spec,
    );
    expect(rule).toEqual({
      in: "body",
      type: "object",
      required: ["inner"],
      properties: {
        // A format that JSON Schema does not define is a label for the reader: it is not checked.
        inner: { type: "object", required: ["code"], properties: { code: { type: "string" } } },
        born: { type: "string", format: "date" },
        kind: { type: "string", enum: ["A", "B"] },
      },
    });
  });

  it("additionalProperties: false closes the object", () => {
    expect(
      inputRule("body", "o", { type: "object", additionalProperties: false, properties: {} }, spec),
    ).toEqual({
      in: "body",
      type: "object",
      properties: {},
      closed: true,
    });
  });

  it.each<[string, object, RegExp]>([
    [
      "an array",
      { type: "array", items: { type: "string" } },
      /input "x": type "array" is not a scalar type or an object/,
    ],
    [
      "a defined format the client cannot check",
      { type: "string", format: "email" },
      /format "email" of a string cannot be checked/,
    ],
    ["a pattern", { type: "string", pattern: "^a" }, /the keyword "pattern" cannot be checked/],
    [
      "a pattern inside an object",
      { type: "object", properties: { a: { type: "string", pattern: "^a" } } },
      /input "x\.a": the keyword "pattern"/,
    ],
    [
      "a required field without a schema",
      { type: "object", required: ["a"], properties: {} },
      /required field "a" has no schema/,
    ],
  ])("refuses %s, naming the input", (_label, schema, message) => {
    expect(() => inputRule("body", "x", schema, spec)).toThrow(message);
  });

  it("the lead's details of the trial offers come out as an object rule in the operation table", () => {
    const lead = operations.createLeadCustomer.inputs.leadCustomerData;
    expect(lead.type).toBe("object");
    expect(lead.required).toEqual(["email", "firstname", "lastname"]);
    expect(lead.properties?.address?.required).toEqual(["city", "street", "zipCode"]);
    expect(lead.properties?.language?.properties?.languageCode).toEqual({ type: "string" });
  });
});
