/**
 * The memory of events already received, so that an event that comes twice is handled once. An
 * event is named by its call's uuid and its place in the payload. The in-memory store is bounded
 * by count, by bytes and by age, whatever the names it is given.
 */
import { ClassBookingError } from "../core/errors.js";

/** Remembers events by name, to drop one that comes twice. */
export interface SeenStore {
  /** True the first time a name is seen, false after that; the check and the note are one step. */
  firstTime(name: string): boolean | Promise<boolean>;
}

export interface MemorySeenStoreOptions {
  /** The most names kept; the oldest go first. @default 10000 */
  max?: number;
  /**
   * The most memory the names may take, counted as two bytes a character plus 64 an entry.
   * @default 2097152
   */
  maxBytes?: number;
  /** How long a name is kept, in ms. @default 86400000 (24 hours) */
  ttlMs?: number;
  /** The clock, in ms since the epoch. @default Date.now */
  now?: () => number;
}

/** What one entry costs besides its characters: the Map slot, the number and the string header. */
const ENTRY_BYTES = 64;
const costOf = (name: string) => 2 * name.length + ENTRY_BYTES;

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new ClassBookingError(`memorySeenStore: option "${name}" must be a positive number`);
  return value;
}

/** Remembers the names of the last events in memory, within `max` names, `maxBytes` and `ttlMs`. */
export function memorySeenStore(options: MemorySeenStoreOptions = {}): SeenStore {
  const max = positive("max", options.max ?? 10_000);
  const maxBytes = positive("maxBytes", options.maxBytes ?? 2_097_152);
  const ttlMs = positive("ttlMs", options.ttlMs ?? 86_400_000);
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  let bytes = 0;
  const forget = (name: string) => {
    if (seen.delete(name)) bytes -= costOf(name);
  };
  return {
    firstTime(name) {
      const at = now();
      const until = seen.get(name);
      if (until !== undefined && until > at) return false;
      forget(name);
      seen.set(name, at + ttlMs);
      bytes += costOf(name);
      // A Map keeps insertion order: the first entries are the oldest (a name too large for
      // maxBytes on its own goes at once; it is still answered as new).
      for (const [old, expires] of seen) {
        if (seen.size <= max && bytes <= maxBytes && expires > at) break;
        forget(old);
      }
      return true;
    },
  };
}
