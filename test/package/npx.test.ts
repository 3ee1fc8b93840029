/**
 * `npx class-booking-mock` from the consumer project: it serves Prism or the sandbox, and stops
 * with everything it started however it is told to.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { claimPort } from "../../src/mock/listen.js";
import { killAll, leftovers, processesWith, waitForLine } from "../helpers/process.js";
import { pack, usePackedPackage } from "./packed.js";

usePackedPackage();

describe("npx class-booking-mock", () => {
  it("runs `npx class-booking-mock --stateful`, which books and holds the booking", async () => {
    const port = await claimPort(0, "127.0.0.1");
    const child = spawn("npx", ["--no-install", "class-booking-mock", "--stateful", "--port", String(port)], {
      cwd: pack.consumer,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      await waitForLine(child, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`));
      const headers = { "x-api-key": "demo", "content-type": "application/json" };
      const booked = await fetch(`http://127.0.0.1:${port}/v1/classes/booking/book`, {
        method: "POST",
        headers,
        body: JSON.stringify({ customerId: 203, classSlotId: 20334 }),
      });
      const { bookingId } = (await booked.json()) as { bookingId: number };
      const read = await fetch(`http://127.0.0.1:${port}/v1/classes/booking/${bookingId}`, { headers });
      expect(await read.json()).toMatchObject({ bookingId, bookingStatus: "BOOKED" });
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  });

  it.each([
    ["SIGTERM to npx's own pid", ["--stateful"], "top"],
    ["SIGTERM to npx's own pid, with Prism", [], "top"],
    ["Ctrl-C (SIGINT to the process group)", ["--stateful"], "group"],
    ["Ctrl-C (SIGINT to the process group), with Prism", [], "group"],
  ] as const)("npx class-booking-mock stops with everything it started: %s", async (_name, args, target) => {
    const port = await claimPort(0, "127.0.0.1");
    const marker = `--port ${port}`;
    const child = spawn("npx", ["--no-install", "class-booking-mock", ...args, "--port", String(port)], {
      cwd: pack.consumer,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      await waitForLine(child, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`));
      expect(processesWith(marker).length).toBeGreaterThanOrEqual(3); // npx, its shell, the command (and Prism)
      if (target === "top") process.kill(child.pid!, "SIGTERM");
      else process.kill(-child.pid!, "SIGINT");
      expect(await leftovers(marker)).toEqual([]);
    } finally {
      killAll(marker);
    }
  });

  it("runs `npx class-booking-mock`, which answers GET /v1/classes with the example", async () => {
    const port = await claimPort(0, "127.0.0.1");
    // Its own process group, so the cleanup reaches npx and everything under it.
    const child = spawn("npx", ["--no-install", "class-booking-mock", "--port", String(port)], {
      cwd: pack.consumer,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      await waitForLine(child, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`));
      const res = await fetch(`http://127.0.0.1:${port}/v1/classes`, { headers: { "x-api-key": "demo" } });
      const body = (await res.json()) as { result: Array<{ id: number }>; hasNext: boolean };
      expect(res.status).toBe(200);
      expect(body.result.map((c) => c.id)).toEqual([14928, 14930]);
      expect(body.hasNext).toBe(false);
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  });
});
