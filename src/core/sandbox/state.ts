/** What a sandbox studio holds: plain JSON, so that it can be snapshotted, restored and given as fixtures. */
import { examples } from "../../../generated/contract.js";
import type { components } from "../../../generated/schema.js";

type Schemas = components["schemas"];
export type Class = Schemas["Class"];
export type ClassSlot = Schemas["ClassSlot"];
export type Booking = Schemas["ClassSlotBookingResult"];
export type ValidationStatus = Schemas["ClassSlotBookingValidationResult"]["validationStatus"];
export type TrialOfferConfig = Schemas["TrialOfferConfig"];
export type LeadData = Schemas["LeadData"];
export type LeadStatus = Schemas["TrialOfferLeadCustomerCreationValidationResult"]["validationStatus"];

/** A trial offer: its configuration as the API shows it, and the classes bookable under it. */
export interface TrialOfferRecord {
  config: TrialOfferConfig;
  /** The classes a prospect may book under this offer. */
  classIds: number[];
}

/** A prospect registered with createLeadCustomer: a customer of the studio from then on. */
interface LeadRecord {
  /** The lead's customer id (the `leadCustomerId` createLeadCustomer answered). */
  id: number;
  /** The trial offer the lead signed up for. */
  trialOfferConfigId: number;
  /** The e-mail address as given, to tell a second sign-up of the same person (DUPLICATE_CUSTOMER). */
  email: string;
}

/** A booking made under a trial offer, and what its confirmation needs. */
interface TrialBookingRecord {
  bookingId: number;
  trialOfferConfigId: number;
  /** When it was booked (sandbox clock, ms since 1970): the repeat-booking term counts from here. */
  bookedAt: number;
  /** Until when it may be confirmed (ms since 1970); absent when the offer asks for no confirmation. */
  confirmBy?: number;
  /** Whether the lead confirmed it. */
  confirmed?: boolean;
}

/** A class as the API shows it, and whether it may be booked online at all. */
export interface ClassRecord extends Class {
  /**
   * Shown for information only: validate answers DISPLAY_ONLY and it is not an active class.
   * @default false
   */
  displayOnly?: boolean;
}

/** A slot as the API shows it, plus what the sandbox keeps behind it. */
export interface SlotRecord extends Omit<ClassSlot, "waitingListParticipants"> {
  /** The class the slot belongs to (its `classInformation.id`). */
  classId: number;
  /** PLANNED, CANCELED (by the studio) or COMPLETED. */
  status: Booking["classSlotStatus"];
  /** The waiting list in order: booking ids, or null for someone who was there before the sandbox started. */
  waitingList: Array<number | null>;
}

/**
 * A customer; `validationStatus` makes validate (and book) answer that status, as a contract or
 * penalty would.
 */
export interface CustomerRecord {
  id: number;
  validationStatus?: Extract<
    ValidationStatus,
    "NO_CONTINGENT" | "CUSTOMER_IDLE" | "NO_SHOW_PENALTY_ACTIVE" | "NOT_AVAILABLE"
  >;
}

/**
 * One studio: every class, slot, customer and booking, and what comes next. A seeded studio
 * (`seed` set) has a slot of some classes on most days; `slots` then holds the spec's example slots
 * and the slots that changed, and every other slot is made from the seed when it is asked for.
 */
export interface StudioState {
  classes: ClassRecord[];
  slots: SlotRecord[];
  /** The seed whose schedule makes the slots `slots` does not hold; absent for a studio of fixtures. */
  seed?: number;
  /** Customers the studio knows, each with what sets them apart. */
  customers: CustomerRecord[];
  /** Whether any other positive id is a customer in good standing too (otherwise it answers 404). */
  anyCustomer: boolean;
  bookings: Booking[];
  /** Local dates (YYYY-MM-DD) on which the studio is closed: validate answers STUDIO_CLOSED. */
  closedDays: string[];
  /** The id the next booking gets. */
  nextBookingId: number;
  /** The trial offers, each with its classes. @default [] */
  trialOffers?: TrialOfferRecord[];
  /** The prospects registered as leads. @default [] */
  leads?: LeadRecord[];
  /** The bookings made under a trial offer (their bookings are in `bookings` too). @default [] */
  trialBookings?: TrialBookingRecord[];
  /** The customer id the next lead gets. @default the spec's example lead's id */
  nextLeadId?: number;
}

/** Data for a studio of your own instead of the seeded one (every part optional). */
export type SandboxFixtures = Partial<Omit<StudioState, "slots">> & {
  /** Slots; `classId` may be left out when `classInformation.id` names the class. */
  slots?: Array<
    Omit<SlotRecord, "classId" | "status" | "waitingList"> &
      Partial<Pick<SlotRecord, "classId" | "status" | "waitingList">>
  >;
};

/** The customer id the first lead of a studio gets when nothing says otherwise: the spec's example lead's. */
export const FIRST_LEAD_ID = Object.values(examples.createLeadCustomer[200] ?? {})[0]?.leadCustomerId ?? 1;

/** The id the first booking of a studio gets when nothing says otherwise: the spec's example booking's. */
export const FIRST_BOOKING_ID = Object.values(examples.bookClassSlot[200] ?? {})[0]?.bookingId ?? 1;

/** Makes a value and everything in it read-only: state that studios share is never written. */
export function freeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Fills in what fixtures may leave out, and copies them so the caller's objects stay untouched. */
export function studioFromFixtures(fixtures: SandboxFixtures): StudioState {
  const copy = structuredClone(fixtures);
  const bookings = copy.bookings ?? [];
  return {
    classes: copy.classes ?? [],
    slots: (copy.slots ?? []).map((slot) => ({
      ...slot,
      classId: slot.classId ?? slot.classInformation?.id ?? 0,
      status: slot.status ?? "PLANNED",
      waitingList: slot.waitingList ?? [],
    })),
    customers: copy.customers ?? [],
    anyCustomer: copy.anyCustomer ?? copy.customers === undefined,
    bookings,
    closedDays: copy.closedDays ?? [],
    trialOffers: copy.trialOffers ?? [],
    leads: copy.leads ?? [],
    trialBookings: copy.trialBookings ?? [],
    nextLeadId: copy.nextLeadId ?? FIRST_LEAD_ID,
    nextBookingId:
      copy.nextBookingId ?? Math.max(FIRST_BOOKING_ID - 1, ...bookings.map((b) => b.bookingId)) + 1,
  };
}
