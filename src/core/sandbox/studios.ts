/**
 * The studios of a sandbox, one per API key, found by a hash of the key (never the key itself):
 * at most `maxStudios` of them, the one used longest ago forgotten first, with each key's
 * rate-limit history beside its studio.
 */
import { sha256Hex } from "../hash.js";
import type { Studio } from "./studio.js";

/** A map that keeps at most `max` entries; reading or writing one makes it the newest. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  clear(): void {
    this.map.clear();
  }

  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  get size(): number {
    return this.map.size;
  }
}

/** One key's requests to one operation: when they were made, and until when it is locked out. */
interface RequestLog {
  times: number[];
  lockedUntil: number;
}

/** A studio and its key's rate-limit history. */
export interface StudioEntry {
  studio: Studio;
  requestLogs?: Map<string, RequestLog>;
}

export class Studios {
  private readonly byHash: Lru<string, StudioEntry>;
  private readonly hashes: Lru<string, string>;

  constructor(
    max: number,
    private readonly make: (hash: string) => Studio,
  ) {
    this.byHash = new Lru(max);
    this.hashes = new Lru(max);
  }

  /** The hash of a key, from memory when the key was seen lately. */
  async hash(key: string): Promise<string> {
    let hash = this.hashes.get(key);
    if (hash === undefined) this.hashes.set(key, (hash = await sha256Hex(key)));
    return hash;
  }

  /** The studio of a key (made on first use). */
  async entry(key: string): Promise<StudioEntry> {
    const hash = await this.hash(key);
    let entry = this.byHash.get(hash);
    if (!entry) this.byHash.set(hash, (entry = { studio: this.make(hash) }));
    return entry;
  }

  /** The entry of a key whose studio was asked for just before (undefined if it was never made). */
  known(key: string): StudioEntry | undefined {
    const hash = this.hashes.get(key);
    return hash === undefined ? undefined : this.byHash.get(hash);
  }

  /** Puts a studio in place under a key hash (a restored snapshot). */
  put(hash: string, studio: Studio): void {
    this.byHash.set(hash, { studio });
  }

  clear(): void {
    this.byHash.clear();
  }

  /** Every studio by key hash, the one used longest ago first. */
  all(): Array<[string, Studio]> {
    return [...this.byHash.entries()].map(([hash, entry]) => [hash, entry.studio]);
  }
}
