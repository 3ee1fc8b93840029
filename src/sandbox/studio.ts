/**
 * How a sandbox studio behaves: the reads, validate, book and cancel, over a StudioState. What
 * the API documentation does not say is marked "assumed" here and listed in the README.
 */
import type { webhooks } from "../../generated/schema.js";
import type { Booking, Class, ClassRecord, ClassSlot, SlotRecord, StudioState, ValidationStatus } from "./state.js";
import { addDays, localDate, localInstant } from "./time.js";

/** An answer other than 200: thrown by the studio, written as an ErrorResponse by the HTTP layer. */
export class Problem {
  constructor(
    readonly status: number,
    readonly errorMessage: string,
    readonly errorCode: string,
    readonly reference?: string,
  ) {}
}

/** Something the studio did that the API would tell integrations about (a webhook). */
export interface StudioEvent {
  /** One of the event types the spec describes. */
  type: keyof webhooks;
  entityId: number;
  content?: { classId: number };
}

export interface StudioContext {
  now: number;
  timeZone: string;
  /** Append `[time zone]` to every date-time, as some API versions do. */
  zoneIds: boolean;
  emit: (event: StudioEvent) => void;
}

const DAY = 86_400_000;
const TERM_MS = { MINUTES: 60_000, HOURS: 3_600_000, DAY, WEEK: 7 * DAY, MONTH: 30 * DAY, YEAR: 365 * DAY } as const;
const ACTIVE: ReadonlyArray<Booking["bookingStatus"]> = ["BOOKED", "BOOKED_WITH_CONFIRMATION_REQUIRED", "WAITING_LIST"];
const notFound = (what: string, id: number) => new Problem(404, `No ${what} exists with id ${id}.`, "ENTITY_NOT_FOUND");

export class Studio {
  constructor(
    readonly state: StudioState,
    private readonly context: () => StudioContext,
  ) {}

  private get ctx() {
    return this.context();
  }

  private time(text: string | undefined): number {
    return Date.parse((text ?? "").replace(/\[.*\]$/, ""));
  }

  /** A date-time as this studio writes it. */
  private written(text: string | undefined): string | undefined {
    return text && this.ctx.zoneIds && !text.endsWith("]") ? `${text}[${this.ctx.timeZone}]` : text;
  }

  classOf(id: number): ClassRecord {
    const found = this.state.classes.find((c) => c.id === id);
    if (!found) throw notFound("class", id);
    return found;
  }

  slotOf(id: number): SlotRecord {
    const found = this.state.slots.find((s) => s.id === id);
    if (!found) throw notFound("class slot", id);
    return found;
  }

  bookingOf(id: number): Booking {
    const found = this.state.bookings.find((b) => b.bookingId === id);
    if (!found) throw notFound("class booking", id);
    return found;
  }

  private customerOf(id: number) {
    const found = this.state.customers.find((c) => c.id === id);
    if (!found && !(this.state.anyCustomer && id > 0)) throw notFound("customer", id);
    return found ?? { id };
  }

  /** A class as the API shows it. */
  classAnswer(cls: ClassRecord): Class {
    const { displayOnly: _, ...shown } = cls;
    return shown;
  }

  /** A slot as the API shows it. */
  slotAnswer(slot: SlotRecord): ClassSlot {
    const { classId: _, status: __, waitingList, ...shown } = slot;
    return {
      ...shown,
      startDateTime: this.written(shown.startDateTime),
      endDateTime: this.written(shown.endDateTime),
      earliestBookingDateTime: this.written(shown.earliestBookingDateTime),
      latestBookingDateTime: this.written(shown.latestBookingDateTime),
      waitingListParticipants: waitingList.length,
    };
  }

  /** A booking as the API shows it; the slot's status is read now. */
  bookingAnswer(booking: Booking): Booking {
    const slot = this.state.slots.find((s) => s.id === booking.classSlotId);
    return { ...booking, classSlotStatus: slot?.status ?? booking.classSlotStatus };
  }

  /** Slots that start from one day back to 14 days ahead of the clock. */
  private upcoming(slot: SlotRecord): boolean {
    const start = this.time(slot.startDateTime);
    return start >= this.ctx.now - DAY && start <= this.ctx.now + 14 * DAY;
  }

