/**
 * The seeded studio's rolling schedule: each seeded class has a slot on some weekdays, on every
 * day, made on demand from the seed, the class and the date. A slot's id is made of its date and
 * class (days since 1970 times 100, plus the class's place in the list), so the same seed and local
 * date give the same slot, with the same id, whenever it is asked for and wherever the clock is.
 * Slots are shared by every studio of a sandbox and never written (a studio copies one it changes).
 */
import type { ClassRecord, SlotRecord } from "./state.js";
import { freeze } from "./state.js";
import { DAY_MS, dateOfDay, dayNumber, weekdayOf } from "../calendar.js";
import { formatLocal, localDate, localInstant } from "./time.js";

/** A small, fast pseudo-random generator (mulberry32): the same seed gives the same numbers. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One number from several (a seed, a day, a class), for a generator of their own. */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) h = Math.imul(h ^ (part | 0) ^ Math.floor(part / 2 ** 32), 0x01000193) >>> 0;
  return h;
}

/** A seeded class and when it takes place: its weekdays (0 is Sunday) at one local hour. */
export interface ScheduledClass {
  cls: ClassRecord;
  weekdays: readonly number[];
  hour: number;
}

export interface ScheduleParts {
  seed: number;
  timeZone: string;
  classes: readonly ScheduledClass[];
  /** `${classId} ${date}`: days on which a class already has a slot of the spec's examples. */
  taken: ReadonlySet<string>;
  instructors: NonNullable<SlotRecord["instructors"]>;
  locations: Array<NonNullable<SlotRecord["location"]>>;
}

const ID_DAY = 100;
/** Days the schedule has slots on: from 1970-01-02 to 9999-12-31 (so that every id is positive). */
const DAYS = { first: 1, last: dayNumber("9999-12-31") };
const CACHED_DAYS = 64;

export class Schedule {
  private readonly days = new Map<number, readonly SlotRecord[]>();

  constructor(private readonly parts: ScheduleParts) {}

  /** The slots of one day (days since 1970), made once and kept for a while. */
  slotsOn(day: number): readonly SlotRecord[] {
    let slots = this.days.get(day);
    if (slots) {
      this.days.delete(day);
    } else {
      slots = freeze(this.make(day));
      if (this.days.size >= CACHED_DAYS) this.days.delete(this.days.keys().next().value!);
    }
    this.days.set(day, slots);
    return slots;
  }

  /** The slot with this id, if the schedule has one. */
  slotById(id: number): SlotRecord | undefined {
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    return this.slotsOn(Math.floor(id / ID_DAY)).find((slot) => slot.id === id);
  }

  /** Every slot on the local days from `from` to `to` (instants); the caller picks by exact time. */
  slotsAround(from: number, to: number): SlotRecord[] {
    const { timeZone } = this.parts;
    const first = Math.max(DAYS.first, dayNumber(localDate(Math.max(from, -8e15), timeZone)));
    const last = Math.min(DAYS.last, dayNumber(localDate(Math.min(to, 8e15), timeZone)));
    const out: SlotRecord[] = [];
    for (let day = first; day <= last && day - first < 400; day++) out.push(...this.slotsOn(day));
    return out;
  }

  private make(day: number): SlotRecord[] {
    const date = day >= DAYS.first && day <= DAYS.last ? dateOfDay(day) : undefined;
    if (!date) return [];
    const { seed, timeZone, classes, taken, instructors, locations } = this.parts;
    const weekday = weekdayOf(day);
    const slots: SlotRecord[] = [];
    classes.forEach(({ cls, weekdays, hour }, index) => {
      if (!weekdays.includes(weekday) || taken.has(`${cls.id} ${date}`)) return;
      const rnd = random(mix(seed, day, index));
      const int = (low: number, high: number) => low + Math.floor(rnd() * (high - low + 1));
      const start = localInstant(date, hour, 0, timeZone);
      const end = start + (cls.duration ?? 60) * 60_000;
      const maxParticipants = int(8, 25);
      const maxWaitingListParticipants = int(0, 5);
      const full = rnd() < 0.25;
      const additionalParticipants = int(0, 2);
      slots.push({
        id: day * ID_DAY + index,
        classId: cls.id,
        status: "PLANNED",
        startDateTime: formatLocal(start, timeZone),
        endDateTime: formatLocal(end, timeZone),
        classInformation: {
          id: cls.id,
          title: cls.title,
          duration: cls.duration,
          category: cls.category,
          description: cls.description,
        },
        instructors: [instructors[int(0, instructors.length - 1)]!],
        location: locations[int(0, locations.length - 1)]!,
        earliestBookingDateTime: formatLocal(start - 14 * DAY_MS, timeZone),
        latestBookingDateTime: formatLocal(start - 3_600_000, timeZone),
        maxParticipants,
        maxWaitingListParticipants,
        bookedParticipants: full
          ? maxParticipants - additionalParticipants
          : int(0, maxParticipants - additionalParticipants - 1),
        additionalParticipants,
        waitingList: full ? Array(int(0, maxWaitingListParticipants)).fill(null) : [],
      });
    });
    return slots;
  }
}
