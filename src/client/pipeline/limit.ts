/**
 * The client-side rate limit: a budget per operation in a sliding window, shared through a
 * store, and the lockout the API imposes after a 429. Each attempt holds a place from before it
 * is sent until `windowMs` after its answer (store.ts). Calls that find no room wait in line
 * (first come, first served) within their bounds, or are refused before anything is sent.
 */
import { hex, sha256Hex } from "../../core/hash.js";
import { api } from "../../../generated/operations.js";
import { ClassBookingError as RateLimitStoreError, RateLimitError } from "../../core/errors.js";
import type { RateLimitStore } from "../../core/rate-limit.js";
import type { Call } from "./transport.js";

export { createMemoryStore, type RateLimitStore } from "../../core/rate-limit.js";

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
  /**
   * Added to the window, in milliseconds.
   * @deprecated Not needed any more: each call holds its place until `windowMs` after its answer,
   * so no delay between sending and the API's count can beat the limit. A value given is still
   * added to the window.
   * @default 0
   */
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
  // The first 16 bytes (32 hex digits) name the budget, as they have since the store first shipped.
  return (await sha256Hex(`${baseUrl}\n${apiKey}`)).slice(0, 32);
}

/** One operation's line of waiting calls; only the first asks the store. */
interface Line {
  waiting: number;
  /** When the first in line expects room, on the client's clock. */
  readyAt: number;
  tail: Promise<void>;
}

export interface Gate {
  /** Lets an attempt through holding a place, waits for room, or throws a RateLimitError. Undefined: through at once. */
  admit(call: Call): Promise<void> | undefined;
  /** The attempt got its answer or ended: its place ends now. Does nothing when it holds none. */
  release(call: Call): void;
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

const ignore = () => {};

/** A prefix that makes this client's place ids unique among processes: 48 random bits. */
function idPrefix(): string {
  const webCrypto = globalThis.crypto as Crypto | undefined;
  const bytes = webCrypto ? webCrypto.getRandomValues(new Uint8Array(6)) : Array.from({ length: 6 }, () => Math.floor(Math.random() * 256));
  return `${hex(Uint8Array.from(bytes))}:`;
}

export function createGate(options: Required<Omit<RateLimitOptions, "store">> & { store: RateLimitStore }, deps: GateDeps): Gate {
  const { limit, windowMs, lockoutMs, maxWaitMs, marginMs, store } = options;
  const lines = new Map<string, Line>();
  const window = windowMs + marginMs;
  const prefix = idPrefix();
  let attempts = 0;
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

  /**
   * Asks the store until the attempt holds a place, sleeping in between, all before `deadline`;
   * first sleeps until `readyAt` when a store's earlier answer said there is no room before.
   */
  async function queue(call: Call, key: string, id: string, mayWait: number, deadline: number, line: Line, readyAt: number): Promise<void> {
    let wait = readyAt - deps.now();
    for (let round = 0; round < 10_000; round++) {
      if (wait > 0) {
        line.readyAt = deps.now() + wait;
        if (line.readyAt > deadline) refuse(call, wait, mayWait);
        deps.onLimit?.(call, wait, false);
        await deps.sleep(wait, call.signal);
      }
      wait = await store.take(key, id, limit, window, call.timeoutMs);
      if (!wait) return void (call.held = id);
    }
    refuse(call, 0, mayWait);
  }

  /** Waits in line for a place; `asked` is when the call first asked the store (its wait counts from there). */
  async function wait(call: Call, id: string, first: number, asked: number): Promise<void> {
    const key = await keyOf(call);
    const mayWait = Math.min(maxWaitMs, call.timeoutMs);
    const deadline = asked + mayWait;
    const line = lines.get(key) ?? { waiting: 0, readyAt: 0, tail: Promise.resolve() };
    lines.set(key, line);
    // The line is already longer than this call may wait: refuse it before it joins.
    const readyAt = first && deps.now() + first;
    if (readyAt > deadline) refuse(call, first, mayWait);
    if (line.waiting && line.readyAt > deadline) refuse(call, line.readyAt - deps.now(), mayWait);
    line.waiting++;
    const ahead = line.tail;
    let done!: () => void;
    line.tail = new Promise<void>((resolve) => (done = resolve));
    try {
      await ahead;
      call.signal?.throwIfAborted();
      await queue(call, key, id, mayWait, deadline, line, readyAt);
    } finally {
      line.waiting--;
      done();
    }
  }

  return {
    admit(call) {
      const id = prefix + ++attempts;
      // Fast path: nobody waiting, and the store answers at once with room.
      const key = keys.get(call.operationId);
      if (key !== undefined && !lines.get(key)?.waiting) {
        const taken = store.take(key, id, limit, window, call.timeoutMs);
        if (taken === 0) return void (call.held = id);
        const asked = deps.now();
        return Promise.resolve(taken).then((first) => (first ? wait(call, id, first, asked) : void (call.held = id)));
      }
      return wait(call, id, 0, deps.now());
    },
    release(call) {
      const id = call.held;
      if (id === undefined) return;
      call.held = undefined;
      try {
        (store.release(keys.get(call.operationId)!, id, window) as Promise<void> | undefined)?.then?.(undefined, ignore);
      } catch {
        // A store that fails to release keeps the place until its hold ends: safe, and the call is done.
      }
    },
    async close(call, ms) {
      const closed = ms ?? lockoutMs;
      await store.block(await keyOf(call), closed);
      return closed;
    },
  };
}
