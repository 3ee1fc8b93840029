/** The built docs page in headless Chromium: what a reader sees, with no console error. */
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { loadSpec, operations } from "../../scripts/spec.js";
import { launchChromium } from "../helpers/browser.js";
import { serveDocs } from "../helpers/docs-server.js";

// The screenshot stays after the run for people to look at; each run replaces it.
const outDir = path.join(tmpdir(), "class-booking-api-test-output");
mkdirSync(outDir, { recursive: true });
const spec = loadSpec();

let browser: Browser;
let page: Page;
let docs: Awaited<ReturnType<typeof serveDocs>>;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  docs = await serveDocs();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(docs.url) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
  });
  await page.goto(docs.url, { waitUntil: "load" });
  await page
    .getByRole("heading", { name: /Class Booking API/ })
    .first()
    .waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await docs?.close();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The navigation entry of one operation: its summary, then its method badge. */
const entryOf = (summary: string, method: string) =>
  menuItems().filter({ hasText: new RegExp(`^\\s*${escape(summary)}\\s*${method}\\s*$`, "i") });
const menuItems = () => page.locator('[data-component-name="Menu/MenuItem"]');
/** A tag's group in the navigation. */
const tagItem = (tag: string) =>
  menuItems()
    .filter({ hasText: new RegExp(`^${escape(tag)}`) })
    .first();
/**
 * Shows an operation's navigation entry, opening its tag's group first when it is folded: Redoc
 * folds the group of the entry that was active before when another group's entry is chosen.
 */
async function shown(summary: string, method: string, tag: string) {
  const entry = entryOf(summary, method).first();
  if (!(await entry.isVisible())) await tagItem(tag).click();
  await entry.waitFor({ state: "visible", timeout: 30_000 });
  return entry;
}
/**
 * Opens an operation's entry from the navigation, and waits until the page's address names the
 * operation. Redoc folds and unfolds groups with an animation, during which another entry may lie
 * over the one to click (and take the click), or the group may fold again; the whole step is then
 * tried again until the operation is the one shown (bounded).
 */
async function open(summary: string, method: string, tag: string, operationId: string) {
  const address = new RegExp(`/${escape(operationId.toLowerCase())}$`);
  await vi.waitFor(
    async () => {
      await (await shown(summary, method, tag)).click({ timeout: 5_000 });
      await page.waitForURL(address, { timeout: 5_000 });
    },
    { timeout: 60_000, interval: 50 },
  );
}
/** Visible code blocks whose content is wider than their box (cut off, or behind a scrollbar that is easy to miss). */
const clipped = () =>
  page.evaluate(() =>
    [...document.querySelectorAll("pre")]
      .filter((pre) => pre.offsetParent !== null && pre.scrollWidth > pre.clientWidth + 1)
      .map((pre) => `${pre.scrollWidth} > ${pre.clientWidth}: ${pre.textContent?.slice(0, 80)}`),
  );

