/**
 * class-booking-api/redis: a rate-limit store in Redis, so every process that uses one API key
 * shares one budget. Node only. It takes the app's own client (node-redis 4+ or ioredis); neither
 * is a dependency of this package.
 *
 *   createClassBookingClient({ ..., rateLimit: { store: createRedisStore(redis) } })
 */
import { createHash, randomUUID } from "node:crypto";
import { createMemoryStore, type RateLimitStore } from "./call/limit.js";
import { ClassBookingError } from "./errors.js";

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
  /** How long one Redis call may take before the store falls back to memory, in ms. @default 500 */
  commandTimeoutMs?: number;
  /** How long the store stays on its memory fallback after Redis failed, in ms. @default 5000 */
  retryRedisAfterMs?: number;
  /** Hears about Redis failing (once per outage) and coming back. @default console.warn */
  onError?: (error: Error) => void;
}

// Each step is one script, so the window and the block change atomically; time is Redis's own.
const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";
/** KEYS: log, block. ARGV: limit, windowMs, a unique id. Returns 0 when counted, else the ms to wait. */
const TAKE = `${NOW}
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return blocked - now end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local limit = tonumber(ARGV[1])
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], -limit, -limit, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;
/** KEYS: block. ARGV: ms. Keeps the later of the current and the new block. */
const BLOCK = `${NOW}
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], untilMs, 'PX', math.max(1, tonumber(ARGV[1]))) end
return 0`;
/** KEYS: block. Returns the ms the block still lasts. */
const BLOCKED = `${NOW}
return math.max(0, tonumber(redis.call('GET', KEYS[1]) or '0') - now)`;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * A RateLimitStore in Redis. If Redis cannot be reached (or does not answer within
 * `commandTimeoutMs`), the store fails open: it tells `onError` and counts in this process's
 * memory until Redis answers again, so calls go on, limited per process instead of across them.
 */
export function createRedisStore(redis: NodeRedisLike | IoRedisLike, options: RedisStoreOptions = {}): RateLimitStore {
  const send = command(redis);
  const { prefix = "class-booking-api:rate:", commandTimeoutMs = 500, retryRedisAfterMs = 5_000 } = options;
  const onError = options.onError ?? ((error: Error) => console.warn(`class-booking-api: ${error.message}`));
  const fallback = createMemoryStore();
  let downUntil = 0;

  async function run<T>(script: string, keys: string[], args: string[], local: () => T): Promise<T> {
    if (Date.now() < downUntil) return local();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const call = async () => {
        try {
          return await send(["EVALSHA", sha1(script), String(keys.length), ...keys, ...args]);
        } catch (error) {
          if (!/NOSCRIPT/.test(String((error as Error)?.message))) throw error;
          return await send(["EVAL", script, String(keys.length), ...keys, ...args]);
        }
      };
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${commandTimeoutMs} ms`)), commandTimeoutMs);
      });
      const answer = Number(await Promise.race([call(), late]));
      if (downUntil) {
        downUntil = 0;
        onError(new Error("rate-limit store: Redis answers again; the shared budget is back"));
      }
      return answer as T;
    } catch (error) {
      if (!downUntil) onError(new Error(`rate-limit store: Redis failed (${(error as Error)?.message ?? error}); counting in this process only for now`));
      downUntil = Date.now() + retryRedisAfterMs;
      return local();
    } finally {
      clearTimeout(timer);
    }
  }

  // A hash tag ({...}) keeps an operation's keys in one slot of a Redis Cluster.
  const keys = (key: string) => [`${prefix}{${key}}:log`, `${prefix}{${key}}:block`];
  return {
    take: (key, limit, windowMs) => run(TAKE, keys(key), [String(limit), String(windowMs), randomUUID()], () => fallback.take(key, limit, windowMs) as number),
    block: (key, ms) => run(BLOCK, [keys(key)[1]!], [String(Math.round(ms))], () => fallback.block(key, ms)).then(() => undefined),
    blocked: (key) => run(BLOCKED, [keys(key)[1]!], [], () => fallback.blocked(key) as number),
  };
}

/** One way to send a raw command, whichever client this is. */
function command(redis: NodeRedisLike | IoRedisLike): (args: string[]) => Promise<unknown> {
  if (typeof (redis as IoRedisLike)?.call === "function") return (args) => (redis as IoRedisLike).call(args[0]!, ...args.slice(1));
  if (typeof (redis as NodeRedisLike)?.sendCommand === "function") return (args) => (redis as NodeRedisLike).sendCommand(args);
  throw new ClassBookingError("createRedisStore: expected a node-redis (4+) or ioredis client");
}
