/**
 * class-booking-api/redis: a rate-limit store in Redis, so every process that uses one API key
 * shares one budget. Node only. It takes the app's own client (node-redis 4+ or ioredis); neither
 * is a dependency of this package.
 *
 *   createClassBookingClient({ ..., rateLimit: { store: createRedisStore(redis) } })
 */
import { createHash } from "node:crypto";
import type { RateLimitStore } from "../core/rate-limit.js";
import { ClassBookingError } from "../core/errors.js";
import { BLOCK, BLOCKED, RELEASE, TAKE } from "./scripts.js";

/** The part of a node-redis (4+) client the store uses. */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}
/** The part of an ioredis client the store uses. */
export interface IoRedisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** Where the store's keys start. @default "class-booking-api:rate:" */
  prefix?: string;
  /** How long one Redis command may take before the store counts Redis as down, in ms. @default 500 */
  commandTimeoutMs?: number;
  /** While Redis is down, how long the store waits before it asks Redis again, in ms. @default 250 */
  retryRedisAfterMs?: number;
  /**
   * Hears that Redis failed, once per outage; and that Redis lost its places (it restarted) while
   * this store made no call, once when it finds out. @default console.warn
   */
  onError?: (error: Error) => void;
  /**
   * Hears that Redis answers again after it failed, once per outage, and whether it kept its
   * places.
   * @default console.info
   */
  onRecover?: (message: string) => void;
}

const SHA = new Map(
  [TAKE, RELEASE, BLOCK, BLOCKED].map((script) => [script, createHash("sha1").update(script).digest("hex")]),
);
const TIMED_OUT = "no answer within";
const ignore = () => {};

/**
 * A RateLimitStore in Redis. If Redis cannot be reached (or does not answer within
 * `commandTimeoutMs`), the store fails closed: other processes' places are unknown then, so it
 * gives no place until Redis answers again (calls wait up to their `maxWaitMs`, then fail with a
 * RateLimitError). If Redis comes back without the places it held (it restarted), it gives none
 * until every place of before is out of the window: the longest hold plus the window.
 */
