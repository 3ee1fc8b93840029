/**
 * A studio's data, copy-on-write: what every studio of a sandbox starts from is shared and
 * read-only (the seeded studio or the fixtures), and a studio keeps only what it changed. A list
 * is copied on its first write, a slot one at a time (the rolling schedule has no end), so a studio
 * that was only read costs next to nothing. New lists in StudioState get the same treatment.
 */
import type { Schedule } from "./schedule.js";
import type { SlotRecord, StudioState } from "./state.js";

/** The parts of a studio's state that are copied whole on their first write. */
type Lists = Omit<StudioState, "slots" | "seed">;

/** A date-time's instant; a `[zone id]` after it is left out. */
export const instantOf = (text: string | undefined): number =>
  Date.parse((text ?? "").replace(/\[.*\]$/, ""));

export class StudioData {
  private own: Partial<Lists> = {};
  private written: Map<number, SlotRecord> | undefined;
  private baseSlots: Map<number, SlotRecord> | undefined;

  constructor(
    private readonly base: Readonly<StudioState>,
    private readonly schedule: Schedule | undefined,
  ) {}

  /** A part of the state, as it stands (do not change it: use write). */
  read<K extends keyof Lists>(key: K): Readonly<Lists[K]> {
    return (this.own[key] ?? this.base[key]) as Lists[K];
  }

  /** A part of the state that may be changed: this studio's own copy. */
  write<K extends keyof Lists>(key: K): Lists[K] {
    return (this.own[key] ??= structuredClone(this.base[key]) as Lists[K]) as Lists[K];
  }

  /** Sets a part of the state that is a single value. */
  set<K extends keyof Lists>(key: K, value: Lists[K]): void {
    this.own[key] = value;
  }

  /** The slot with this id, as it stands (do not change it: use writableSlot). */
  slot(id: number): SlotRecord | undefined {
    return (
      this.written?.get(id) ??
      (this.baseSlots ??= new Map(this.base.slots.map((s) => [s.id, s]))).get(id) ??
      this.schedule?.slotById(id)
    );
  }

  /** This studio's own copy of a slot, made on its first change. */
  writableSlot(id: number): SlotRecord | undefined {
    const mine = this.written?.get(id);
    if (mine) return mine;
    const shared = this.slot(id);
    if (!shared) return undefined;
    const copy = structuredClone(shared);
    (this.written ??= new Map()).set(id, copy);
    return copy;
  }

  /** Every slot that starts from `from` to `to` (instants, both included), by start time and id. */
  slotsStarting(from: number, to: number): SlotRecord[] {
    const within = (slot: SlotRecord) => {
      const start = instantOf(slot.startDateTime);
      return start >= from && start <= to;
    };
    const found = new Map<number, SlotRecord>();
    for (const slot of this.base.slots) if (within(slot)) found.set(slot.id, slot);
    for (const slot of this.schedule?.slotsAround(from, to) ?? []) if (within(slot)) found.set(slot.id, slot);
    // A changed slot may have moved into the window, or out of it.
    for (const slot of this.written?.values() ?? []) {
      if (within(slot)) found.set(slot.id, slot);
      else found.delete(slot.id);
    }
    return [...found.values()].sort(
      (a, b) => instantOf(a.startDateTime) - instantOf(b.startDateTime) || a.id - b.id,
    );
  }

  /**
   * The whole state as plain JSON (a copy): the shared parts, this studio's changes, and every slot
   * it holds.
   */
  toState(): StudioState {
    const slots = new Map(this.base.slots.map((s) => [s.id, s]));
    for (const [id, slot] of this.written ?? []) slots.set(id, slot);
    return structuredClone({ ...this.base, ...this.own, slots: [...slots.values()] });
  }
}
