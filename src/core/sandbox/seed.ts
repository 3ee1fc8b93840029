/**
 * The seeded studio: the spec's examples (the class, slots and customer of the docs' booking
 * story, at their own dates), plus classes made up from a seed whose slots the rolling schedule
 * makes for any day. The same seed gives the same studio, every time and in every runtime; it is
 * made once and shared, read-only, by every studio of that seed (a studio copies what it changes).
 */
import { examples } from "../../../generated/contract.js";
import { random, Schedule, type ScheduledClass } from "./schedule.js";
import {
  FIRST_BOOKING_ID,
  FIRST_LEAD_ID,
  freeze,
  type Booking,
  type Class,
  type ClassRecord,
  type ClassSlot,
  type CustomerRecord,
  type SlotRecord,
  type StudioState,
} from "./state.js";
import { seededTrialOffers } from "./seed-trials.js";

/** The named examples of one answer, in the spec's order. */
const all = <T>(named: Readonly<Record<string, T>> | undefined): T[] => Object.values(named ?? {});
const EXAMPLE_CLASSES: Class[] = all(examples.getActiveClasses[200]).flatMap((s) => s.result);
const EXAMPLE_SLOTS: ClassSlot[] = [
  ...all(examples.getClassSlotById[200]),
  ...all(examples.getClassSlots[200]).flatMap((s) => s.result),
];
const EXAMPLE_BOOKING: Booking = all(examples.bookClassSlot[200])[0]!;
const TITLES = ["Pilates Core", "HIIT Express", "Zumba", "Body Pump", "Stretch & Relax"];
const CATEGORIES = ["Strength", "Cardio", "Dance", "Mobility", "Combat", "Water"];
const PEOPLE = [
  ["Jonas", "Weber"],
  ["Mia", "Schulz"],
  ["Ali", "Yilmaz"],
  ["Sofia", "Rossi"],
  ["Tom", "Becker"],
  ["Emma", "Klein"],
];
const ROOMS = ["Studio 1", "Studio 3", "Outdoor deck", "Pool"];
const UNITS = ["MINUTES", "HOURS", "DAY"] as const;

/** What every studio of one seed starts from, shared and never written. */
export interface Seeded {
  state: Readonly<StudioState>;
  schedule: Schedule;
}

const made = new Map<string, Seeded>();

/** The seeded studio of a seed in a time zone (made once, then shared). */
export function seededStudio(seed: number, timeZone: string): Seeded {
  const id = `${seed} ${timeZone}`;
  let found = made.get(id);
  if (!found) {
    found = makeSeeded(seed, timeZone);
    if (made.size >= 16) made.delete(made.keys().next().value!);
    made.set(id, found);
  }
  return found;
}

function makeSeeded(seed: number, timeZone: string): Seeded {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (low: number, high: number) => low + Math.floor(rnd() * (high - low + 1));

  const instructors = [
    ...new Map(EXAMPLE_SLOTS.flatMap((s) => s.instructors ?? []).map((i) => [i.id, i])).values(),
  ];
  const locations = [
    ...new Map(EXAMPLE_SLOTS.flatMap((s) => (s.location ? [s.location] : [])).map((l) => [l.id, l])).values(),
  ];
  const nextId = (list: Array<{ id: number }>) => Math.max(0, ...list.map((x) => x.id)) + 1;
  for (const [firstName, lastName] of PEOPLE)
    instructors.push({
      id: nextId(instructors),
      firstName: firstName!,
      lastName: lastName!,
      publicName: `${firstName} ${lastName![0]}.`,
    });
  for (const name of ROOMS) locations.push({ id: nextId(locations), name });

  const classes: ClassRecord[] = [
    ...new Map(EXAMPLE_CLASSES.map((c) => [c.id, structuredClone(c)])).values(),
  ];
  for (const title of TITLES) {
    const duration = pick([30, 45, 60, 75]);
    classes.push({
      id: nextId(classes),
      title,
      type: rnd() < 0.8 ? "STUDIO" : "STREAM",
      duration,
      category: pick(CATEGORIES),
      description: `${title}: ${duration} minutes, for every level.`,
      bookable: true,
      cancelCondition: {
        cancelationAfterLatestPossible: rnd() < 0.2,
        latestCancelTerm: { value: int(1, 12), unit: pick(UNITS) },
      },
    });
  }
  // One class that is shown but cannot be booked online.
  classes.push({
    id: nextId(classes),
    title: "Open Gym",
    type: "STUDIO",
    duration: 120,
    category: "Open training",
    description: "Come as you like; no booking needed.",
    bookable: true,
    displayOnly: true,
  });
  const scheduled: ScheduledClass[] = classes.map((cls) => ({
    cls,
    weekdays: [...new Set(Array.from({ length: int(2, 4) }, () => int(0, 6)))],
    hour: int(7, 19),
  }));

  const slots: SlotRecord[] = EXAMPLE_SLOTS.map((example) => {
    const { waitingListParticipants = 0, ...rest } = structuredClone(example);
    return {
      ...rest,
      classId: example.classInformation!.id,
      status: "PLANNED",
      waitingList: Array(waitingListParticipants).fill(null),
    };
  });
  const unique = [...new Map(slots.map((s) => [s.id, s])).values()].sort(
    (a, b) => Date.parse(a.startDateTime!) - Date.parse(b.startDateTime!) || a.id - b.id,
  );
  const taken = new Set(
    EXAMPLE_SLOTS.map((s) => `${s.classInformation?.id} ${s.startDateTime?.slice(0, 10)}`),
  );

  // Customers whose contract or record makes validate answer something other than AVAILABLE.
  const customers: CustomerRecord[] = [
    { id: EXAMPLE_BOOKING.customerId },
    { id: 9001, validationStatus: "NO_CONTINGENT" },
    { id: 9002, validationStatus: "CUSTOMER_IDLE" },
    { id: 9003, validationStatus: "NO_SHOW_PENALTY_ACTIVE" },
    { id: 9004, validationStatus: "NOT_AVAILABLE" },
  ];
  const state: StudioState = {
    classes,
    slots: unique,
    seed,
    customers,
    anyCustomer: true,
    bookings: [],
    closedDays: [],
    nextBookingId: FIRST_BOOKING_ID,
    trialOffers: seededTrialOffers(classes, new Set(EXAMPLE_CLASSES.map((c) => c.id))),
    leads: [],
    trialBookings: [],
    nextLeadId: FIRST_LEAD_ID,
  };
  return {
    state: freeze(state),
    schedule: new Schedule(freeze({ seed, timeZone, classes: scheduled, taken, instructors, locations })),
  };
}
