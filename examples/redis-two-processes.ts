/**
 * Two processes, one rate-limit budget: each counts its calls in Redis through
 * `class-booking-api/redis`, so together they never send more than the limit, whichever of them
 * asks first. Here the budget is 5 calls of an operation a minute and each process wants 5: five
 * are sent, five are refused on the client's side (a RateLimitError, nothing sent) and the API
 * never answers 429. Each process closes its Redis connection, and all of them end by themselves.
 *
 *   redis-server --port 6379 &   # or any Redis you have
 *   npm run build && REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/redis-two-processes.ts
 *
 * The first process starts the sandbox (its rate limit set to the same 5 a minute, so a call too
 * many would be answered 429) and runs this same file twice more as the workers.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient } from "redis";
import { createClassBookingClient, isApiError, RateLimitError } from "class-booking-api";
import { startMockServer } from "class-booking-api/mock";
import { createRedisStore } from "class-booking-api/redis";

const limit = 5;
const apiKey = "shared-key";

if (process.argv[2] === "worker") {
  // A worker: its own Redis connection and its own client, the same rate-limit options as the other's.
  const redis = createClient({ url: process.env.REDIS_URL });
  redis.on("error", (error) => console.error("redis:", error.message));
  await redis.connect();
  try {
    const client = createClassBookingClient({
      baseUrl: process.env.SANDBOX_URL!,
      apiKey,
      logLevel: "error",
      rateLimit: { limit, windowMs: 60_000, maxWaitMs: 0, store: createRedisStore(redis) },
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: limit }, () => client.getClassById({ classId: 14928 })),
    );
    const sent = outcomes.filter((o) => o.status === "fulfilled").length;
    const refused = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof RateLimitError);
    const answered429 = outcomes.filter((o) => o.status === "rejected" && isApiError(o.reason, 429));
    process.send!({ sent, refused: refused.length, answered429: answered429.length });
  } finally {
    // Closing lets a release still on its way reach Redis, and lets the process end.
    await redis.close();
  }
} else {
  if (!process.env.REDIS_URL) throw new Error("Set REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6379");
  const sandbox = await startMockServer({
    stateful: true,
    sandbox: { rateLimit: { limit, windowMs: 60_000 } },
  });
  try {
    // fork() runs this file again with the same Node flags (tsx's loader included), with a message channel.
    const worker = (name: string) =>
      new Promise<{ sent: number; refused: number; answered429: number }>((resolve, reject) => {
        const child = fork(fileURLToPath(import.meta.url), ["worker"], {
          env: { ...process.env, SANDBOX_URL: sandbox.url },
        });
        let result: { sent: number; refused: number; answered429: number } | undefined;
        child.on("message", (message) => (result = message as typeof result));
        child.on("error", reject);
        child.on("exit", (code) => {
          if (code !== 0 || !result) return reject(new Error(`${name} ended with code ${code}`));
          console.log(`${name}: ${result.sent} sent, ${result.refused} refused by the shared budget`);
          resolve(result);
        });
      });
    const results = await Promise.all([worker("process A"), worker("process B")]);
    const total = (key: "sent" | "refused" | "answered429") => results.reduce((n, r) => n + r[key], 0);
    console.log(
      `together: ${total("sent")} sent, ${total("refused")} refused, ${total("answered429")} answered 429`,
    );
  } finally {
    await sandbox.stop();
  }
}
