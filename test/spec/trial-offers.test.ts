/**
 * What the Trial Offers part of the spec adds beyond the rows of the fact tables: the tag and
 * the order the docs page shows the flow in, the open request bodies, and one example story
 * (Morning Yoga slot 20334 booked by a new lead and confirmed) whose examples agree.
 */
import { describe, expect, it } from "vitest";
import { deref, HTTP_METHODS, loadSpec, operations, type Node } from "../../scripts/spec.js";
import { OPEN_REQUEST_SCHEMAS, TRIAL_OFFER_OPERATIONS } from "./trial-offer-facts.js";

const spec = loadSpec();
const TAG = "Trial Offers";

const opOf = (operationId: string): Node => {
  const found = operations(spec).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return found.op;
};
const examplesOf = (content: Node): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries<Node>(content.examples ?? {}).map(([name, example]) => [name, deref(spec, example).value]),
  );
/** The named 200 examples of an operation; the first one is its default. */
const ok = (operationId: string): Record<string, Node> =>
  examplesOf(deref(spec, opOf(operationId).responses["200"]).content["application/json"]) as Record<
    string,
    Node
  >;
const first = (operationId: string): Node => Object.values(ok(operationId))[0]!;
const request = (operationId: string): Node =>
  Object.values(examplesOf(opOf(operationId).requestBody.content["application/json"]))[0] as Node;
const paramExample = (operationId: string, name: string): unknown =>
  (opOf(operationId).parameters ?? []).map((p: Node) => deref(spec, p)).find((p: Node) => p.name === name)
    ?.example;

