/**
 * The client-side rate limit: a budget per operation in a sliding window, shared through a
 * store, and the lockout the API imposes after a 429. Calls that find no room wait in line
 * (first come, first served) within their bounds, or are refused before anything is sent.
 */
import { api } from "../../generated/operations.js";
import { ClassBookingError as RateLimitStoreError, RateLimitError } from "../errors.js";
import type { Call } from "./transport.js";

/**
 * Where the counts live. The default keeps them in the client; `createRedisStore` from
 * `class-booking-api/redis` shares them across processes. Every method may answer at once or
 * with a promise. Times are relative (milliseconds from the store's own now), so each store
 * works on one clock.
 */
export interface RateLimitStore {
  /**
   * Counts one call of `key` if `key` is not blocked and fewer than `limit` calls were counted in
   * the last `windowMs`; answers 0. Otherwise counts nothing and answers how many milliseconds
   * until there may be room.
   */
  take(key: string, limit: number, windowMs: number): number | Promise<number>;
  /** Blocks `key` for `ms` from now (a later block already in place stays). */
  block(key: string, ms: number): void | Promise<void>;
  /** How many milliseconds `key` stays blocked (0: open). */
  blocked(key: string): number | Promise<number>;
}

/** The rate-limit settings; see ClassBookingClientOptions.rateLimit. */
export interface RateLimitOptions {
  /** Calls of one operation allowed per window. @default 1000 */
  limit?: number;
  /** The window, in milliseconds. @default 60000 */
  windowMs?: number;
  /** How long a 429 without Retry-After closes the operation, in milliseconds. @default 60000 */
  lockoutMs?: number;
  /** How long a call may wait for room before it is refused with a RateLimitError. @default 10000 */
  maxWaitMs?: number;
  /** Added to the window to cover latency between sending and the server's count. @default windowMs / 50 */
  marginMs?: number;
  /** Where the counts live. @default an in-memory store of this client */
  store?: RateLimitStore;
}

/** The API's own limit (from the spec), and how long a call may wait for room. */
export const RATE_LIMIT_DEFAULTS = { ...api.rateLimit, maxWaitMs: 10_000 } as const;

/**
 * Where a client's keys start in a shared store: a hash of its base URL and API key, so clients
 * of one studio share a budget and the key itself is never stored.
 */
export async function scopeOf(baseUrl: string, apiKey: string): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new RateLimitStoreError("a shared rateLimit.store needs crypto.subtle (Web Crypto)");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${baseUrl}\n${apiKey}`));
  return [...new Uint8Array(digest)].slice(0, 16).map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A store in this process's memory. Per key it keeps the times of the last `limit` calls in a
 * ring: the oldest of them says whether a new call fits in the window (an exact sliding window,
 * one step per call, and never more than `limit` numbers per key).
 */
export function createMemoryStore(now: () => number = Date.now): RateLimitStore {
  const rings = new Map<string, { times: number[]; head: number }>();
  const blocks = new Map<string, number>();
  const blocked = (key: string, at: number) => Math.max(0, (blocks.get(key) ?? 0) - at);
  return {
    take(key, limit, windowMs) {
      const at = now();
      if (blocks.size) {
        const wait = blocked(key, at);
        if (wait) return wait;
      }
      let ring = rings.get(key);
      // A ring made for another limit (clients with different settings) starts over.
      if (!ring || ring.times.length > limit) rings.set(key, (ring = { times: [], head: 0 }));
      const { times } = ring;
      if (times.length < limit) return times.push(at), 0;
      const oldest = times[ring.head]!;
      if (oldest > at - windowMs) return oldest + windowMs - at;
      times[ring.head] = at;
      ring.head = (ring.head + 1) % limit;
      return 0;
    },
    block(key, ms) {
      blocks.set(key, Math.max(blocks.get(key) ?? 0, now() + ms));
    },
    blocked: (key) => blocked(key, now()),
  };
}

/** One operation's line of waiting calls; only the first asks the store. */
interface Line {
  waiting: number;
  /** When the first in line expects room, on the client's clock. */
  readyAt: number;
  tail: Promise<void>;
}

export interface Gate {
  /** Lets a call through, waits for room, or throws a RateLimitError. Undefined: through at once. */
  admit(call: Call): Promise<void> | undefined;
  /** A 429 came: closes the operation for `ms` (Retry-After) or the lockout; answers how long. */
  close(call: Call, ms: number | undefined): Promise<number>;
}

interface GateDeps {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Where keys of this client start (a hash of its base URL and key, for shared stores). */
  scope: () => string | Promise<string>;
  /** Tells the observers about a wait or a refusal. */
  onLimit?: (call: Call, waitMs: number, refused: boolean) => void;
}

export function createGate(options: Required<Omit<RateLimitOptions, "store">> & { store: RateLimitStore }, deps: GateDeps): Gate {
  const { limit, windowMs, lockoutMs, maxWaitMs, marginMs, store } = options;
  const lines = new Map<string, Line>();
  const window = windowMs + marginMs;
  let scope: string | undefined;
  /** Each operation's key, once the scope is known: no string is built per call. */
  const keys = new Map<string, string>();
  const keyOf = async (call: Call) => {
    scope ??= await deps.scope();
    let key = keys.get(call.operationId);
    if (!key) keys.set(call.operationId, (key = `${scope}/${call.operationId}`));
    return key;
  };

  function refuse(call: Call, wait: number, mayWait: number): never {
    deps.onLimit?.(call, wait, true);
    throw new RateLimitError(call.operationId, new Date(deps.now() + wait), wait, mayWait);
  }

  /** Asks the store until the call is counted, sleeping in between, all before `deadline`. */
  async function queue(call: Call, key: string, mayWait: number, deadline: number, line: Line): Promise<void> {
    for (let round = 0; round < 10_000; round++) {
      const wait = await store.take(key, limit, window);
      if (!wait) return;
      line.readyAt = deps.now() + wait;
      if (line.readyAt > deadline) refuse(call, wait, mayWait);
      deps.onLimit?.(call, wait, false);
      await deps.sleep(wait, call.signal);
    }
    refuse(call, 0, mayWait);
  }

  async function wait(call: Call, first: number): Promise<void> {
    const key = await keyOf(call);
    const mayWait = Math.min(maxWaitMs, call.timeoutMs);
    const deadline = deps.now() + mayWait;
    const line = lines.get(key) ?? { waiting: 0, readyAt: 0, tail: Promise.resolve() };
    lines.set(key, line);
    // The line is already longer than this call may wait: refuse it before it joins.
    if (first && deps.now() + first > deadline) refuse(call, first, mayWait);
    if (line.waiting && line.readyAt > deadline) refuse(call, line.readyAt - deps.now(), mayWait);
    line.waiting++;
    const ahead = line.tail;
    let done!: () => void;
    line.tail = new Promise<void>((resolve) => (done = resolve));
    try {
      await ahead;
      call.signal?.throwIfAborted();
      await queue(call, key, mayWait, deadline, line);
    } finally {
      line.waiting--;
      done();
    }
  }

  return {
    admit(call) {
      // Fast path: nobody waiting, and the store answers at once with room.
      const key = keys.get(call.operationId);
      if (key !== undefined && !lines.get(key)?.waiting) {
        const taken = store.take(key, limit, window);
        if (taken === 0) return undefined;
        return Promise.resolve(taken).then((first) => (first ? wait(call, first) : undefined));
      }
      return wait(call, 0);
    },
    async close(call, ms) {
      const closed = ms ?? lockoutMs;
      await store.block(await keyOf(call), closed);
      return closed;
    },
  };
}
