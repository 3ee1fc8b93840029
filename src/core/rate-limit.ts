/**
 * Where the rate limit's counts live: the RateLimitStore contract, and the store in this
 * process's memory (the default). A call holds a place in the window from before it is sent
 * until `windowMs` after its answer, so the API, which counts it somewhere in between, can never
 * count more than we do, whatever the delay on the way.
 */

/**
 * Where the counts live. The default keeps them in the client; `createRedisStore` from
 * `class-booking-api/redis` shares them across processes. Every method may answer at once or
 * with a promise. Times are relative (milliseconds from the store's own now), so each store works
 * on one clock.
 *
 * The contract: a place is taken (`take`) before an attempt is sent and ends when its answer
 * arrives or the attempt ends (`release`); until then it counts as ending `holdMs` after it was
 * taken, so the places of a process that crashed come free by themselves. A place counts while
 * its end is less than `windowMs` ago. At most `limit` places of a key count at any time.
 */
export interface RateLimitStore {
  /**
   * Takes a place named `id` for one attempt of `key` if `key` is not blocked and fewer than
   * `limit` places count; answers 0. Otherwise takes nothing and answers how many milliseconds
   * (at least 1) until there may be room. `id` is unique among all the attempts of every process
   * that shares the store; a take may be asked again with the same `id` after a wait.
   */
  take(key: string, id: string, limit: number, windowMs: number, holdMs: number): number | Promise<number>;
  /**
   * The attempt `id` got its answer or ended: its place ends now, and counts for `windowMs`
   * more. An `id` the store does not hold (any more) is ignored. Errors are ignored by the client
   * (the place then ends when its hold does).
   */
  release(key: string, id: string, windowMs: number): void | Promise<void>;
  /** Blocks `key` for `ms` from now (a later block already in place stays). */
  block(key: string, ms: number): void | Promise<void>;
  /** How many milliseconds `key` stays blocked (0: open). */
  blocked(key: string): number | Promise<number>;
}

/** One key's places in memory. */
interface Log {
  /** The ends of released places, oldest first, in a ring: `ends[head]` is the oldest of `size`. */
  ends: number[];
  head: number;
  size: number;
  /** Places not released yet: id -> when the hold runs out. */
  flying: Map<string, number>;
}

/**
 * A store in this process's memory. Per key it keeps the ends of released places in a ring,
 * oldest first (so the oldest says when there is room: one step per call, and never more numbers
 * than places), and the places still in flight by id.
 */
export function createMemoryStore(now: () => number = Date.now): RateLimitStore {
  const logs = new Map<string, Log>();
  const blocks = new Map<string, number>();
  const blocked = (key: string, at: number) => Math.max(0, (blocks.get(key) ?? 0) - at);
  return {
    take(key, id, limit, windowMs, holdMs) {
      const at = now();
      if (blocks.size) {
        const wait = blocked(key, at);
        if (wait) return wait;
      }
      let log = logs.get(key);
      if (!log) logs.set(key, (log = { ends: [], head: 0, size: 0, flying: new Map() }));
      const { ends, flying } = log;
      const gone = at - windowMs;
      while (log.size && ends[log.head]! <= gone) {
        log.head = (log.head + 1) % ends.length;
        log.size--;
      }
      if (log.size + flying.size >= limit) {
        // Full: places whose hold ran out long ago (never released) leave; the rest say when there is room.
        let first = log.size ? ends[log.head]! : at;
        for (const [other, until] of flying) {
          if (until <= gone) flying.delete(other);
          else if (until < first) first = until;
        }
        if (log.size + flying.size >= limit) return Math.max(1, first + windowMs - at);
      }
      flying.set(id, at + holdMs);
      return 0;
    },
    release(key, id, windowMs) {
      const log = logs.get(key);
      const until = log?.flying.get(id);
      if (!log || until === undefined) return;
      log.flying.delete(id);
      const at = now();
      // A place whose hold ran out a window ago was given up: a late release does not bring it back.
      if (until <= at - windowMs) return;
      let { ends } = log;
      if (log.size === ends.length) {
        // The ring is full: unroll it, oldest first, and grow it by one.
        if (log.head) log.ends = ends = [...ends.slice(log.head), ...ends.slice(0, log.head)];
        log.head = 0;
        ends.push(at);
      } else ends[(log.head + log.size) % ends.length] = at;
      log.size++;
    },
    block(key, ms) {
      blocks.set(key, Math.max(blocks.get(key) ?? 0, now() + ms));
    },
    blocked: (key) => blocked(key, now()),
  };
}
