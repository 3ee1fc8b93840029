/**
 * What a sandbox studio reads: its classes, slots and bookings as the API shows them, the windows
 * of time the list operations cover, and the answer validate gives. The clock moves them: a slot
 * that has ended reads COMPLETED, and the windows roll with the clock. What the API documentation
 * does not say is marked "assumed" here and listed in docs/sandbox.md.
 */
import type { webhooks } from "../../../generated/schema.js";
import { instantOf, type StudioData } from "./data.js";
import type {
  Booking,
  Class,
  ClassRecord,
  ClassSlot,
  CustomerRecord,
  SlotRecord,
  StudioState,
  ValidationStatus,
} from "./state.js";
import { addDays, DAY_MS } from "../calendar.js";
import { localDate, localInstant } from "./time.js";

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

/** The bookings that hold a place or a waiting-list place. */
const ACTIVE: ReadonlyArray<Booking["bookingStatus"]> = [
  "BOOKED",
  "BOOKED_WITH_CONFIRMATION_REQUIRED",
  "WAITING_LIST",
];
const notFound = (what: string, id: number) =>
  new Problem(404, `No ${what} exists with id ${id}.`, "ENTITY_NOT_FOUND");

export class StudioReads {
  constructor(
    protected readonly data: StudioData,
    private readonly context: () => StudioContext,
  ) {}

  protected get ctx(): StudioContext {
    return this.context();
  }

  /**
   * Everything the studio holds, as plain JSON (a copy; seeded slots that never changed are made
   * from the seed and left out).
   */
  get state(): StudioState {
    return this.data.toState();
  }

  /** A date-time as this studio writes it. */
  private written(text: string | undefined): string | undefined {
    return text && this.ctx.zoneIds && !text.endsWith("]") ? `${text}[${this.ctx.timeZone}]` : text;
  }

  classOf(id: number): ClassRecord {
    const found = this.data.read("classes").find((c) => c.id === id);
    if (!found) throw notFound("class", id);
    return found;
  }

  slotOf(id: number): SlotRecord {
    const found = this.data.slot(id);
    if (!found) throw notFound("class slot", id);
    return found;
  }

  bookingOf(id: number): Booking {
    const found = this.data.read("bookings").find((b) => b.bookingId === id);
    if (!found) throw notFound("class booking", id);
    return found;
  }

  protected customerOf(id: number): CustomerRecord {
    const found = this.data.read("customers").find((c) => c.id === id);
    if (!found && !(this.data.read("anyCustomer") && id > 0)) throw notFound("customer", id);
    return found ?? { id };
  }

  /**
   * PLANNED, CANCELED (called off by the studio) or COMPLETED: a planned slot is COMPLETED once it
   * has ended.
   */
  statusOf(slot: SlotRecord): SlotRecord["status"] {
    return slot.status === "PLANNED" && this.ended(slot) ? "COMPLETED" : slot.status;
  }

