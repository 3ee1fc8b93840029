/** The generated code samples: on every operation, and the TypeScript ones compile against the client. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { specWithSamples, type CodeSample } from "../../scripts/docs.js";
import { loadSpec, operations, type Node } from "../../scripts/spec.js";
import { TSC_TEST_TIMEOUT_MS, typecheck } from "../helpers/typecheck.js";

const spec = specWithSamples();
const work = mkdtempSync(path.join(tmpdir(), "cba-samples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const samplesOf = (op: Node) => op["x-codeSamples"] as CodeSample[];

const check = (files: Record<string, string>) => typecheck(work, files);

describe("generated code samples", () => {
  it.each(operations(spec).map((o) => [o.operationId, o] as const))(
    "%s has a TypeScript and a curl sample",
    (id, { method, path: route, op }) => {
      const samples = samplesOf(op);
      expect(samples.map((s) => s.label)).toEqual(["TypeScript", "curl"]);
      expect(samples[0]!.source).toContain(`client.${id}(`);
      expect(samples[1]!.source).toMatch(new RegExp(`^curl -X ${method.toUpperCase()} "https://`));
      expect(samples[1]!.source).toContain(route.replace(/\{\w+\}/g, "").split("/")[1]!);
      expect(samples[1]!.source).toContain('-H "X-API-KEY: $CLASS_BOOKING_API_KEY"');
    },
  );

  it("are not stored in openapi.yaml", () => {
    for (const { op } of operations(loadSpec())) expect(op["x-codeSamples"]).toBeUndefined();
  });

  // One compile for both checks below: every sample, and a copy of the booking one made wrong.
  let compiled: ReturnType<typeof check> | undefined;
  const compile = () => {
    const files = Object.fromEntries(
      operations(spec).map(({ operationId, op }) => [`${operationId}.ts`, samplesOf(op)[0]!.source]),
    );
    const { op } = operations(spec).find((o) => o.operationId === "bookClassSlot")!;
    const broken = samplesOf(op)[0]!.source.replace("classSlotId: 20334", 'classSlotId: "20334"');
    return (compiled ??= check({ ...files, "broken.ts": broken }));
  };

  it(
    "every TypeScript sample type-checks against the client",
    () => {
      const errors = compile()
        .stdout.split("\n")
        .filter((line) => /error TS\d+/.test(line) && !line.includes("broken.ts("));
      expect(errors, compile().stdout + compile().stderr).toEqual([]);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it(
    "the type check would catch a wrong sample",
    () => {
      const res = compile();
      expect(res.status).not.toBe(0);
      expect(res.stdout).toMatch(/broken\.ts\(\d+,\d+\): error TS2322/);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it("an operation added to the spec gets its samples with no other change", () => {
    const base = loadSpec();
    base.paths["/v1/classes/{classId}/waitlist"] = {
      get: {
        ...structuredClone(base.paths["/v1/classes/{classId}"].get),
        operationId: "getClassWaitlist",
        summary: "Waitlist",
      },
    };
    const added = operations(specWithSamples(base)).find((o) => o.operationId === "getClassWaitlist")!;
    expect(samplesOf(added.op)[0]!.source).toContain("client.getClassWaitlist({ classId: 14928 })");
    expect(samplesOf(added.op)[1]!.source).toContain("/v1/classes/14928/waitlist");
  });

  it("the booking sample carries the example's values", () => {
    const { op } = operations(spec).find((o) => o.operationId === "bookClassSlot")!;
    expect(samplesOf(op)[0]!.source).toContain(
      "client.bookClassSlot({ customerId: 203, classSlotId: 20334 })",
    );
    expect(samplesOf(op)[1]!.source).toContain(`-d '{"customerId":203,"classSlotId":20334}'`);
  });

  it("the lead's sample sends the prospect's details as one nested object, in TypeScript and in curl", () => {
    const { op } = operations(spec).find((o) => o.operationId === "createLeadCustomer")!;
    const [typescript, curl] = samplesOf(op).map((s) => s.source);
    expect(typescript).toMatch(
      /client\.createLeadCustomer\(\{ leadCustomerData: \{"thirdPartyId":"WEB-20661",.*\}, trialOfferConfigId: 1 \}\)/,
    );
    expect(curl).toContain(
      `"address":{"street":"Kastanienallee","houseNumber":"12a","zipCode":"10435","city":"Berlin"}`,
    );
    const confirm = operations(spec).find((o) => o.operationId === "confirmTrialOfferBooking")!.op;
    expect(samplesOf(confirm)[1]!.source).toContain("/v1/trial-offers/bookings/2058/confirm");
  });
});