export function createRedisStore(
  redis: NodeRedisLike | IoRedisLike,
  options: RedisStoreOptions = {},
): RateLimitStore {
  const send = command(redis);
  const { prefix = "class-booking-api:rate:", commandTimeoutMs = 500, retryRedisAfterMs = 250 } = options;
  const onError = options.onError ?? ((error: Error) => console.warn(`class-booking-api: ${error.message}`));
  const onRecover = options.onRecover ?? ((message: string) => console.info(`class-booking-api: ${message}`));
  /** The Redis server whose places this store counts on ('' until it first answers). */
  let run = "";
  /** When this outage began (undefined: Redis answers), and when to ask Redis again. */
  let downSince: number | undefined;
  let retryAt = 0;
  /** After Redis lost its places: no place is given before this. */
  let quietUntil = 0;
  /** The longest hold and window this store was asked for, and the latest end Redis reported. */
  let longestHold = 0;
  let longestWindow = 0;
  let latestEnd = 0;
  const blocks = new Map<string, number>();
  const localBlock = (key: string, at: number) => Math.max(0, (blocks.get(key) ?? 0) - at);

  /** Runs a script within commandTimeoutMs; throws when Redis fails or is late. */
  async function script(body: string, keys: string[], args: string[]): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The timer rejects only after the I/O that is waiting: when this process was stalled (a busy
    // machine), an answer that came in meanwhile wins over a timer that fired meanwhile.
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => setImmediate(() => reject(new Error(`${TIMED_OUT} ${commandTimeoutMs} ms`))),
        commandTimeoutMs,
      );
    });
    const ask = async () => {
      try {
        return await send(["EVALSHA", SHA.get(body)!, String(keys.length), ...keys, ...args]);
      } catch (error) {
        if (!/NOSCRIPT/.test(String((error as Error)?.message))) throw error;
        return await send(["EVAL", body, String(keys.length), ...keys, ...args]);
      }
    };
    try {
      return await Promise.race([ask(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Redis failed: tells onError once per outage, and waits before asking again. */
  function failed(error: unknown, at: number): number {
    if (downSince === undefined) {
      downSince = at;
      onError(
        new Error(
          `rate-limit store: Redis failed (${(error as Error)?.message ?? error}); no call is let through until it answers again`,
        ),
      );
    }
    retryAt = Date.now() + retryRedisAfterMs;
    return retryRedisAfterMs;
  }

  function answered(): void {
    if (downSince === undefined) return;
    downSince = undefined;
    retryAt = 0;
    onRecover("rate-limit store: Redis answers again with its places; calls go on");
  }

  /**
   * Redis is a new server (it restarted): the places of before are gone, so none is given until
   * they would have ended.
   */
  function lost(server: string, at: number): number {
    // Takes that were on their way when the first one found out say the same: once is enough.
    if (server === run) return Math.max(1, quietUntil - at);
    quietUntil = Math.max((downSince ?? at) + longestHold, latestEnd) + longestWindow;
    const text = `rate-limit store: Redis lost the places it held (it restarted, or another server took over); no call is let through until ${new Date(quietUntil).toISOString()}, when every call counted before is out of the window`;
    if (downSince === undefined) onError(new Error(text));
    else onRecover(text);
    run = server;
    downSince = undefined;
    retryAt = 0;
    return Math.max(1, quietUntil - at);
  }

  // A hash tag ({...}) keeps an operation's keys in one slot of a Redis Cluster.
  const logOf = (key: string) => `${prefix}{${key}}:log`;
  const blockOf = (key: string) => `${prefix}{${key}}:block`;
  return {
    async take(key, id, limit, windowMs, holdMs) {
      const at = Date.now();
      longestHold = Math.max(longestHold, holdMs);
      longestWindow = Math.max(longestWindow, windowMs);
      const wait = Math.max(localBlock(key, at), quietUntil - at, retryAt - at);
      if (wait > 0) return wait;
      let answer: unknown[];
      try {
        answer = (await script(
          TAKE,
          [logOf(key), blockOf(key)],
          [String(limit), String(windowMs), String(holdMs), id, run],
        )) as unknown[];
      } catch (error) {
        // A take that was late may still run: a removal sent after it undoes it.
        if (String((error as Error)?.message).startsWith(TIMED_OUT))
          send(["ZREM", logOf(key), id]).catch(ignore);
        return failed(error, at);
      }
      const [taken, server, latest] = [Number(answer[0]), String(answer[1] ?? ""), Number(answer[2])];
      if (taken < 0) return lost(server, at);
      if (server) run = server;
      latestEnd = Math.max(latestEnd, Date.now() + latest);
      answered();
      return taken;
    },
    async release(key, id, windowMs) {
      // While Redis is down the place stays as it is, and ends with its hold.
      if (Date.now() < retryAt) return;
      await script(RELEASE, [logOf(key)], [id, String(windowMs)]).catch(ignore);
    },
    async block(key, ms) {
      const at = Date.now();
      blocks.set(key, Math.max(blocks.get(key) ?? 0, at + ms));
      if (at < retryAt) return;
      await script(BLOCK, [blockOf(key)], [String(Math.round(ms))]).then(answered, (error) =>
        failed(error, at),
      );
    },
    async blocked(key) {
      const at = Date.now();
      if (at >= retryAt) {
        try {
          const ms = Number(await script(BLOCKED, [blockOf(key)], []));
          answered();
          return Math.max(ms, localBlock(key, Date.now()));
        } catch (error) {
          failed(error, at);
        }
      }
      return localBlock(key, Date.now());
    },
  };
}

/** One way to send a raw command, whichever client this is. */
function command(redis: NodeRedisLike | IoRedisLike): (args: string[]) => Promise<unknown> {
  if (typeof (redis as IoRedisLike)?.call === "function")
    return (args) => (redis as IoRedisLike).call(args[0]!, ...args.slice(1));
  if (typeof (redis as NodeRedisLike)?.sendCommand === "function")
    return (args) => (redis as NodeRedisLike).sendCommand(args);
  throw new ClassBookingError("createRedisStore: expected a node-redis (4+) or ioredis client");
}
