/** Redis blocked mid-run by DEBUG SLEEP, under uneven load. */
import { describe } from "vitest";
import { failover } from "./failover.js";

describe("Redis blocked mid-run", () => {
  failover("blocked by DEBUG SLEEP", "uneven");
});
