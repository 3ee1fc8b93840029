import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BACKOFF,
  backoffMs,
  isRetryable,
  parseRetryAfter,
  RETRY_RULES,
  retryClassOf,
  retryDelayMs,
} from "../../src/client/pipeline/retry.js";
import { operations } from "../../generated/operations.js";
import { createClassBookingClient } from "../../src/client/index.js";
import { BOOKING } from "../helpers/client.js";
import { json, startServer } from "../helpers/server.js";
import { repoRoot } from "../../scripts/spec.js";

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

describe("retry policy table", () => {
  it.each([
    ["GET", "idempotent"],
    ["DELETE", "idempotent"],
    ["POST", "unsafe"],
    ["PATCH", "unsafe"],
  ] as const)("%s is %s", (method, expected) => expect(retryClassOf(method)).toBe(expected));

  it("an operation marked x-idempotent is idempotent whatever its method", () => {
    expect(retryClassOf("POST", true)).toBe("idempotent");
  });

  it("applied to the operation table: validate retries like a read, book does not", () => {
    const classOf = (row: { method: string; idempotent?: boolean }) =>
      retryClassOf(row.method, row.idempotent);
    expect(operations.validateClassSlot.idempotent).toBe(true);
    expect(classOf(operations.validateClassSlot)).toBe("idempotent");
    expect(classOf(operations.bookClassSlot)).toBe("unsafe");
    expect(classOf(operations.cancelClassSlotById)).toBe("idempotent");
  });

  it("the trial offers: the two checks and the confirmation retry like reads; the booking and the lead's registration do not", () => {
    const classOf = (row: { method: string; idempotent?: boolean }) =>
      retryClassOf(row.method, row.idempotent);
    expect(classOf(operations.validateForLeadCustomerCreation)).toBe("idempotent");
    expect(classOf(operations.validateClassSlotForTrialOffers)).toBe("idempotent");
    expect(classOf(operations.confirmTrialOfferBooking)).toBe("idempotent");
    expect(classOf(operations.createLeadCustomer)).toBe("unsafe");
    expect(classOf(operations.bookClassSlotForTrialOffers)).toBe("unsafe");
  });

  it.each([429, 500, 502, 503, 504])("reads retry on %i", (status) => {
    expect(isRetryable("idempotent", { status })).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 302, 501])("nobody retries on %i", (status) => {
    expect(isRetryable("idempotent", { status })).toBe(false);
    expect(isRetryable("unsafe", { status })).toBe(false);
  });

  it("a booking retries only on 429", () => {
    expect(isRetryable("unsafe", { status: 429 })).toBe(true);
    for (const status of [500, 502, 503, 504]) expect(isRetryable("unsafe", { status })).toBe(false);
    expect(isRetryable("unsafe", "timeout")).toBe(false);
    expect(isRetryable("unsafe", "connection")).toBe(false);
    expect(isRetryable("idempotent", "timeout")).toBe(true);
    expect(isRetryable("idempotent", "connection")).toBe(true);
  });

  it("the table is the one docs/retries-and-rate-limits.md documents, and README sums up", () => {
    expect(RETRY_RULES.idempotent.statuses).toEqual([429, 500, 502, 503, 504]);
    expect(RETRY_RULES.unsafe.statuses).toEqual([429]);
    const guide = readFileSync(path.join(repoRoot, "docs", "retries-and-rate-limits.md"), "utf8");
    expect(guide).toContain(`connection errors, timeouts, ${RETRY_RULES.idempotent.statuses.join(", ")} |`);
    // The rows name the operations by the class the operation table gives them.
    const rows = Object.entries(operations) as Array<[string, { method: string; idempotent?: boolean }]>;
    const unsafe = rows.filter(([, row]) => retryClassOf(row.method, row.idempotent) === "unsafe");
    const names = unsafe.map(([id]) => `\`${id}\``).join(", ");
    expect(guide).toMatch(new RegExp(`^\\| ${names} \\(POST\\) +\\| 429 only +\\|`, "m"));
    const idempotentRow = guide.split("\n").find((line) => line.includes("x-idempotent"))!;
    for (const [id, row] of rows)
      if (row.method === "POST" && row.idempotent) expect(idempotentRow).toContain(`\`${id}\``);
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8").replace(/\s+/g, " ");
    const idempotent = RETRY_RULES.idempotent.statuses;
    expect(readme).toContain(
      `${idempotent.slice(0, -1).join(", ")} and ${idempotent.at(-1)}; a booking only on 429`,
    );
  });
});

