/**
 * One process of the shared-budget test: a client whose rate limit lives in Redis makes CALLS
 * calls of one operation, CONCURRENCY at a time, and prints what happened as one JSON line.
 * Run as: node --import tsx test/limits/worker.ts (settings in the environment).
 */
import { createClient } from "redis";
import { createClassBookingClient } from "../../src/index.js";
import { createRedisStore } from "../../src/redis.js";

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`worker: ${name} is not set`);
  return value;
};
const redis = createClient({ url: env("REDIS_URL"), socket: { reconnectStrategy: () => 200 } });
redis.on("error", () => {}); // the store reports failures itself
await redis.connect();
const warnings: string[] = [];
const client = createClassBookingClient({
  baseUrl: env("API_URL"),
  apiKey: env("API_KEY"),
  maxRetries: Number(process.env.MAX_RETRIES ?? 2),
  logLevel: "off",
  rateLimit: {
    limit: Number(env("LIMIT")),
    windowMs: Number(env("WINDOW_MS")),
    lockoutMs: Number(env("LOCKOUT_MS")),
    maxWaitMs: Number(env("MAX_WAIT_MS")),
    ...(process.env.MARGIN_MS && { marginMs: Number(process.env.MARGIN_MS) }),
    store: createRedisStore(redis, { onError: (e) => warnings.push(e.message) }),
  },
});
const outcomes: string[] = [];
let next = 0;
const total = Number(env("CALLS"));
async function lane(): Promise<void> {
  while (next < total) {
    const id = ++next;
    const started = Date.now();
    outcomes.push(
      await client.getClassBookingById({ bookingId: id }).then(
        () => "ok",
        (e: Error) => `${e.name}${Date.now() - started > 15_000 ? " (slow)" : ""}`,
      ),
    );
  }
}
await Promise.all(Array.from({ length: Number(env("CONCURRENCY")) }, lane));
console.log(JSON.stringify({ outcomes, warnings }));
await redis.disconnect().catch(() => {});
process.exit(0);
