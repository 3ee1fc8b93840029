/**
 * One process of the shared-budget tests: a client whose rate limit lives in Redis makes CALLS
 * calls of one operation, CONCURRENCY at a time (each lane pausing PACE_MS between calls), and
 * prints one line per message of the store ("store: ...") as it comes, then what happened as one
 * JSON line (see WAIT_FOR_GO below to start several workers together). Run as: node --import tsx test/limits/worker.ts (settings in the environment).
 */
import { createClient } from "redis";
import { createClassBookingClient, RateLimitError } from "../../src/client/index.js";
import { createRedisStore } from "../../src/redis/index.js";

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`worker: ${name} is not set`);
  return value;
};
const optional = (name: string) => (process.env[name] === undefined ? undefined : Number(process.env[name]));
const redis = createClient({ url: env("REDIS_URL"), socket: { reconnectStrategy: () => 100 } });
redis.on("error", () => {}); // the store reports failures itself
await redis.connect();
const warnings: string[] = [];
const note = (message: string) => {
  warnings.push(message);
  console.log(`store: ${message}`);
};
const commandTimeoutMs = optional("COMMAND_TIMEOUT_MS");
const retryRedisAfterMs = optional("RETRY_REDIS_AFTER_MS");
const timeoutMs = optional("TIMEOUT_MS");
const client = createClassBookingClient({
  baseUrl: env("API_URL"),
  apiKey: env("API_KEY"),
  maxRetries: Number(process.env.MAX_RETRIES ?? 2),
  ...(timeoutMs !== undefined && { timeoutMs }),
  logLevel: "off",
  rateLimit: {
    limit: Number(env("LIMIT")),
    windowMs: Number(env("WINDOW_MS")),
    lockoutMs: Number(env("LOCKOUT_MS")),
    maxWaitMs: Number(env("MAX_WAIT_MS")),
    store: createRedisStore(redis, {
      onError: (e) => note(e.message),
      onRecover: note,
      ...(commandTimeoutMs !== undefined && { commandTimeoutMs }),
      ...(retryRedisAfterMs !== undefined && { retryRedisAfterMs }),
    }),
  },
});
// With WAIT_FOR_GO, the worker says "ready" and starts its calls when the test writes "go", so
// processes that started at different times (a loaded machine starts them slowly) begin together.
if (process.env.WAIT_FOR_GO) {
  console.log("ready");
  await new Promise<void>((resolve) =>
    process.stdin.on("data", (chunk: Buffer) => chunk.toString().includes("go") && resolve()),
  );
  process.stdin.pause();
}
const outcomes: string[] = [];
const durations: number[] = [];
const pace = Number(process.env.PACE_MS ?? 0);
const total = Number(env("CALLS"));
// With UNTIL_OK, CALLS counts the calls that succeed (at most 5 x CALLS calls in all), and a lane
// that was refused waits until the refusal's retryAt (at most a second), as an app would.
const untilOk = !!process.env.UNTIL_OK;
let started = 0;
let ok = 0;
const more = () =>
  untilOk ? ok + (started - outcomes.length) < total && started < 5 * total : started < total;
async function lane(): Promise<void> {
  while (more()) {
    const id = ++started;
    const at = performance.now();
    const outcome = await client.getClassBookingById({ bookingId: id }).then(
      () => undefined,
      (e: Error) => e,
    );
    const ms = Math.round(performance.now() - at);
    const name = outcome?.name ?? "ok";
    if (name === "ok") ok++;
    outcomes.push(`${name}${ms > 15_000 ? " (slow)" : ""}`);
    durations.push(ms);
    // The pauses shape the load (a light process, an app that backs off); they synchronise nothing.
    const backOff =
      outcome instanceof RateLimitError && untilOk
        ? Math.min(1_000, Math.max(0, outcome.retryAt.getTime() - Date.now()))
        : 0;
    if (pace || backOff) await new Promise((r) => setTimeout(r, Math.max(pace, backOff)));
  }
}
await Promise.all(Array.from({ length: Number(env("CONCURRENCY")) }, lane));
console.log(JSON.stringify({ outcomes, durations, warnings }));
// close() waits for the commands still on their way (the last calls' releases); a process that
// drops them leaves those places held until their hold runs out.
await Promise.race([redis.close().catch(() => {}), new Promise((r) => setTimeout(r, 2_000))]);
process.exit(0);