  /** Bookable online, and at least one slot in the window. */
  activeClasses(): ClassRecord[] {
    return this.state.classes.filter((c) => c.bookable && !c.displayOnly && this.state.slots.some((s) => s.classId === c.id && this.upcoming(s)));
  }

  slotsOfClass(classId: number): SlotRecord[] {
    this.classOf(classId);
    return this.state.slots.filter((s) => s.classId === classId && this.upcoming(s));
  }

  /** Slots of every class from the start date (assumed: today when left out) to that date plus daysAhead. */
  slotsInWindow(startDate: string | undefined, daysAhead: number): SlotRecord[] {
    const { now, timeZone } = this.ctx;
    const from = localInstant(startDate ?? localDate(now, timeZone), 0, 0, timeZone);
    const to = localInstant(addDays(startDate ?? localDate(now, timeZone), daysAhead + 1), 0, 0, timeZone);
    return this.state.slots.filter((s) => this.time(s.startDateTime) >= from && this.time(s.startDateTime) < to);
  }

  slotOfClass(classId: number, slotId: number): SlotRecord {
    this.classOf(classId);
    const slot = this.slotOf(slotId);
    if (slot.classId !== classId) throw new Problem(404, `No class slot exists with id ${slotId} in class ${classId}.`, "ENTITY_NOT_FOUND");
    return slot;
  }

  /** What validate answers: a status, never a booking. */
  validate(customerId: number, slotId: number): ValidationStatus {
    const slot = this.slotOf(slotId);
    const customer = this.customerOf(customerId);
    const cls = this.state.classes.find((c) => c.id === slot.classId);
    const { now, timeZone } = this.ctx;
    const start = this.time(slot.startDateTime);
    const end = this.time(slot.endDateTime);
    const mine = this.state.bookings.filter((b) => b.customerId === customerId && ACTIVE.includes(b.bookingStatus));
    if (customer.validationStatus) return customer.validationStatus;
    if (cls?.displayOnly) return "DISPLAY_ONLY";
    if (this.state.closedDays.includes(localDate(start, timeZone))) return "STUDIO_CLOSED";
    if (!cls?.bookable || slot.status !== "PLANNED") return "NOT_AVAILABLE";
    if (now < this.time(slot.earliestBookingDateTime)) return "DATE_TIME_BEFORE_EARLIEST_BOOKING_DATE_TIME";
    if (now > this.time(slot.latestBookingDateTime)) return "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME";
    if (mine.some((b) => b.classSlotId === slotId)) return "CUSTOMER_ALREADY_BOOKED";
    const overlapping = mine.some((b) => {
      const other = this.state.slots.find((s) => s.id === b.classSlotId);
      return other && this.time(other.startDateTime) < end && this.time(other.endDateTime) > start;
    });
    if (overlapping) return "CUSTOMER_IN_OTHER_BOOKING";
    if (this.placesLeft(slot) <= 0 && slot.waitingList.length >= (slot.maxWaitingListParticipants ?? 0)) return "BOOKING_LIMIT_REACHED";
    return "AVAILABLE";
  }

  private placesLeft(slot: SlotRecord): number {
    return (slot.maxParticipants ?? Infinity) - (slot.bookedParticipants ?? 0) - slot.additionalParticipants;
  }

  /**
   * Books the customer: a place, or (assumed) the waiting list when the places are taken and the
   * waiting list is not. Anything validate would not answer AVAILABLE for is refused (assumed:
   * 400 with that status as errorCode).
   */
  book(customerId: number, slotId: number): Booking {
    const status = this.validate(customerId, slotId);
    if (status !== "AVAILABLE") throw new Problem(400, `The customer ${customerId} cannot book the class slot ${slotId}: ${status}.`, status, "classSlotId");
    const slot = this.slotOf(slotId);
    const waiting = this.placesLeft(slot) <= 0;
    const booking: Booking = {
      bookingId: this.state.nextBookingId++,
      bookingStatus: waiting ? "WAITING_LIST" : "BOOKED",
      classSlotId: slot.id,
      classId: slot.classId,
      customerId,
      classSlotStatus: slot.status,
      participantStatus: waiting ? "UNSET" : "PARTICIPATING",
    };
    if (waiting) slot.waitingList.push(booking.bookingId);
    else slot.bookedParticipants = (slot.bookedParticipants ?? 0) + 1;
    this.state.bookings.push(booking);
    this.ctx.emit({ type: "CLASS_BOOKING_CREATED", entityId: booking.bookingId });
    return booking;
  }

