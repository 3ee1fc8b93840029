/**
 * How a sandbox studio behaves when something changes: book and cancel (as the API does them),
 * and the studio's own actions a test can take (change a slot, call it off); the trial offers'
 * flow is in trials.ts. What the API documentation does not say is marked "assumed" here and
 * listed in docs/sandbox.md.
 */
import { instantOf } from "./data.js";
import { Problem } from "./reads.js";
import type { Booking, SlotRecord } from "./state.js";
import { TERM_MS, TrialStudio } from "./trials.js";

export { Problem, type StudioEvent } from "./reads.js";

export class Studio extends TrialStudio {
  /** This studio's own copy of a slot, to change it. */
  private writableSlot(id: number): SlotRecord {
    this.slotOf(id);
    return this.data.writableSlot(id)!;
  }

  /**
   * Books the customer: a place, or (assumed) the waiting list when the places are taken and the
   * waiting list is not. Anything validate would not answer AVAILABLE for is refused (assumed:
   * 400 with that status as errorCode).
   */
  book(customerId: number, slotId: number): Booking {
    const status = this.validate(customerId, slotId);
    if (status !== "AVAILABLE")
      throw new Problem(
        400,
        `The customer ${customerId} cannot book the class slot ${slotId}: ${status}.`,
        status,
        "classSlotId",
      );
    return this.place(customerId, slotId, false);
  }

  /**
   * Makes a booking that validation allowed: a place, or the waiting list when the places are
   * taken. One that must be confirmed holds its place unannounced (assumed: UNSET until confirmed);
   * every other booking is announced with CLASS_BOOKING_CREATED at once.
   */
  protected place(customerId: number, slotId: number, confirm: boolean): Booking {
    const slot = this.writableSlot(slotId);
    const waiting = this.placesLeft(slot) <= 0;
    const bookingId = this.data.read("nextBookingId");
    this.data.set("nextBookingId", bookingId + 1);
    const booking: Booking = {
      bookingId,
      bookingStatus: waiting ? "WAITING_LIST" : confirm ? "BOOKED_WITH_CONFIRMATION_REQUIRED" : "BOOKED",
      classSlotId: slot.id,
      classId: slot.classId,
      customerId,
      classSlotStatus: slot.status,
      participantStatus: waiting || confirm ? "UNSET" : "PARTICIPATING",
    };
    if (waiting) slot.waitingList.push(booking.bookingId);
    else slot.bookedParticipants = (slot.bookedParticipants ?? 0) + 1;
    this.data.write("bookings").push(booking);
    if (!confirm) this.ctx.emit({ type: "CLASS_BOOKING_CREATED", entityId: booking.bookingId });
    return booking;
  }

  /**
   * Cancels a booking (assumed: it then reads CANCELED and NOT_PARTICIPATING). A place it held goes
   * to the first on the waiting list. Refused (assumed: 400) when it is canceled already, when its
   * slot has ended, or when the class's latestCancelTerm has passed and
   * cancelationAfterLatestPossible is not set.
   */
  cancel(bookingId: number): void {
    const found = this.bookingOf(bookingId);
    if (found.bookingStatus === "CANCELED")
      throw new Problem(
        400,
        `The class booking ${bookingId} is canceled already.`,
        "BOOKING_ALREADY_CANCELED",
        "bookingId",
      );
    const shared = this.slotOf(found.classSlotId);
    if (this.ended(shared)) {
      throw new Problem(
        400,
        `The class booking ${bookingId} can no longer be canceled: its class slot ended at ${shared.endDateTime}.`,
        "CLASS_SLOT_COMPLETED",
        "bookingId",
      );
    }
    const condition = this.data.read("classes").find((c) => c.id === shared.classId)?.cancelCondition;
    const term = condition?.latestCancelTerm;
    if (
      term &&
      !condition.cancelationAfterLatestPossible &&
      this.ctx.now > instantOf(shared.startDateTime) - term.value * TERM_MS[term.unit]
    ) {
      throw new Problem(
        400,
        `The class booking ${bookingId} can no longer be canceled: the cancellation deadline has passed.`,
        "CANCELATION_DEADLINE_PASSED",
        "bookingId",
      );
    }
    this.release(bookingId, true);
  }

  /** Cancels a booking and gives its place to the waiting list; `announce` sends CLASS_BOOKING_CANCELLED. */
  protected release(bookingId: number, announce: boolean): void {
    const booking = this.data.write("bookings").find((b) => b.bookingId === bookingId)!;
    const slot = this.writableSlot(booking.classSlotId);
    const held = booking.bookingStatus !== "WAITING_LIST";
    booking.bookingStatus = "CANCELED";
    booking.participantStatus = "NOT_PARTICIPATING";
    if (announce) this.ctx.emit({ type: "CLASS_BOOKING_CANCELLED", entityId: bookingId });
    if (!held) {
      slot.waitingList = slot.waitingList.filter((id) => id !== bookingId);
      return;
    }
    slot.bookedParticipants = Math.max(0, (slot.bookedParticipants ?? 0) - 1);
    this.promote(slot);
  }

  /** Fills free places from the waiting list, first come first served (not once the slot has ended). */
  private promote(slot: SlotRecord): void {
    if (this.ended(slot)) return;
    while (this.placesLeft(slot) > 0 && slot.waitingList.length) {
      const next = slot.waitingList.shift();
      slot.bookedParticipants = (slot.bookedParticipants ?? 0) + 1;
      const promoted =
        next === null ? undefined : this.data.write("bookings").find((b) => b.bookingId === next);
      if (promoted) {
        promoted.bookingStatus = "BOOKED";
        promoted.participantStatus = "PARTICIPATING";
        this.ctx.emit({ type: "CLASS_BOOKING_UPDATED", entityId: promoted.bookingId });
      }
    }
  }

  /** A change made at the studio (time, room, instructors, places): tells integrations. */
  updateSlot(
    slotId: number,
    change: Partial<Omit<SlotRecord, "id" | "classId" | "status" | "waitingList" | "classInformation">>,
  ): SlotRecord {
    const slot = this.writableSlot(slotId);
    Object.assign(slot, structuredClone(change));
    this.promote(slot);
    this.ctx.emit({ type: "CLASS_SLOT_UPDATED", entityId: slot.id, content: { classId: slot.classId } });
    return structuredClone(slot);
  }

  /** The studio calls a slot off: it and its bookings read classSlotStatus CANCELED. */
  cancelSlot(slotId: number): SlotRecord {
    const slot = this.writableSlot(slotId);
    slot.status = "CANCELED";
    this.ctx.emit({ type: "CLASS_SLOT_CANCELLED", entityId: slot.id, content: { classId: slot.classId } });
    return structuredClone(slot);
  }
}
