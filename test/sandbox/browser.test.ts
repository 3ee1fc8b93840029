/** The sandbox has no node: import: a page bundled with it and the client runs the booking flow in Chromium. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { launchChromium } from "../helpers/browser.js";
import type { Browser } from "playwright-core";

const PAGE = `
import { createClassBookingClient } from "class-booking-api";
import { createSandbox } from "class-booking-api/sandbox";
const sandbox = createSandbox();
const client = createClassBookingClient({ baseUrl: "https://mystudio.open-api.magicline.com", apiKey: "browser-key", fetch: sandbox.fetch });
const steps = [];
try {
  const { validationStatus } = await client.validateClassSlot({ customerId: 203, classSlotId: 20334 });
  steps.push(validationStatus);
  const booking = await client.bookClassSlot({ customerId: 203, classSlotId: 20334 });
  steps.push(booking.bookingStatus);
  steps.push((await client.getClassBookingsByCustomerId({ customerId: 203 })).length);
  await client.cancelClassSlotById({ bookingId: booking.bookingId });
  steps.push((await client.getClassBookingById({ bookingId: booking.bookingId })).bookingStatus);
  steps.push((await client.getClassSlotById({ classId: 14928, classSlotId: 20334 })).startDateTime);
} catch (error) {
  steps.push("failed: " + error.message);
}
document.body.dataset.steps = JSON.stringify(steps);
`;

let browser: Browser;
let server: Server;
let url = "";
let bundled = "";
beforeAll(async () => {
  const result = await build({
    stdin: { contents: PAGE, resolveDir: repoRoot, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
    alias: {
      "class-booking-api": path.join(repoRoot, "src", "client", "index.ts"),
      "class-booking-api/sandbox": path.join(repoRoot, "src", "sandbox", "index.ts"),
    },
  });
  bundled = result.outputFiles[0]!.text;
  server = createServer((req, res) => {
    if (req.url === "/app.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(bundled);
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(
        '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="/app.js"></script></body></html>',
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  // A setup that failed before the server existed leaves nothing to close (and must not hang here).
  if (server) await new Promise((resolve) => server.close(resolve));
});

describe("the sandbox in a browser", () => {
  it("bundles without any node: import", () => {
    expect(bundled).not.toMatch(/["']node:/);
  });

  it("runs the booking flow in Chromium, with no request leaving the page", async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on("request", (req) => void (req.url().startsWith(url) || outside.push(req.url())));
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (msg) => void (msg.type() === "error" && errors.push(msg.text())));
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.steps !== undefined, undefined, {
      timeout: 60_000,
    });
    const steps = JSON.parse((await page.evaluate(() => document.body.dataset.steps))!) as unknown[];
    expect(steps).toEqual(["AVAILABLE", "BOOKED", 1, "CANCELED", "2026-12-01T09:00:00.000+01:00"]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