  /**
   * Cancels a booking (assumed: it then reads CANCELED). A place it held goes to the first on the
   * waiting list. Refused (assumed: 400) when it is canceled already, or when the class's
   * latestCancelTerm has passed and cancelationAfterLatestPossible is not set.
   */
  cancel(bookingId: number): void {
    const booking = this.bookingOf(bookingId);
    if (booking.bookingStatus === "CANCELED") throw new Problem(400, `The class booking ${bookingId} is canceled already.`, "BOOKING_ALREADY_CANCELED", "bookingId");
    const slot = this.slotOf(booking.classSlotId);
    const condition = this.state.classes.find((c) => c.id === slot.classId)?.cancelCondition;
    const term = condition?.latestCancelTerm;
    if (term && !condition.cancelationAfterLatestPossible && this.ctx.now > this.time(slot.startDateTime) - term.value * TERM_MS[term.unit]) {
      throw new Problem(400, `The class booking ${bookingId} can no longer be canceled: the cancellation deadline has passed.`, "CANCELATION_DEADLINE_PASSED", "bookingId");
    }
    const held = booking.bookingStatus !== "WAITING_LIST";
    booking.bookingStatus = "CANCELED";
    this.ctx.emit({ type: "CLASS_BOOKING_CANCELLED", entityId: bookingId });
    if (!held) {
      slot.waitingList = slot.waitingList.filter((id) => id !== bookingId);
      return;
    }
    slot.bookedParticipants = Math.max(0, (slot.bookedParticipants ?? 0) - 1);
    this.promote(slot);
  }

  /** Fills free places from the waiting list, first come first served. */
  private promote(slot: SlotRecord): void {
    while (this.placesLeft(slot) > 0 && slot.waitingList.length) {
      const next = slot.waitingList.shift();
      slot.bookedParticipants = (slot.bookedParticipants ?? 0) + 1;
      const promoted = this.state.bookings.find((b) => b.bookingId === next);
      if (promoted) {
        promoted.bookingStatus = "BOOKED";
        promoted.participantStatus = "PARTICIPATING";
        this.ctx.emit({ type: "CLASS_BOOKING_UPDATED", entityId: promoted.bookingId });
      }
    }
  }

  /** The customer's bookings whose slot starts and ends within two weeks of the clock. */
  bookingsOf(customerId: number): Booking[] {
    this.customerOf(customerId);
    const { now } = this.ctx;
    return this.state.bookings.filter((b) => {
      const slot = this.state.slots.find((s) => s.id === b.classSlotId);
      return b.customerId === customerId && !!slot && this.time(slot.startDateTime) >= now - 14 * DAY && this.time(slot.endDateTime) <= now + 14 * DAY;
    });
  }

  /** A change made at the studio (time, room, instructors, places): tells integrations. */
  updateSlot(slotId: number, change: Partial<Omit<SlotRecord, "id" | "classId" | "status" | "waitingList" | "classInformation">>): SlotRecord {
    const slot = this.slotOf(slotId);
    Object.assign(slot, change);
    this.promote(slot);
    this.ctx.emit({ type: "CLASS_SLOT_UPDATED", entityId: slot.id, content: { classId: slot.classId } });
    return slot;
  }

  /** The studio calls a slot off: it and its bookings read classSlotStatus CANCELED. */
  cancelSlot(slotId: number): SlotRecord {
    const slot = this.slotOf(slotId);
    slot.status = "CANCELED";
    this.ctx.emit({ type: "CLASS_SLOT_CANCELLED", entityId: slot.id, content: { classId: slot.classId } });
    return slot;
  }
}