describe("the docs page in Chromium", () => {
  it("shows the title and the intro sections", async () => {
    expect(await page.title()).toBe("Class Booking API");
    for (const section of [
      "Servers",
      "Authentication",
      "Slices",
      "Rate limit",
      "Errors",
      "The booking flow",
    ]) {
      expect(
        await menuItems()
          .filter({ hasText: new RegExp(`^${section}$`) })
          .count(),
        section,
      ).toBe(1);
    }
    expect(await page.getByText("1000 requests per minute").count()).toBeGreaterThan(0);
  });

  it("opens with how to use it from TypeScript: the install line and the sandbox command", async () => {
    expect(
      await menuItems()
        .filter({ hasText: /^Use it from TypeScript$/ })
        .count(),
    ).toBe(1);
    expect(await page.getByText("npm install class-booking-api", { exact: false }).first().isVisible()).toBe(
      true,
    );
    expect(
      await page.getByText("npx class-booking-mock --stateful", { exact: false }).first().isVisible(),
    ).toBe(true);
    expect(await clipped()).toEqual([]);
  });

  it("labels the version in the heading as the API's, and names the package's version", async () => {
    const heading = page
      .locator("h1")
      .filter({ hasText: /Class Booking API/ })
      .first();
    expect((await heading.textContent())?.replace(/\s+/g, " ").trim()).toBe(
      `Class Booking API (API version ${spec.info.version})`,
    );
    expect(
      await page
        .getByText(`comes with version ${pkg.version} of the package`, { exact: false })
        .first()
        .isVisible(),
    ).toBe(true);
  });

  it("lists each tag of the operations in the navigation, with every operation's summary once opened", async () => {
    const tags = [...new Set(operations(spec).flatMap(({ op }) => op.tags as string[]))];
    expect(tags).toEqual(["Classes", "Trial Offers"]);
    for (const { op, method } of operations(spec)) await shown(op.summary, method, op.tags[0]);
  });

  it("lists the trial offers in the order of their flow, as the spec holds them", async () => {
    const trial = operations(spec).filter(({ op }) => op.tags.includes("Trial Offers"));
    expect(trial).toHaveLength(8);
    await shown(trial[0]!.op.summary, trial[0]!.method, "Trial Offers");
    await shown(trial.at(-1)!.op.summary, trial.at(-1)!.method, "Trial Offers");
    // Measured once the group has stopped unfolding: while it moves, its entries overlap.
    const tops = async () => {
      const found: number[] = [];
      for (const { op, method } of trial)
        found.push((await entryOf(op.summary, method).first().boundingBox())?.y ?? Number.NaN);
      return found;
    };
    await expect
      .poll(async () => (await tops()).every((y, i, all) => i === 0 || y > all[i - 1]!), { timeout: 30_000 })
      .toBe(true);
    // The tag's own text walks through the same flow, step by step.
    const steps = page
      .locator("li")
      .filter({ hasText: /^Discover: list the classes offered as a trial/ })
      .first();
    await steps.waitFor({ state: "visible", timeout: 30_000 });
    expect(await steps.textContent()).toContain("getBookableTrialOfferClasses");
  });

  it("every operation's summary is visible on the page once navigated to", async () => {
    for (const { op, method } of operations(spec)) {
      await open(op.summary, method, op.tags[0], op.operationId);
      const heading = page
        .locator("h1, h2")
        .filter({ hasText: new RegExp(`^\\s*${escape(op.summary)}\\s*$`) })
        .first();
      await heading.waitFor({ state: "visible", timeout: 30_000 });
      expect(await heading.isVisible(), op.summary).toBe(true);
    }
  });

  it("shows every operation's code samples whole: no line runs out of its box", async () => {
    for (const { op, method } of operations(spec)) {
      await open(op.summary, method, op.tags[0], op.operationId);
      const heading = page
        .locator("h1, h2")
        .filter({ hasText: new RegExp(`^\\s*${escape(op.summary)}\\s*$`) })
        .first();
      await heading.waitFor({ state: "visible", timeout: 30_000 });
      expect(await clipped(), op.summary).toEqual([]);
    }
  });

  it("clicking bookClassSlot shows its request body fields, its 409 response and the TypeScript sample", async () => {
    await open("Book a class slot for a customer", "post", "Classes", "bookClassSlot");
    await page.waitForURL(/#\/classes\/bookclassslot$/, { timeout: 30_000 });
    const section = page.locator('[id="classes/bookclassslot"]').first();
    await section.waitFor({ state: "visible" });
    for (const field of ["customerId", "classSlotId"]) {
      expect(await section.getByText(field, { exact: true }).first().isVisible(), field).toBe(true);
    }
    expect(await section.getByText("409", { exact: true }).first().isVisible()).toBe(true);
    const sample = section.getByText("client.bookClassSlot", { exact: false }).first();
    expect(await sample.isVisible()).toBe(true);
    expect(await section.getByText("createClassBookingClient").first().isVisible()).toBe(true);
    const shot = path.join(outDir, "docs-bookClassSlot.png");
    await page.screenshot({ path: shot });
    expect(existsSync(shot)).toBe(true);
    console.log(`screenshot: ${shot}`);
  });

  it("shows what each enum value means next to the value (x-enumDescriptions)", async () => {
    const meaning =
      spec.components.schemas.ClassSlotBookingResult.properties.bookingStatus["x-enumDescriptions"]
        .BOOKED_WITH_CONFIRMATION_REQUIRED;
    await open("Get one class booking", "get", "Classes", "getClassBookingById");
    const section = page.locator('[id="classes/getclassbookingbyid"]').first();
    await section.getByText("200", { exact: true }).first().click();
    const row = section.getByText(meaning).first();
    await row.waitFor({ state: "visible", timeout: 30_000 });
    expect(await row.isVisible()).toBe(true);
  });

  it("shows the webhooks: the five class events, each with its payload", async () => {
    const webhooks = Object.values<{ post: { summary: string } }>(spec.webhooks).map((w) => w.post.summary);
    expect(webhooks).toHaveLength(5);
    await menuItems()
      .filter({ hasText: /^Class webhooks/ })
      .first()
      .click();
    for (const summary of webhooks) {
      await entryOf(summary, "post").first().click();
      // Redoc marks a webhook's heading with a "Webhook" badge.
      const heading = page
        .locator("h1, h2")
        .filter({ hasText: new RegExp(`^\\s*${escape(summary)}\\s*Webhook\\s*$`, "i") })
        .first();
      await heading.waitFor({ state: "visible", timeout: 30_000 });
    }
    const section = page.locator('[id="class-webhooks/classslotcancelled"]').first();
    for (const field of ["entityId", "uuid", "payload"])
      expect(await section.getByText(field, { exact: true }).first().isVisible(), field).toBe(true);
    // What the spec says a receiver must take: a uuid of at most 36 characters.
    expect(await section.getByText("<= 36 characters").first().isVisible()).toBe(true);
  });

  it("logged no console error and asked nothing of any other host", () => {
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
