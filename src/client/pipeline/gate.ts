/**
 * The client-side rate limit: a budget per operation in a sliding window, shared through a
 * store, and the lockout the API imposes after a 429. Each attempt holds a place from before it
 * is sent until `windowMs` after its answer (core/rate-limit.ts). Calls that find no room wait in
 * line (first come, first served) within their bounds, or are refused before anything is sent.
 */
import { hex, sha256Hex } from "../../core/hash.js";
import { ClassBookingError, RateLimitError } from "../../core/errors.js";
import type { RateLimitStore } from "../../core/rate-limit.js";
import type { Call, Emit, Gate, Runtime } from "./types.js";

/**
 * Where a client's keys start in a shared store: a hash of its base URL and API key, so clients
 * of one studio share a budget and the key itself is never stored.
 */
export async function scopeOf(baseUrl: string, apiKey: string): Promise<string> {
  if (!globalThis.crypto?.subtle)
    throw new ClassBookingError("a shared rateLimit.store needs crypto.subtle (Web Crypto)");
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

/** The numbers of the limit, and where the counts live. */
export interface GateSettings {
  limit: number;
  windowMs: number;
  lockoutMs: number;
  maxWaitMs: number;
  marginMs: number;
  store: RateLimitStore;
}

interface GateParts extends Pick<Runtime, "now" | "sleep"> {
  /** Where keys of this client start (a hash of its base URL and key, for shared stores). */
  scope: () => string | Promise<string>;
  /** Hears waits and refusals. */
  emit: Emit;
}

const ignore = () => {};

/** A prefix that makes this client's place ids unique among processes: 48 random bits. */
function idPrefix(): string {
  const webCrypto = globalThis.crypto as Crypto | undefined;
  const bytes = webCrypto
    ? webCrypto.getRandomValues(new Uint8Array(6))
    : Array.from({ length: 6 }, () => Math.floor(Math.random() * 256));
  return `${hex(Uint8Array.from(bytes))}:`;
}

export function createGate(settings: GateSettings, parts: GateParts): Gate {
  const { limit, windowMs, lockoutMs, maxWaitMs, marginMs, store } = settings;
  const { now, emit } = parts;
  const lines = new Map<string, Line>();
  const window = windowMs + marginMs;
  const prefix = idPrefix();
  // How many place ids this client has issued: with the prefix, each one is new.
  let issued = 0;
  let scope: string | undefined;
  /** Each operation's key, once the scope is known: no string is built per call. */
  const keys = new Map<string, string>();
  const keyOf = async (call: Call) => {
    scope ??= await parts.scope();
    let key = keys.get(call.operationId);
    if (!key) keys.set(call.operationId, (key = `${scope}/${call.operationId}`));
    return key;
  };

  function refuse(call: Call, wait: number, mayWait: number): never {
    emit.refused?.(call, wait);
    throw new RateLimitError(call.operationId, new Date(now() + wait), wait, mayWait);
  }

  /**
   * Asks the store until the attempt holds the place `id` (and answers it), sleeping in between,
   * all before `deadline`; first sleeps until `readyAt` when a store's earlier answer said there
   * is no room before.
   */
  async function queue(
    call: Call,
    key: string,
    id: string,
    mayWait: number,
    deadline: number,
    line: Line,
    readyAt: number,
  ): Promise<string> {
    let wait = readyAt - now();
    for (let round = 0; round < 10_000; round++) {
      if (wait > 0) {
        line.readyAt = now() + wait;
        if (line.readyAt > deadline) refuse(call, wait, mayWait);
        emit.waiting?.(call, wait);
        await parts.sleep(wait, call.signal);
      }
      wait = await store.take(key, id, limit, window, call.timeoutMs);
      if (!wait) return id;
    }
    return refuse(call, 0, mayWait);
  }

  /**
   * Waits in line for the place `id`; `asked` is when the call first asked the store (its wait
   * counts from there).
   */
  async function wait(call: Call, id: string, first: number, asked: number): Promise<string> {
    const key = await keyOf(call);
    const mayWait = Math.min(maxWaitMs, call.timeoutMs);
    const deadline = asked + mayWait;
    const line = lines.get(key) ?? { waiting: 0, readyAt: 0, tail: Promise.resolve() };
    lines.set(key, line);
    // The line is already longer than this call may wait: refuse it before it joins.
    const readyAt = first && now() + first;
    if (readyAt > deadline) refuse(call, first, mayWait);
    if (line.waiting && line.readyAt > deadline) refuse(call, line.readyAt - now(), mayWait);
    line.waiting++;
    const ahead = line.tail;
    let done!: () => void;
    line.tail = new Promise<void>((resolve) => (done = resolve));
    try {
      await ahead;
      call.signal?.throwIfAborted();
      return await queue(call, key, id, mayWait, deadline, line, readyAt);
    } finally {
      line.waiting--;
      done();
    }
  }

  return {
    admit(call) {
      const id = prefix + ++issued;
      // Fast path: nobody waiting, and the store answers at once with room.
      const key = keys.get(call.operationId);
      if (key !== undefined && !lines.get(key)?.waiting) {
        const taken = store.take(key, id, limit, window, call.timeoutMs);
        if (taken === 0) return id;
        const asked = now();
        return Promise.resolve(taken).then((first) => (first ? wait(call, id, first, asked) : id));
      }
      return wait(call, id, 0, now());
    },
    release(call, place) {
      try {
        (store.release(keys.get(call.operationId)!, place, window) as Promise<void> | undefined)?.then?.(
          undefined,
          ignore,
        );
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