describe("backoff", () => {
  it("waits half of an exponential ceiling (capped at 8 s) plus a random part of the other half", () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 0.999)).toBe(499);
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 0.5)).toBe(750);
    expect(backoffMs(3, () => 0.5)).toBe(3000);
    expect(backoffMs(10, () => 0)).toBe(BACKOFF.capMs / 2);
    expect(backoffMs(10, () => 0.999)).toBeLessThan(BACKOFF.capMs);
  });

  it("never waits less than half its ceiling, nor as long as the ceiling, whatever the random number", () => {
    for (let retry = 0; retry <= 10; retry++) {
      const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** retry);
      for (const r of [0, 1e-9, 0.25, 0.5, 0.75, 0.999999]) {
        const wait = backoffMs(retry, () => r);
        expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
        expect(wait).toBeLessThan(ceiling);
      }
    }
  });

  it("spreads clients out: different random numbers give different waits", () => {
    expect(new Set([0, 0.2, 0.4, 0.6, 0.8].map((r) => backoffMs(0, () => r))).size).toBe(5);
  });
});

describe("Retry-After, read as RFC 9110 says", () => {
  const at = (ms: number) => new Date(NOW + ms);
  it.each<[string | null | undefined, number | undefined]>([
    ["3", 3000],
    [" 12 ", 12000],
    ["120", 60000],
    // IMF-fixdate, and the two obsolete forms a recipient must still accept
    [at(5000).toUTCString(), 5000],
    ["Saturday, 21-Nov-26 12:00:09 GMT", 9000],
    ["Sat Nov 21 12:00:04 2026", 4000],
    ["Sat Nov  1 12:00:04 2026", undefined], // a date in the past
    [at(3_600_000).toUTCString(), 60000],
    // Anything else falls back to the backoff.
    ["0", undefined],
    ["00", undefined],
    [at(-5000).toUTCString(), undefined],
    [at(0).toUTCString(), undefined],
    ["1, 0", undefined],
    ["1, 1", undefined],
    ["June 2090", undefined],
    ["2090-06-01T00:00:00Z", undefined],
    ["Sat, 21 Nov 2026 12:00:05 +0000", undefined],
    ["Sat, 21 Nov 2026 25:00:05 GMT", undefined],
    ["Sat, 31 Feb 2026 12:00:05 GMT", undefined],
    ["1.5", undefined],
    ["+3", undefined],
    ["soon", undefined],
    ["-1", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%j -> %j ms", (header, expected) => expect(parseRetryAfter(header, NOW)).toBe(expected));

  it("wins over backoff when it is usable, and 0 uses the backoff with its floor", () => {
    expect(retryDelayMs(0, "2", NOW, () => 0.5)).toBe(2000);
    expect(retryDelayMs(0, "1", NOW, () => 0)).toBe(1000);
    expect(retryDelayMs(0, undefined, NOW, () => 0.5)).toBe(375);
    expect(retryDelayMs(1, "0", NOW, () => 0.5)).toBe(750);
    expect(retryDelayMs(1, "0", NOW, () => 0)).toBe(500);
  });
});

describe("retries spread out: 200 concurrent reads through a 300 ms outage", () => {
  it.each([
    ["Retry-After: 0", { "retry-after": "0" }],
    ["no Retry-After", {}],
  ])(
    "with %s, none fails: every retry waits at least half its backoff",
    async (_name, headers: Record<string, string>) => {
      let outageStarted: number | undefined;
      const api = await startServer((_req, res) => {
        const now = performance.now();
        outageStarted ??= now;
        if (now - outageStarted < 300) json(res, 503, { errorMessage: "Service unavailable" }, headers);
        else json(res, 200, BOOKING);
      });
      try {
        const client = createClassBookingClient({
          baseUrl: api.url,
          apiKey: "sk_live_RETRY-KEY",
          logLevel: "off",
        });
        const outcomes = await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            client.getClassBookingById({ bookingId: i + 1 }).then(
              () => "ok",
              (e: Error) => e.message,
            ),
          ),
        );
        expect(outcomes.filter((o) => o !== "ok")).toEqual([]);
        expect(api.requests.length).toBeGreaterThan(200);
      } finally {
        await api.close();
      }
    },
    30_000,
  );
});
