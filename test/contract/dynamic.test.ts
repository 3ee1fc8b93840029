import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, inject, it } from "vitest";
import { createClassBookingClient } from "../../src/client/index.js";
import { responseValidator, type Drift } from "../../src/validate/index.js";
import { deref } from "../../scripts/spec.js";
import { calls, spec } from "./spec-calls.js";

const CALLS_PER_OPERATION = 30;
const baseUrl = inject("mockUrl");

// The spec's components as one JSON Schema 2020-12 document, so "#/components/..." refs resolve.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: "https://class-booking-api.local/spec.json", components: spec.components });
const validatorFor = (schema: object) =>
  ajv.compile({
    ...JSON.parse(
      JSON.stringify(schema).replaceAll(
        '"#/components/',
        '"https://class-booking-api.local/spec.json#/components/',
      ),
    ),
  });

describe(`dynamic mode: ${CALLS_PER_OPERATION} generated answers per operation`, () => {
  // Each answer is judged twice: by ajv over the spec (an outside judge), and by the package's own
  // response validator, which must find no drift in an answer the spec allows.
  it.each(calls)(
    "$operationId: every generated answer is accepted, matches the schema, and the response validator finds no drift in it",
    async (call) => {
      const drifts: Drift[] = [];
      const client = createClassBookingClient({
        baseUrl,
        apiKey: "demo-key",
        maxRetries: 0,
        validateResponses: responseValidator({ mode: "warn", onDrift: (d) => drifts.push(d) }),
      }) as unknown as Record<string, (input: object, options: object) => Promise<unknown>>;
      const validate = call.schema ? validatorFor(call.schema) : undefined;
      // The validator is not vacuous: an empty object breaks a 200 schema with required fields (or
      // an array), and null in every field breaks one without a required list (a lead's creation).
      const fields = Object.keys(call.schema ? (deref(spec, call.schema).properties ?? {}) : {});
      if (validate)
        expect(validate({}) && validate(Object.fromEntries(fields.map((f) => [f, null])))).toBe(false);
      const distinct = new Set<string>();
      for (let i = 0; i < CALLS_PER_OPERATION; i++) {
        const body = await client[call.operationId]!(call.input, { headers: { Prefer: "dynamic=true" } });
        if (!validate) {
          expect(body).toBeUndefined();
          continue;
        }
        expect(
          validate(body),
          `${call.operationId} answer ${i}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
        ).toBe(true);
        distinct.add(JSON.stringify(body));
      }
      // Generated, not the static example over and over.
      if (validate) expect(distinct.size).toBeGreaterThan(1);
      expect(drifts).toEqual([]);
    },
  );
});
