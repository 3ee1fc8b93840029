/**
 * The seeded studio: the spec's examples (the class, slots and customer of the docs' booking
 * story), plus classes and slots made up from a seed, over one day back to 14 days ahead of the
 * sandbox clock. The same seed and clock give the same studio, every time and in every runtime.
 */
import { examples } from "../../generated/contract.js";
import type { Booking, Class, ClassRecord, ClassSlot, CustomerRecord, SlotRecord, StudioState } from "./state.js";
import { addDays, localDate, localInstant, formatLocal } from "./time.js";

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

const first = <T>(operationId: string, status = 200) => Object.values(examples[operationId]?.[status] ?? {}) as T[];
const EXAMPLE_CLASSES = first<{ result: Class[] }>("getActiveClasses").flatMap((s) => s.result);
const EXAMPLE_SLOTS = [...first<ClassSlot>("getClassSlotById"), ...first<{ result: ClassSlot[] }>("getClassSlots").flatMap((s) => s.result)];
const EXAMPLE_BOOKING = first<Booking>("bookClassSlot")[0]!;

const TITLES = ["Pilates Core", "HIIT Express", "Zumba", "Body Pump", "Stretch & Relax", "Boxing Basics", "Aqua Fit", "Power Cycling"];
const CATEGORIES = ["Strength", "Cardio", "Dance", "Mobility", "Combat", "Water"];
const PEOPLE = [["Jonas", "Weber"], ["Mia", "Schulz"], ["Ali", "Yilmaz"], ["Sofia", "Rossi"], ["Tom", "Becker"], ["Emma", "Klein"]];
const ROOMS = ["Studio 1", "Studio 3", "Outdoor deck", "Pool"];
const UNITS = ["MINUTES", "HOURS", "DAY"] as const;

export interface SeedOptions {
  seed: number;
  /** The sandbox clock when the studio is made. */
  now: number;
  timeZone: string;
}

/** Makes the seeded studio. */
export function seededStudio({ seed, now, timeZone }: SeedOptions): StudioState {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (low: number, high: number) => low + Math.floor(rnd() * (high - low + 1));

  const exampleSlots = new Map(EXAMPLE_SLOTS.map((slot) => [slot.id, slot]));
  const instructors = [...new Map(EXAMPLE_SLOTS.flatMap((s) => s.instructors ?? []).map((i) => [i.id, i])).values()];
  const locations = [...new Map(EXAMPLE_SLOTS.flatMap((s) => (s.location ? [s.location] : [])).map((l) => [l.id, l])).values()];
  const nextId = (list: Array<{ id: number }>) => Math.max(0, ...list.map((x) => x.id)) + 1;
  for (const [firstName, lastName] of PEOPLE) instructors.push({ id: nextId(instructors), firstName: firstName!, lastName: lastName!, publicName: `${firstName} ${lastName![0]}.` });
  for (const name of ROOMS) locations.push({ id: nextId(locations), name });

  const classes: ClassRecord[] = [...new Map(EXAMPLE_CLASSES.map((c) => [c.id, structuredClone(c)])).values()];
  for (const title of TITLES.slice(0, 5)) {
    const duration = pick([30, 45, 60, 75]);
    classes.push({
      id: nextId(classes),
      title,
      type: rnd() < 0.8 ? "STUDIO" : "STREAM",
      duration,
      category: pick(CATEGORIES),
      description: `${title}: ${duration} minutes, for every level.`,
      bookable: true,
      cancelCondition: { cancelationAfterLatestPossible: rnd() < 0.2, latestCancelTerm: { value: int(1, 12), unit: pick(UNITS) } },
    });
  }
  // One class that is shown but cannot be booked online.
  classes.push({ id: nextId(classes), title: "Open Gym", type: "STUDIO", duration: 120, category: "Open training", description: "Come as you like; no booking needed.", bookable: true, displayOnly: true });

  const today = localDate(now, timeZone);
  const slots: SlotRecord[] = [];
  const exampleDays = new Set(EXAMPLE_SLOTS.map((s) => `${s.classInformation?.id} ${s.startDateTime?.slice(0, 10)}`));
  let slotId = Math.max(...exampleSlots.keys()) + 1;
  for (const cls of classes) {
    const weekdays = new Set(Array.from({ length: int(2, 4) }, () => int(0, 6)));
    const hour = int(7, 19);
    const minutes = cls.duration ?? 60;
    for (let day = -1; day <= 14; day++) {
      const date = addDays(today, day);
      if (!weekdays.has(new Date(`${date}T00:00:00Z`).getUTCDay()) || exampleDays.has(`${cls.id} ${date}`)) continue;
      const start = localInstant(date, hour, 0, timeZone);
      const maxParticipants = int(8, 25);
      const maxWaitingListParticipants = int(0, 5);
      const full = rnd() < 0.25;
      const additionalParticipants = int(0, 2);
      const bookedParticipants = full ? maxParticipants - additionalParticipants : int(0, maxParticipants - additionalParticipants - 1);
      slots.push({
        id: slotId++,
        classId: cls.id,
        status: start + minutes * 60_000 < now ? "COMPLETED" : "PLANNED",
        startDateTime: formatLocal(start, timeZone),
        endDateTime: formatLocal(start + minutes * 60_000, timeZone),
        classInformation: { id: cls.id, title: cls.title, duration: cls.duration, category: cls.category, description: cls.description },
        instructors: [pick(instructors)],
        location: pick(locations),
        earliestBookingDateTime: formatLocal(start - 14 * 86_400_000, timeZone),
        latestBookingDateTime: formatLocal(start - 3_600_000, timeZone),
        maxParticipants,
        maxWaitingListParticipants,
        bookedParticipants,
        additionalParticipants,
        waitingList: full ? Array(int(0, maxWaitingListParticipants)).fill(null) : [],
      });
    }
  }
  for (const example of exampleSlots.values()) {
    const { waitingListParticipants = 0, ...rest } = structuredClone(example);
    slots.push({ ...rest, classId: example.classInformation!.id, status: "PLANNED", waitingList: Array(waitingListParticipants).fill(null) });
  }
  slots.sort((a, b) => Date.parse(a.startDateTime!) - Date.parse(b.startDateTime!) || a.id - b.id);

  // Customers whose contract or record makes validate answer something other than AVAILABLE.
  const customers: CustomerRecord[] = [
    { id: EXAMPLE_BOOKING.customerId },
    { id: 9001, validationStatus: "NO_CONTINGENT" },
    { id: 9002, validationStatus: "CUSTOMER_IDLE" },
    { id: 9003, validationStatus: "NO_SHOW_PENALTY_ACTIVE" },
    { id: 9004, validationStatus: "NOT_AVAILABLE" },
  ];
  return { classes, slots, customers, anyCustomer: true, bookings: [], closedDays: [], nextBookingId: EXAMPLE_BOOKING.bookingId };
}