describe("the Trial Offers tag", () => {
  const tags = (spec.tags as Node[]).map((t) => t.name);

  it("is declared with a description, right after Classes", () => {
    expect(tags.indexOf(TAG)).toBe(tags.indexOf("Classes") + 1);
    expect((spec.tags as Node[]).find((t) => t.name === TAG)!.description).toMatch(/\w{20,}/);
  });

  it("holds its operations in the order of the flow, which is the order the docs page shows", () => {
    const inSpec = operations(spec)
      .filter(({ op }) => op.tags?.includes(TAG))
      .map((o) => o.operationId);
    expect(inSpec).toEqual(TRIAL_OFFER_OPERATIONS.map((o) => o.operationId));
  });

  it("its description walks through the flow naming each operation in that order", () => {
    const text: string = (spec.tags as Node[]).find((t) => t.name === TAG)!.description;
    const positions = TRIAL_OFFER_OPERATIONS.map((o) => text.indexOf(`\`${o.operationId}\``));
    expect(
      positions.every((at) => at >= 0),
      text,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each(TRIAL_OFFER_OPERATIONS)("$path holds only $operationId", ({ path, method }) => {
    expect(HTTP_METHODS.filter((m) => spec.paths[path][m])).toEqual([method]);
  });

  it("the info and its authentication section name the trial-offer scopes", () => {
    expect(spec.info.description).toMatch(/`TRIAL_OFFER_READ` and `TRIAL_OFFER_WRITE`/);
  });
});

describe("the lead request follows the official description", () => {
  it.each(OPEN_REQUEST_SCHEMAS)("%s is open: the API does not refuse other fields", (name) => {
    expect(spec.components.schemas[name].type).toBe("object");
    expect(spec.components.schemas[name].additionalProperties).toBeUndefined();
  });

  it("Term has no minutes or hours, unlike TermWithMinutes", () => {
    const units = (name: string) => spec.components.schemas[name].properties.unit.enum as string[];
    expect(units("TermWithMinutes").filter((u) => !units("Term").includes(u))).toEqual(["MINUTES", "HOURS"]);
  });
});

describe("the trial flow's examples tell one story", () => {
  const trialClass = first("getBookableTrialOfferClasses").result[0];
  const config = first("getTrialOfferConfig");
  const lead = request("createLeadCustomer");
  const leadId = first("createLeadCustomer").leadCustomerId;
  const slot = first("getClassSlotById");
  const booking = first("bookClassSlotForTrialOffers");

  it("the trial class is the Morning Yoga class getClassById returns, under configuration 1", () => {
    expect(trialClass.trialOfferClass).toEqual(first("getClassById"));
    expect(trialClass.trialOfferConfigId).toBe(1);
    expect(paramExample("getTrialOfferConfig", "configId")).toBe(trialClass.trialOfferConfigId);
    expect(config.id).toBe(trialClass.trialOfferConfigId);
  });

  it("the lead signs up for that offer, giving every detail the offer makes mandatory", () => {
    expect(request("validateForLeadCustomerCreation")).toEqual(lead);
    expect(lead.trialOfferConfigId).toBe(config.id);
    for (const [key, value] of Object.entries<string>(config.leadDataConfig)) {
      if (value === "MANDATORY") expect(lead.leadCustomerData, key).toHaveProperty(key.replace(/Mode$/, ""));
      if (value === "INACTIVE")
        expect(lead.leadCustomerData, key).not.toHaveProperty(key.replace(/Mode$/, ""));
    }
    expect(first("validateForLeadCustomerCreation")).toEqual({ validationStatus: "POSSIBLE" });
  });

  it("slot 20334 of that class is listed for trials, exactly as getClassSlotById returns it", () => {
    expect(paramExample("getClassSlotsForTrialOffers", "classId")).toBe(trialClass.trialOfferClass.id);
    expect(first("getClassSlotsForTrialOffers").result).toContainEqual(slot);
    expect(slot.id).toBe(20334);
  });

  it("the new lead's id is the customer validated and booked into that slot", () => {
    for (const operationId of ["validateClassSlotForTrialOffers", "bookClassSlotForTrialOffers"]) {
      expect(request(operationId), operationId).toEqual({ customerId: leadId, classSlotId: slot.id });
    }
    expect(first("validateClassSlotForTrialOffers")).toEqual({ validationStatus: "AVAILABLE" });
    expect(booking).toMatchObject({
      customerId: leadId,
      classSlotId: slot.id,
      classId: trialClass.trialOfferClass.id,
    });
  });

  it("the offer asks for a confirmation, so the booking needs one and the confirm names that booking", () => {
    expect(config.confirmationOfBookingTerm).toBeDefined();
    expect(booking.bookingStatus).toBe("BOOKED_WITH_CONFIRMATION_REQUIRED");
    expect(paramExample("confirmTrialOfferBooking", "bookingId")).toBe(booking.bookingId);
    expect(Object.values(ok("confirmTrialOfferBooking")).map((v) => v.status)).toEqual([
      "CONFIRMED",
      "EXPIRED",
    ]);
  });

  it("the confirmation deadline the examples state is the slot's start less the offer's term", () => {
    const { value, unit } = config.confirmationOfBookingTerm as { value: number; unit: string };
    expect(unit).toBe("DAY");
    const deadline = new Date(Date.parse(slot.startDateTime) - value * 86_400_000);
    const said = deref(spec, opOf("confirmTrialOfferBooking").responses["200"]).content["application/json"]
      .examples.confirmed.description as string;
    const day = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/Berlin",
    }).format(deadline);
    expect(said.replace(/\s+/g, " ")).toContain(day);
    expect(Date.parse(slot.earliestBookingDateTime)).toBeLessThan(deadline.getTime());
  });

  it("the interesting cases have their own named examples, and the default slice is the last", () => {
    expect(ok("validateForLeadCustomerCreation").duplicate?.validationStatus).toBe("DUPLICATE_CUSTOMER");
    expect(ok("validateClassSlotForTrialOffers").noContingent?.validationStatus).toBe("NO_CONTINGENT");
    expect(ok("bookClassSlotForTrialOffers").booked?.bookingStatus).toBe("BOOKED");
    expect(ok("getTrialOfferConfig").noConfirmation?.confirmationOfBookingTerm).toBeUndefined();
    for (const operationId of ["getBookableTrialOfferClasses", "getClassSlotsForTrialOffers"]) {
      expect(first(operationId).hasNext, operationId).toBe(false);
    }
  });
});
