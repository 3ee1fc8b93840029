/**
 * The trial offers of a sandbox studio: the classes a prospect may try, each offer's rules, the
 * prospect's registration as a lead, and the trial booking with its confirmation. An offer's
 * rules decide: how many trial bookings a lead may hold (`contingent`), how long after one the
 * next may be made (`preventMultipleBookingsTerm`), which details the lead must give
 * (`leadDataConfig`), and until when a booking must be confirmed (`confirmationOfBookingTerm`).
 * What the API documentation does not say is marked "assumed" here and listed in docs/sandbox.md.
 */
import { DAY_MS } from "../calendar.js";
import { instantOf } from "./data.js";
import { leadStatus, type LeadRequest } from "./leads.js";
import { Problem, StudioReads } from "./reads.js";
import type {
  Booking,
  LeadStatus,
  SlotRecord,
  StudioState,
  TrialOfferConfig,
  TrialOfferRecord,
  ValidationStatus,
} from "./state.js";

/** The length of each unit a term counts in (assumed: a month is 30 days, a year 365). */
export const TERM_MS = {
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAY: DAY_MS,
  WEEK: 7 * DAY_MS,
  MONTH: 30 * DAY_MS,
  YEAR: 365 * DAY_MS,
} as const;

type TrialLists = "trialOffers" | "leads" | "trialBookings";

export abstract class TrialStudio extends StudioReads {
  /** Makes a booking that validation allowed (studio.ts); `confirm`: it waits for a confirmation. */
  protected abstract place(customerId: number, slotId: number, confirm: boolean): Booking;
  /** Cancels a booking and frees its place (studio.ts). */
  protected abstract release(bookingId: number, announce: boolean): void;

  /** A list of the trial part of the state, to change (a state from before the trial offers has none yet). */
  private list<K extends TrialLists>(key: K): NonNullable<StudioState[K]> {
    if (this.data.read(key) === undefined) this.data.set(key, [] as NonNullable<StudioState[K]>);
    return this.data.write(key) as NonNullable<StudioState[K]>;
  }

  private read<K extends TrialLists>(key: K): Readonly<NonNullable<StudioState[K]>> {
    return (this.data.read(key) ?? []) as NonNullable<StudioState[K]>;
  }

  private offerOf(configId: number): TrialOfferRecord {
    const found = this.read("trialOffers").find((o) => o.config.id === configId);
    if (!found)
      throw new Problem(404, `No trial offer configuration exists with id ${configId}.`, "ENTITY_NOT_FOUND");
    return found;
  }

  /**
   * Every class offered as a trial, with its offer: bookable online, and (assumed) in the order of
   * the offers.
   */
  bookableTrialClasses(): Array<{
    trialOfferConfigId: number;
    trialOfferClass: ReturnType<StudioReads["classAnswer"]>;
  }> {
    const classes = this.data.read("classes");
    return this.read("trialOffers").flatMap((offer) =>
      offer.classIds.flatMap((id) => {
        const cls = classes.find((c) => c.id === id);
        return cls && cls.bookable && !cls.displayOnly
          ? [{ trialOfferConfigId: offer.config.id, trialOfferClass: this.classAnswer(cls) }]
          : [];
      }),
    );
  }

  trialConfig(configId: number): TrialOfferConfig {
    return this.offerOf(configId).config;
  }

  /** The slots of a class offered as a trial (assumed: another class answers 404). */
  trialSlotsOfClass(classId: number): SlotRecord[] {
    if (!this.read("trialOffers").some((o) => o.classIds.includes(classId)))
      throw new Problem(404, `No class offered as a trial exists with id ${classId}.`, "ENTITY_NOT_FOUND");
    return this.slotsOfClass(classId);
  }

  /** Whether the prospect could be registered (leads.ts says how it is decided). */
  validateLead(request: LeadRequest): LeadStatus {
    const { leadDataConfig } = this.offerOf(request.trialOfferConfigId).config;
    return leadStatus(
      request.leadCustomerData,
      leadDataConfig,
      this.read("leads").map((l) => l.email),
    );
  }

  /**
   * Registers the prospect: a new customer of the studio (assumed: refused with 400 and the status
   * as errorCode unless POSSIBLE).
   */
  createLead(request: LeadRequest): number {
    const status = this.validateLead(request);
    if (status !== "POSSIBLE")
      throw new Problem(400, `The lead cannot be registered: ${status}.`, status, "leadCustomerData");
    const id = this.data.read("nextLeadId") ?? 1;
    this.data.set("nextLeadId", id + 1);
    const { trialOfferConfigId, leadCustomerData } = request;
    this.list("leads").push({ id, trialOfferConfigId, email: leadCustomerData.email });
    this.data.write("customers").push({ id });
    return id;
  }

  /**
   * Until when a booking of the slot under the offer must be confirmed, or undefined when it needs
   * no confirmation.
   */
  private confirmBy(offer: TrialOfferRecord, slot: SlotRecord): number | undefined {
    const term = offer.config.confirmationOfBookingTerm;
    return term && instantOf(slot.startDateTime) - term.value * TERM_MS[term.unit];
  }

