/**
 * The memory store's contract with a fake clock: a place counts from its take until windowMs
 * after its release, or after its hold when it is never released; and, against a plain model of
 * that contract, random takes, releases and clock steps (fast-check, fixed seed) get the same
 * answers, never more than `limit` places, and no wait shorter than the room can come.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/client/index.js";
import { RUNS, SEED } from "../property/oracle.js";

function clocked() {
  let t = 0;
  return { now: () => t, to: (ms: number) => void (t = ms) };
}

describe("the memory store's places", () => {
  it("a place in flight holds until windowMs after its answer, however long the answer takes", () => {
    const clock = clocked();
    const store = createMemoryStore(clock.now);
    expect(store.take("k", "a", 1, 1_000, 30_000)).toBe(0);
    clock.to(5_000);
    // Still in flight after five windows: no room, and none before a window from now.
    expect(store.take("k", "b", 1, 1_000, 30_000)).toBe(1_000);
    store.release("k", "a", 1_000);
    clock.to(5_999);
    expect(store.take("k", "b", 1, 1_000, 30_000)).toBe(1);
    clock.to(6_000);
    expect(store.take("k", "b", 1, 1_000, 30_000)).toBe(0);
  });

  it("a place never released (a crashed caller) comes free holdMs + windowMs after it was taken", () => {
    const clock = clocked();
    const store = createMemoryStore(clock.now);
    expect(store.take("k", "lost", 1, 1_000, 2_000)).toBe(0);
    clock.to(2_999);
    expect(store.take("k", "b", 1, 1_000, 2_000)).toBe(1);
    clock.to(3_000);
    expect(store.take("k", "b", 1, 1_000, 2_000)).toBe(0);
    // A late release of the place that was given up does not bring it back.
    store.release("k", "lost", 1_000);
    expect(store.take("k", "c", 2, 1_000, 2_000)).toBe(0);
  });

  it("released places leave oldest first; an unknown or repeated release changes nothing", () => {
    const clock = clocked();
    const store = createMemoryStore(clock.now);
    for (const id of ["a", "b", "c"]) expect(store.take("k", id, 3, 100, 1_000)).toBe(0);
    clock.to(10);
    store.release("k", "b", 100);
    clock.to(20);
    store.release("k", "a", 100);
    store.release("k", "a", 100);
    store.release("k", "nobody", 100);
    store.release("other", "c", 100);
    clock.to(50);
    // b ended at 10: room at 110; c is still in flight.
    expect(store.take("k", "d", 3, 100, 1_000)).toBe(60);
    clock.to(110);
    expect(store.take("k", "d", 3, 100, 1_000)).toBe(0);
    expect(store.take("k", "e", 3, 100, 1_000)).toBe(10);
  });

  it("keys are separate budgets, and a block closes only its key", () => {
    const clock = clocked();
    const store = createMemoryStore(clock.now);
    expect(store.take("a", "1", 1, 100, 1_000)).toBe(0);
    expect(store.take("b", "2", 1, 100, 1_000)).toBe(0);
    store.block("c", 500);
    expect(store.take("c", "3", 1, 100, 1_000)).toBe(500);
    expect(store.blocked("c")).toBe(500);
    expect(store.blocked("a")).toBe(0);
  });
});

/** The contract written plainly: every place with its take time and end (its hold's end until released). */
class Model {
  places = new Map<string, { end: number; released: boolean }>();
  count(at: number, windowMs: number) {
    return [...this.places.values()].filter((p) => p.end > at - windowMs).length;
  }
}

type Step =
  { kind: "take"; holdMs: number } | { kind: "release"; pick: number } | { kind: "wait"; ms: number };
const step = fc.oneof(
  fc.record({ kind: fc.constant("take" as const), holdMs: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("release" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 150 }) }),
);

describe("the memory store against a model of its contract", () => {
  it("answers room exactly when the model has it, holds at most limit places, and never answers a wait shorter than the room can come", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 200 }),
        fc.array(step, { maxLength: 120 }),
        (limit, windowMs, steps) => {
          const clock = clocked();
          let at = 0;
          const store = createMemoryStore(clock.now);
          const model = new Model();
          let next = 0;
          for (const s of steps) {
            if (s.kind === "wait") clock.to((at += s.ms));
            else if (s.kind === "release") {
              const open = [...model.places].filter(([, p]) => !p.released);
              const chosen = open[s.pick % Math.max(open.length, 1)];
              if (!chosen) continue;
              store.release("k", chosen[0], windowMs);
              // A place whose hold ran out more than a window ago is gone; its release changes nothing.
              if (chosen[1].end > at - windowMs) chosen[1].end = at;
              chosen[1].released = true;
            } else {
              const id = `p${next++}`;
              const wait = store.take("k", id, limit, windowMs, s.holdMs) as number;
              const room = model.count(at, windowMs) < limit;
              expect(wait === 0).toBe(room);
              if (room) model.places.set(id, { end: at + s.holdMs, released: false });
              else {
                // Even if every place in flight were released this instant, no room before the wait is over.
                const soonest = [...model.places.values()].map((p) =>
                  p.released ? p.end : Math.min(p.end, at),
                );
                expect(soonest.filter((end) => end > at + wait - 1 - windowMs).length).toBeGreaterThanOrEqual(
                  limit,
                );
              }
              expect(model.count(at, windowMs)).toBeLessThanOrEqual(limit);
            }
          }
        },
      ),
      { seed: SEED, numRuns: RUNS ?? 300 },
    );
  });
});
