/** Redis frozen mid-run (SIGSTOP, then SIGCONT: connections open, no answer), under uneven and even load. */
import { describe } from "vitest";
import { failover } from "./failover.js";

describe("Redis frozen mid-run", () => {
  failover("frozen (SIGSTOP), then resumed (SIGCONT)", "uneven");
  failover("frozen (SIGSTOP), then resumed (SIGCONT)", "even");
});