  /**
   * What validate answers for a lead and a trial slot: the checks of any booking, then the offer's
   * rules. Assumed: only a lead may book a trial (another customer id answers 404); a class of
   * another offer, or an offer that does not allow leads, is NOT_AVAILABLE; a full slot is
   * BOOKING_LIMIT_REACHED (no waiting list for a trial); the contingent counts the lead's trial
   * bookings under the offer that are not canceled (NO_CONTINGENT), and after each the next waits
   * for the repeat-booking term, counted from the time of booking (BOOKING_LIMIT_REACHED); a slot
   * whose confirmation deadline has passed is DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME.
   */
  validateTrial(customerId: number, slotId: number): ValidationStatus {
    const slot = this.slotOf(slotId);
    const lead = this.read("leads").find((l) => l.id === customerId);
    if (!lead) throw new Problem(404, `No lead customer exists with id ${customerId}.`, "ENTITY_NOT_FOUND");
    const offer = this.offerOf(lead.trialOfferConfigId);
    if (!offer.classIds.includes(slot.classId) || !offer.config.allowBookingForLeads) return "NOT_AVAILABLE";
    const usual = this.validate(customerId, slotId);
    if (usual !== "AVAILABLE") return usual;
    if (this.placesLeft(slot) <= 0) return "BOOKING_LIMIT_REACHED";
    const { now } = this.ctx;
    const bookings = this.data.read("bookings");
    const held = this.read("trialBookings").filter(
      (t) =>
        t.trialOfferConfigId === offer.config.id &&
        bookings.some(
          (b) => b.bookingId === t.bookingId && b.customerId === customerId && b.bookingStatus !== "CANCELED",
        ),
    );
    if (held.length >= offer.config.contingent) return "NO_CONTINGENT";
    const term = offer.config.preventMultipleBookingsTerm;
    const last = Math.max(-Infinity, ...held.map((t) => t.bookedAt));
    if (now < last + term.value * TERM_MS[term.unit]) return "BOOKING_LIMIT_REACHED";
    const by = this.confirmBy(offer, slot);
    if (by !== undefined && now > by) return "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME";
    return "AVAILABLE";
  }

  /**
   * Books a lead into a trial slot: BOOKED_WITH_CONFIRMATION_REQUIRED when the offer asks for a
   * confirmation.
   */
  bookTrial(customerId: number, slotId: number): Booking {
    const status = this.validateTrial(customerId, slotId);
    if (status !== "AVAILABLE")
      throw new Problem(
        400,
        `The lead ${customerId} cannot book the class slot ${slotId} as a trial: ${status}.`,
        status,
        "classSlotId",
      );
    const lead = this.read("leads").find((l) => l.id === customerId)!;
    const offer = this.offerOf(lead.trialOfferConfigId);
    const confirmBy = this.confirmBy(offer, this.slotOf(slotId));
    const booking = this.place(customerId, slotId, confirmBy !== undefined);
    this.list("trialBookings").push({
      bookingId: booking.bookingId,
      trialOfferConfigId: offer.config.id,
      bookedAt: this.ctx.now,
      ...(confirmBy !== undefined && { confirmBy }),
    });
    return booking;
  }

  /**
   * Confirms a trial booking: CONFIRMED up to its deadline (the booking is then BOOKED and
   * announced with CLASS_BOOKING_CREATED), EXPIRED after it. Assumed: a booking that needed no
   * confirmation, or was confirmed already, answers CONFIRMED again; one canceled before its
   * deadline is refused with 400.
   */
  confirmTrial(bookingId: number): "CONFIRMED" | "EXPIRED" {
    this.expireOverdue();
    const record = this.read("trialBookings").find((t) => t.bookingId === bookingId);
    if (!record)
      throw new Problem(404, `No trial offer booking exists with id ${bookingId}.`, "ENTITY_NOT_FOUND");
    if (record.confirmBy === undefined || record.confirmed) return "CONFIRMED";
    if (this.ctx.now > record.confirmBy) return "EXPIRED";
    const booking = this.data.write("bookings").find((b) => b.bookingId === bookingId)!;
    if (booking.bookingStatus === "CANCELED")
      throw new Problem(
        400,
        `The trial booking ${bookingId} is canceled.`,
        "BOOKING_ALREADY_CANCELED",
        "bookingId",
      );
    this.list("trialBookings").find((t) => t.bookingId === bookingId)!.confirmed = true;
    booking.bookingStatus = "BOOKED";
    booking.participantStatus = "PARTICIPATING";
    this.ctx.emit({ type: "CLASS_BOOKING_CREATED", entityId: bookingId });
    return "CONFIRMED";
  }

  /**
   * Cancels every trial booking whose confirmation deadline has passed unconfirmed, freeing its
   * place. Assumed: no CLASS_BOOKING_CANCELLED is sent, as the booking was never announced.
   * Runs before every request the studio answers, so the clock's moves take effect.
   */
  expireOverdue(): void {
    const { now } = this.ctx;
    const bookings = this.data.read("bookings");
    for (const t of this.read("trialBookings")) {
      if (t.confirmBy === undefined || t.confirmed || now <= t.confirmBy) continue;
      const booking = bookings.find((b) => b.bookingId === t.bookingId);
      if (booking?.bookingStatus === "BOOKED_WITH_CONFIRMATION_REQUIRED") this.release(t.bookingId, false);
    }
  }
}
