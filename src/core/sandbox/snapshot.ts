/**
 * Checks a studio's state (from fixtures or a snapshot) before the sandbox takes it: each class,
 * slot and booking against the spec's own schema, and what the sandbox keeps beside them, so that
 * a wrong state is refused with the place that is wrong instead of failing later, mid-request.
 */
import { schemas } from "../../../generated/contract.js";
import { isCalendarDate } from "../calendar.js";
import { isObject, kindOf, violations, type Schema } from "../schema.js";
import { studioFromFixtures, type SandboxFixtures, type StudioState } from "./state.js";
import { inClockRange } from "./clock.js";

/** Every studio and the clock; plain JSON, with keys only as hashes. */
export interface SandboxSnapshot {
  now: number;
  studios: Record<string, StudioState>;
}

const ref = (name: string): Schema => ({ $ref: name });
const CUSTOMER_STATUSES = ["NO_CONTINGENT", "CUSTOMER_IDLE", "NO_SHOW_PENALTY_ACTIVE", "NOT_AVAILABLE"];
const SLOT_STATUSES = ["PLANNED", "CANCELED", "COMPLETED"];

/** The first problem of a list whose items must each pass `check`. */
function listProblem(
  value: unknown,
  where: string,
  check: (item: Record<string, unknown>, at: string) => string | undefined,
): string | undefined {
  if (!Array.isArray(value)) return `${where} must be an array, got ${kindOf(value)}`;
  for (const [i, item] of value.entries()) {
    const at = `${where}[${i}]`;
    const problem = isObject(item) ? check(item, at) : `${at} must be an object, got ${kindOf(item)}`;
    if (problem) return problem;
  }
  return undefined;
}

const bySchema = (name: string) => (item: unknown, at: string) => {
  const [first] = violations(ref(name), item, schemas);
  return first && `${at}${first.pointer.replace(/\//g, ".")} ${first.message}`;
};

/** The first thing wrong with a full studio state, or undefined. */
function stateProblem(state: unknown, where: string): string | undefined {
  if (!isObject(state)) return `${where} must be an object, got ${kindOf(state)}`;
  const s = state as Partial<Record<keyof StudioState, unknown>>;
  return (
    listProblem(s.classes, `${where}.classes`, (c, at) =>
      c.displayOnly !== undefined && typeof c.displayOnly !== "boolean"
        ? `${at}.displayOnly must be true or false`
        : bySchema("Class")(c, at),
    ) ??
    listProblem(s.slots, `${where}.slots`, (slot, at) => {
      const { classId, status, waitingList, ...shown } = slot;
      if (!Number.isSafeInteger(classId)) return `${at}.classId must be an integer (the class's id)`;
      if (!SLOT_STATUSES.includes(status as string))
        return `${at}.status must be one of ${SLOT_STATUSES.join(", ")}`;
      if (!Array.isArray(waitingList) || !waitingList.every((id) => id === null || Number.isSafeInteger(id)))
        return `${at}.waitingList must be an array of booking ids (or null)`;
      return bySchema("ClassSlot")({ ...shown, waitingListParticipants: waitingList.length }, at);
    }) ??
    listProblem(s.customers, `${where}.customers`, (c, at) =>
      !Number.isSafeInteger(c.id)
        ? `${at}.id must be an integer`
        : c.validationStatus !== undefined && !CUSTOMER_STATUSES.includes(c.validationStatus as string)
          ? `${at}.validationStatus must be one of ${CUSTOMER_STATUSES.join(", ")}`
          : undefined,
    ) ??
    listProblem(s.bookings, `${where}.bookings`, bySchema("ClassSlotBookingResult")) ??
    (typeof s.anyCustomer !== "boolean" ? `${where}.anyCustomer must be true or false` : undefined) ??
    (!Array.isArray(s.closedDays) || !s.closedDays.every((d) => typeof d === "string" && isCalendarDate(d))
      ? `${where}.closedDays must be an array of dates (YYYY-MM-DD)`
      : undefined) ??
    (!Number.isSafeInteger(s.nextBookingId) ? `${where}.nextBookingId must be an integer` : undefined) ??
    trialProblem(s, where) ??
    (s.seed !== undefined && !Number.isSafeInteger(s.seed) ? `${where}.seed must be an integer` : undefined)
  );
}