  /** Whether the slot's end has come (by the sandbox clock). */
  protected ended(slot: SlotRecord): boolean {
    return instantOf(slot.endDateTime) <= this.ctx.now;
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

  /**
   * A booking as the API shows it; the slot's status is read now (assumed: a canceled booking is
   * NOT_PARTICIPATING).
   */
  bookingAnswer(booking: Booking): Booking {
    const slot = this.data.slot(booking.classSlotId);
    const participantStatus =
      booking.bookingStatus === "CANCELED" ? "NOT_PARTICIPATING" : booking.participantStatus;
    return {
      ...booking,
      classSlotStatus: slot ? this.statusOf(slot) : booking.classSlotStatus,
      participantStatus,
    };
  }

  /** Slots that start from one day back to 14 days ahead of the clock. */
  private upcoming(): SlotRecord[] {
    const { now } = this.ctx;
    return this.data.slotsStarting(now - DAY_MS, now + 14 * DAY_MS);
  }

  /** Bookable online, and at least one slot in the window. */
  activeClasses(): ClassRecord[] {
    const withSlots = new Set(this.upcoming().map((s) => s.classId));
    return this.data.read("classes").filter((c) => c.bookable && !c.displayOnly && withSlots.has(c.id));
  }

  slotsOfClass(classId: number): SlotRecord[] {
    this.classOf(classId);
    return this.upcoming().filter((s) => s.classId === classId);
  }

  /** Slots of every class from the start date (assumed: today when left out) to that date plus daysAhead. */
  slotsInWindow(startDate: string | undefined, daysAhead: number): SlotRecord[] {
    const { now, timeZone } = this.ctx;
    const first = startDate ?? localDate(now, timeZone);
    const last = addDays(first, daysAhead);
    if (!last || !addDays(first, 0)) {
      const problem = `The window from slotWindowStartDate ${first} plus ${daysAhead} days is not within the years 0001 to 9999.`;
      throw new Problem(400, problem, "VALIDATION_FAILED", "slotWindowStartDate");
    }
    // Local midnight after the last day: a day of a daylight-saving change has 23 or 25 hours.
    const to = localInstant(last, 24, 0, timeZone);
    return this.data.slotsStarting(localInstant(first, 0, 0, timeZone), to - 1);
  }

  slotOfClass(classId: number, slotId: number): SlotRecord {
    this.classOf(classId);
    const slot = this.slotOf(slotId);
    if (slot.classId !== classId)
      throw new Problem(
        404,
        `No class slot exists with id ${slotId} in class ${classId}.`,
        "ENTITY_NOT_FOUND",
      );
    return slot;
  }

  /** The customer's active bookings, each with its slot. */
  protected activeBookingsOf(customerId: number): Array<[Booking, SlotRecord | undefined]> {
    return this.data
      .read("bookings")
      .filter((b) => b.customerId === customerId && ACTIVE.includes(b.bookingStatus))
      .map((b) => [b, this.data.slot(b.classSlotId)]);
  }

  /**
   * What validate answers: a status, never a booking. A slot the studio called off blocks nothing
   * (assumed).
   */
  validate(customerId: number, slotId: number): ValidationStatus {
    const slot = this.slotOf(slotId);
    const customer = this.customerOf(customerId);
    const cls = this.data.read("classes").find((c) => c.id === slot.classId);
    const { now, timeZone } = this.ctx;
    const start = instantOf(slot.startDateTime);
    const end = instantOf(slot.endDateTime);
    if (customer.validationStatus) return customer.validationStatus;
    if (cls?.displayOnly) return "DISPLAY_ONLY";
    if (this.data.read("closedDays").includes(localDate(start, timeZone))) return "STUDIO_CLOSED";
    if (!cls?.bookable || slot.status !== "PLANNED") return "NOT_AVAILABLE";
    if (now < instantOf(slot.earliestBookingDateTime)) return "DATE_TIME_BEFORE_EARLIEST_BOOKING_DATE_TIME";
    if (now > instantOf(slot.latestBookingDateTime)) return "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME";
    if (this.ended(slot)) return "NOT_AVAILABLE";
    const mine = this.activeBookingsOf(customerId);
    if (mine.some(([b]) => b.classSlotId === slotId)) return "CUSTOMER_ALREADY_BOOKED";
    const overlapping = mine.some(
      ([, other]) =>
        other &&
        other.status !== "CANCELED" &&
        instantOf(other.startDateTime) < end &&
        instantOf(other.endDateTime) > start,
    );
    if (overlapping) return "CUSTOMER_IN_OTHER_BOOKING";
    if (this.placesLeft(slot) <= 0 && slot.waitingList.length >= (slot.maxWaitingListParticipants ?? 0))
      return "BOOKING_LIMIT_REACHED";
    return "AVAILABLE";
  }

  protected placesLeft(slot: SlotRecord): number {
    return (slot.maxParticipants ?? Infinity) - (slot.bookedParticipants ?? 0) - slot.additionalParticipants;
  }

  /** The customer's bookings whose slot starts and ends within two weeks of the clock. */
  bookingsOf(customerId: number): Booking[] {
    this.customerOf(customerId);
    const { now } = this.ctx;
    return this.data.read("bookings").filter((b) => {
      const slot = b.customerId === customerId ? this.data.slot(b.classSlotId) : undefined;
      return (
        !!slot &&
        instantOf(slot.startDateTime) >= now - 14 * DAY_MS &&
        instantOf(slot.endDateTime) <= now + 14 * DAY_MS
      );
    });
  }
}
