/** Inputs are checked against the spec's rules before anything is sent (issue: the spec holds at run time). */
import { afterEach, describe, expect, it } from "vitest";
import { ClassBookingError } from "../../src/client/index.js";
import { BOOKING, testClient } from "../helpers/client.js";
import { json, startServer, type TestServer } from "../helpers/server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
type Loose = Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>;
async function looseClient() {
  server = await startServer((_req, res) => json(res, 200, BOOKING));
  return { loose: testClient(server.url).client as unknown as Loose, requests: server.requests };
}

describe("a value that breaks the spec never leaves the client", () => {
  it.each<[string, string, unknown, RegExp]>([
    [
      "a path id of '..'",
      "cancelClassSlotById",
      { bookingId: ".." },
      /^cancelClassSlotById: input "bookingId" must be a safe integer, got ".."$/,
    ],
    [
      "an object as a path id",
      "getClassById",
      { classId: { "../../admin?x=": 1 } },
      /input "classId" must be a safe integer, got an object/,
    ],
    [
      "an object as a query value",
      "getClassBookingsByCustomerId",
      { customerId: { 1: 1 } },
      /input "customerId" must be a safe integer, got an object/,
    ],
    [
      "an array as a query value",
      "getClassBookingsByCustomerId",
      { customerId: [1, 999] },
      /input "customerId" must be a safe integer, got an array/,
    ],
    [
      "a numeric string for an integer",
      "getClassById",
      { classId: "14928" },
      /input "classId" must be a safe integer, got "14928"/,
    ],
    ["NaN", "getClassById", { classId: Number.NaN }, /got NaN/],
    ["Infinity", "getClassById", { classId: Number.POSITIVE_INFINITY }, /got Infinity/],
    ["a float", "getClassById", { classId: 1.5 }, /got 1\.5/],
    ["2**64", "getClassById", { classId: 2 ** 64 }, /got 18446744073709552000/],
    [
      "a BigInt in a body",
      "bookClassSlot",
      { customerId: 203n, classSlotId: 1 },
      /input "customerId" must be a safe integer, got 203n/,
    ],
    ["a boolean", "bookClassSlot", { customerId: true, classSlotId: 1 }, /got true/],
    [
      "null for an optional query value",
      "getActiveClasses",
      { sliceSize: null },
      /input "sliceSize" must be an integer from 10 to 100, got null/,
    ],
    [
      "a date that is not one",
      "getClassSlotsForMultipleClasses",
      { slotWindowStartDate: "2026-02-30" },
      /input "slotWindowStartDate" must be a calendar date as YYYY-MM-DD, got "2026-02-30"/,
    ],
    [
      "daysAhead above its maximum",
      "getClassSlotsForMultipleClasses",
      { daysAhead: 7 },
      /input "daysAhead" must be an integer from 0 to 6, got 7/,
    ],
    ["a number for a string", "getActiveClasses", { offset: 40 }, /input "offset" must be a string, got 40/],
  ])("%s", async (_name, operationId, input, message) => {
    const { loose, requests } = await looseClient();
    const error = await loose[operationId]!(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassBookingError);
    expect((error as ClassBookingError).operationId).toBe(operationId);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("says exactly what sliceSize must be", async () => {
    const { loose } = await looseClient();
    const error = await loose.getActiveClasses!({ sliceSize: 5 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'getActiveClasses: input "sliceSize" must be an integer from 10 to 100, got 5',
    );
  });

  it("only the input's own properties count: an inherited classId is missing", async () => {
    const { loose, requests } = await looseClient();
    const inherited = Object.create({ classId: 14928 }) as object;
    await expect(loose.getClassById!(inherited)).rejects.toThrow(
      'getClassById: missing required input "classId"',
    );
    expect(requests).toHaveLength(0);
  });

  it("an inherited optional field is not sent either", async () => {
    server = await startServer((_req, res) => json(res, 200, { result: [], hasNext: false, offset: "0" }));
    const { client } = testClient(server.url);
    await client.getActiveClasses(Object.create({ offset: "40" }) as object);
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/classes"]);
  });

  it.each([null, [1], "14928", 7])("an input that is not an object (%j) is refused", async (input) => {
    const { loose, requests } = await looseClient();
    await expect(loose.getActiveClasses!(input)).rejects.toThrow(
      /^getActiveClasses: the input must be an object/,
    );
    expect(requests).toHaveLength(0);
  });

  it("null as paginate input is a ClassBookingError, not a TypeError", async () => {
    const { loose } = await looseClient();
    const pager = (loose as unknown as { paginate: Loose }).paginate.getActiveClasses!;
    const walk = async () => {
      for await (const _ of pager(null) as unknown as AsyncIterable<unknown>) void _;
    };
    await expect(walk()).rejects.toBeInstanceOf(ClassBookingError);
  });

  it("valid values are sent exactly as the spec's serialisation gives them, in the spec's parameter order", async () => {
    server = await startServer((_req, res) => json(res, 200, { result: [], hasNext: false, offset: "0" }));
    const { client } = testClient(server.url);
    await client.getClassSlotsForMultipleClasses({
      sliceSize: 10,
      offset: "a b&c",
      daysAhead: 0,
      slotWindowStartDate: "2024-02-29",
    });
    await client.getClassSlots({ classId: Number.MAX_SAFE_INTEGER });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/classes/slots?daysAhead=0&slotWindowStartDate=2024-02-29&offset=a%20b%26c&sliceSize=10",
      `/v1/classes/${Number.MAX_SAFE_INTEGER}/slots`,
    ]);
  });
});

describe("raw calls: the path must match the operation's template", () => {
  it("a raw path value of '..' is refused before sending", async () => {
    const { requests } = await looseClient();
    const { client } = testClient(server!.url);
    const call = client.raw.DELETE("/v1/classes/booking/{bookingId}", {
      params: { path: { bookingId: ".." as unknown as number } },
    });
    await expect(call).rejects.toThrow(/does not match \/v1\/classes\/booking\/\{bookingId\}/);
    await expect(call).rejects.toBeInstanceOf(ClassBookingError);
    expect(requests).toHaveLength(0);
  });
});

describe("a body field that is an object (a lead's details) is checked field by field, at every depth", () => {
  const nora = { firstname: "Nora", lastname: "Lindqvist", email: "nora.lindqvist@example.org" };
  it.each<[string, unknown, RegExp]>([
    ["the details left out", { trialOfferConfigId: 1 }, /missing required input "leadCustomerData"$/],
    [
      "the details as a string",
      { leadCustomerData: "Nora", trialOfferConfigId: 1 },
      /input "leadCustomerData" must be an object, got a string$/,
    ],
    [
      "the details as an array",
      { leadCustomerData: [nora], trialOfferConfigId: 1 },
      /must be an object, got an array/,
    ],
    [
      "no e-mail address",
      { leadCustomerData: { ...nora, email: undefined }, trialOfferConfigId: 1 },
      /missing required input "leadCustomerData\.email"$/,
    ],
    [
      "a first name that is a number",
      { leadCustomerData: { ...nora, firstname: 7 }, trialOfferConfigId: 1 },
      /input "leadCustomerData\.firstname" must be a string, got a number$/,
    ],
    [
      "a gender the spec does not list",
      { leadCustomerData: { ...nora, gender: "OTHER" }, trialOfferConfigId: 1 },
      /input "leadCustomerData\.gender" must be one of MALE, FEMALE, UNISEX, got "OTHER"$/,
    ],
    [
      "a date of birth that is no day",
      { leadCustomerData: { ...nora, dateOfBirth: "1994-02-30" }, trialOfferConfigId: 1 },
      /input "leadCustomerData\.dateOfBirth" must be a calendar date as YYYY-MM-DD, got a string$/,
    ],
    [
      "an address without a city",
      {
        leadCustomerData: { ...nora, address: { street: "Kastanienallee", zipCode: "10435" } },
        trialOfferConfigId: 1,
      },
      /missing required input "leadCustomerData\.address\.city"$/,
    ],
    [
      "a language code that is a number",
      { leadCustomerData: { ...nora, language: { languageCode: 49 } }, trialOfferConfigId: 1 },
      /input "leadCustomerData\.language\.languageCode" must be a string, got a number$/,
    ],
  ])("%s", async (_label, input, message) => {
    const { loose, requests } = await looseClient();
    const error = await loose.createLeadCustomer!(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassBookingError);
    expect((error as Error).message).toMatch(/^createLeadCustomer: /);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("a wrong value inside the details is named by its kind, never shown: it is the prospect's data", async () => {
    const { loose } = await looseClient();
    const error = await loose.validateForLeadCustomerCreation!({
      leadCustomerData: { ...nora, dateOfBirth: "18.03.1994" },
      trialOfferConfigId: 1,
    }).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain("18.03.1994");
  });

  it("valid details are sent as given, a field the spec does not list included (the API takes it), and the ISO codes as plain text", async () => {
    server = await startServer((_req, res) => json(res, 200, { leadCustomerId: 5120 }));
    const { client } = testClient(server.url);
    const leadCustomerData = {
      ...nora,
      language: { languageCode: "de", countryCode: "any text" },
      address: { street: "Kastanienallee", zipCode: "10435", city: "Berlin" },
      newsletter: true,
    };
    await expect(client.createLeadCustomer({ leadCustomerData, trialOfferConfigId: 1 })).resolves.toEqual({
      leadCustomerId: 5120,
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ leadCustomerData, trialOfferConfigId: 1 });
  });
});