const int = (value: unknown) => Number.isSafeInteger(value);

/** The first thing wrong with the trial offers' part of a state (each list may be left out). */
function trialProblem(s: Partial<Record<keyof StudioState, unknown>>, where: string): string | undefined {
  const optional = (value: unknown, at: string, check: Parameters<typeof listProblem>[2]) =>
    value === undefined ? undefined : listProblem(value, at, check);
  return (
    optional(s.trialOffers, `${where}.trialOffers`, (o, at) =>
      !Array.isArray(o.classIds) || !o.classIds.every(int)
        ? `${at}.classIds must be an array of class ids`
        : bySchema("TrialOfferConfig")(o.config, `${at}.config`),
    ) ??
    optional(s.leads, `${where}.leads`, (l, at) =>
      !int(l.id) || !int(l.trialOfferConfigId) || typeof l.email !== "string"
        ? `${at} must be { id, trialOfferConfigId, email }`
        : undefined,
    ) ??
    optional(s.trialBookings, `${where}.trialBookings`, (t, at) =>
      !int(t.bookingId) ||
      !int(t.trialOfferConfigId) ||
      !int(t.bookedAt) ||
      (t.confirmBy !== undefined && !int(t.confirmBy)) ||
      (t.confirmed !== undefined && typeof t.confirmed !== "boolean")
        ? `${at} must be { bookingId, trialOfferConfigId, bookedAt, confirmBy?, confirmed? }`
        : undefined,
    ) ??
    (s.nextLeadId !== undefined && !int(s.nextLeadId) ? `${where}.nextLeadId must be an integer` : undefined)
  );
}

/**
 * The first thing wrong with fixtures (each part is optional), as "fixtures.<place> <problem>", or
 * undefined.
 */
export function fixturesProblem(fixtures: SandboxFixtures): string | undefined {
  const given = fixtures as Record<string, unknown>;
  const parts = [
    "classes",
    "slots",
    "customers",
    "bookings",
    "closedDays",
    "anyCustomer",
    "nextBookingId",
    "trialOffers",
    "leads",
    "trialBookings",
    "nextLeadId",
  ];
  for (const name of Object.keys(given))
    if (!parts.includes(name))
      return `fixtures has an unknown part "${name}"; the parts are: ${parts.join(", ")}`;
  for (const name of [
    "classes",
    "slots",
    "customers",
    "bookings",
    "closedDays",
    "trialOffers",
    "leads",
    "trialBookings",
  ]) {
    if (given[name] !== undefined && !Array.isArray(given[name]))
      return `fixtures.${name} must be an array, got ${kindOf(given[name])}`;
  }
  if (!((given.slots as unknown[] | undefined) ?? []).every(isObject))
    return "fixtures.slots must be an array of objects";
  return stateProblem(studioFromFixtures(fixtures), "fixtures");
}

/** The first thing wrong with a snapshot, or undefined. */
export function snapshotProblem(snapshot: unknown): string | undefined {
  if (!isObject(snapshot)) return `must be an object { now, studios }, got ${kindOf(snapshot)}`;
  for (const name of Object.keys(snapshot))
    if (name !== "now" && name !== "studios")
      return `has an unknown part "${name}"; the parts are: now, studios`;
  const { now, studios } = snapshot;
  if (typeof now !== "number" || !inClockRange(now)) return "now must be the clock's time in ms since 1970";
  if (!isObject(studios)) return `studios must be an object from key hash to studio, got ${kindOf(studios)}`;
  for (const [hash, state] of Object.entries(studios)) {
    if (!/^[0-9a-f]{64}$/.test(hash)) return "studios must be keyed by key hashes (64 hex digits)";
    const problem = stateProblem(state, `studios.${hash.slice(0, 8)}...`);
    if (problem) return problem;
  }
  return undefined;
}
