/**
 * Hostile and careless requests, generated (fast-check, fixed seed, bounded runs), against the
 * sandbox over raw sockets (the class-booking-mock CLI in a process of its own) and in-process:
 * bad request lines, odd Host headers, absolute-form and "*" targets, TRACE and CONNECT, broken
 * percent-encoding, dates out of range, huge headers, wrong content types, huge, truncated and
 * chunked bodies, hang-ups. The server never answers 5xx, never stops answering (a normal request
 * succeeds after every case), every error body is an ErrorResponse, and its memory stays bounded.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemas } from "../../generated/contract.js";
import { violations } from "../../src/core/schema.js";
import { createSandbox } from "../../src/sandbox/index.js";
import { repoRoot } from "../../scripts/spec.js";
import { RUNS, SEED } from "../property/oracle.js";
import { waitForLine } from "../helpers/process.js";
import { rawRequest, type RawAnswer } from "../helpers/raw-http.js";

const isErrorResponse = (text: string) => {
  try {
    const body = JSON.parse(text) as unknown;
    return (
      typeof (body as { errorMessage?: unknown }).errorMessage === "string" &&
      violations({ $ref: "ErrorResponse" }, body, schemas).length === 0
    );
  } catch {
    return false;
  }
};

let child: ChildProcess | undefined;
let port = 0;
beforeAll(async () => {
  const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
  child = spawn(
    process.execPath,
    [
      "--import",
      loader,
      path.join(repoRoot, "src", "cli", "class-booking-mock.ts"),
      "--stateful",
      "--port",
      "0",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const line = await waitForLine(child, /listening on http:\/\/127\.0\.0\.1:\d+/);
  port = Number(line.slice(line.lastIndexOf(":") + 1));
}, 60_000);
afterAll(() => child?.kill("SIGKILL"));

/** The server's resident memory, in bytes (from /proc). */
const rss = () =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child!.pid}/status`, "utf8"))![1]) * 1024;

const KEY = "x-api-key: hostile-key\r\n";
const segment = fc.oneof(
  fc.constantFrom(
    "14928",
    "20334",
    "2033",
    "50%",
    "%ZZ",
    "%e9%",
    "%2F",
    "..",
    "%2e%2e",
    "-1",
    "9".repeat(30),
    "a".repeat(300),
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
/** Mostly `usual`, now and then one of `odd`. */
const mostly = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>, weight = 4) =>
  fc.oneof({ arbitrary: usual, weight }, { arbitrary: odd, weight: 1 });
const target = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "/v1/classes",
      "/v1/classes/slots",
      "/v1/classes/booking/book",
      "/v1/classes/booking/validate",
      "/v1/classes/booking",
      "/_sandbox/clock",
      "/_sandbox/reset",
      "/_sandbox/snapshot",
      "/_sandbox/clock/advance",
      "*",
      "example.com:443",
      "/",
      "//x/v1/classes",
    ),
    weight: 4,
  },
  { arbitrary: fc.tuple(segment, segment).map(([a, b]) => `/v1/classes/${a}/slots/${b}`), weight: 2 },
  { arbitrary: segment.map((a) => `/v1/classes/booking/${a}`), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      "http://elsewhere/v1/classes/14928",
      "https://u:p@h:1/v1/classes",
      "ftp://h/v1/classes",
      "http://[::1/v1",
    ),
    weight: 1,
  },
  {
    arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, "")),
    weight: 1,
  },
);
const query = fc.constantFrom(
  "",
  "?slotWindowStartDate=9999-12-31",
  "?slotWindowStartDate=0000-01-01&daysAhead=6",
  "?daysAhead=x",
  "?offset=%ZZ",
  "?sliceSize=1e9",
  "?customerId=203",
  "?a=%",
  "#frag",
);
const method = mostly(
  fc.constantFrom("GET", "POST", "DELETE", "PUT"),
  fc.constantFrom("PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "BREW", "get", "G T"),
  3,
);
const version = mostly(
  fc.constant("HTTP/1.1"),
  fc.constantFrom("HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", ""),
  6,
);
const host = mostly(
  fc.constant("localhost"),
  fc.constantFrom(undefined, "x/v1/classes/14928#", "", "[::1", "h".repeat(300), "evil.example:99999"),
  3,
);
const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "\u00ff/\u00ff",
);
const body = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc
    .constantFrom(
      '{"customerId":203,"classSlotId":20334}',
      "{",
      "[]",
      "null",
      '{"now":"9999-12-31T00:00:00Z"}',
      '{"ms":1e300}',
    )
    .map((text) => ({ kind: "text" as const, text })),
  fc.string({ maxLength: 200 }).map((text) => ({ kind: "text" as const, text })),
  fc.constantFrom(1.2, 3, 9).map((mb) => ({ kind: "big" as const, bytes: Math.round(mb * 1024 * 1024) })),
  fc.constant({ kind: "truncated" as const }),
  fc
    .constantFrom("5\r\nhello\r\n0\r\n\r\n", "zz\r\nbroken", "4\r\nab")
    .map((text) => ({ kind: "chunked" as const, text })),
);
const extra = mostly(
  fc.constant(""),
  fc.constantFrom(
    "x-filler: " + "a".repeat(20_000) + "\r\n",
    Array.from({ length: 150 }, (_, i) => `x-h${i}: ${i}\r\n`).join(""),
    "no colon here\r\n",
    "x-api-key: \r\n",
    "content-length: 3\r\ncontent-length: 4\r\n",
  ),
  5,
);
const hangUp = fc.constantFrom(undefined, undefined, undefined, "end" as const, "destroy" as const);
const request = fc.record({ method, target, query, version, host, contentType, body, extra, hangUp });
type Case = typeof request extends fc.Arbitrary<infer T> ? T : never;

/** The bytes of a case, in the parts they are written in. */
function render(c: Case): Buffer[] {
  const lines = [
    `${c.method} ${c.target}${c.target.startsWith("/") ? c.query : ""} ${c.version}`.trimEnd(),
    ...(c.host === undefined ? [] : [`Host: ${c.host}`]),
  ];
  const head = (more: string[]) =>
    Buffer.from(
      [...lines, ...more].join("\r\n") +
        "\r\n" +
        KEY +
        (c.contentType ? `Content-Type: ${c.contentType}\r\n` : "") +
        c.extra +
        "\r\n",
      "latin1",
    );
  switch (c.body.kind) {
    case "none":
      return [head([])];
    case "text":
      return [head([`Content-Length: ${Buffer.byteLength(c.body.text)}`]), Buffer.from(c.body.text)];
    case "big":
      return [
        head([`Content-Length: ${c.body.bytes}`]),
        ...Array.from({ length: Math.ceil(c.body.bytes / 65_536) }, (_, i) =>
          Buffer.alloc(Math.min(65_536, (c.body as { bytes: number }).bytes - i * 65_536), 0x20),
        ),
      ];
    case "truncated":
      return [head(["Content-Length: 1000"]), Buffer.from('{"customerId":')];
    case "chunked":
      return [head(["Transfer-Encoding: chunked"]), Buffer.from(c.body.text)];
  }
}

/** A request that must always work. */
async function stillAnswers(): Promise<RawAnswer | string> {
  const result = await rawRequest(port, [`GET /v1/classes/14928 HTTP/1.1\r\nHost: localhost\r\n${KEY}\r\n`]);
  return "answer" in result ? result.answer : result.closed;
}

describe("hostile HTTP", () => {
  it("never a 5xx, never silent, every error an ErrorResponse, memory bounded", async () => {
    for (let i = 0; i < 20; i++) await stillAnswers(); // warm up before measuring
    const before = rss();
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(request, async (c) => {
        // A request that is whole and not hung up on; a truncated body is always hung up on.
        const hang =
          c.body.kind === "truncated" || (c.body.kind === "chunked" && !c.body.text.endsWith("\r\n\r\n"))
            ? (c.hangUp ?? "end")
            : c.hangUp;
        const result = await rawRequest(port, render(c), { hangUp: hang, timeoutMs: 15_000 });
        const shown = JSON.stringify({ ...c, extra: c.extra.slice(0, 40) });
        if (!hang)
          expect("answer" in result, `${shown}: ${"closed" in result ? result.closed : ""}`).toBe(true);
        if ("answer" in result) {
          answered++;
          const { status, body: text } = result.answer;
          expect(status, `${shown}: ${text}`).toBeLessThan(500);
          if (status >= 400 && c.method !== "HEAD")
            expect(isErrorResponse(text), `${shown}: ${status} ${text}`).toBe(true);
        }
        const after = await stillAnswers();
        expect(typeof after === "object" && after.status, `after ${shown}: ${JSON.stringify(after)}`).toBe(
          200,
        );
      }),
      { seed: SEED, numRuns: RUNS ? Math.max(50, Math.round(RUNS / 5)) : 120 },
    );
    expect(answered).toBeGreaterThan(50);
    expect(child!.exitCode).toBeNull();
    // Bodies are dropped past 1 MiB and studios are capped: the server's memory stays where it was, give or take.
    expect(rss() - before).toBeLessThan(96 * 1024 * 1024);
  }, 180_000);
});

describe("hostile calls in-process", () => {
  it("sandbox.fetch never throws: it rejects like fetch for what fetch cannot send, and otherwise answers below 500", async () => {
    const sandbox = createSandbox();
    const headers = fc.dictionary(
      fc.constantFrom("content-type", "x-api-key", "prefer", "host", "x-any"),
      fc.string({ maxLength: 30 }),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.tuple(target, query),
        headers,
        fc.option(fc.string({ maxLength: 100 })),
        async (m, [t, q], h, b) => {
          let pending: Promise<Response> | undefined;
          const url = `http://localhost${t.startsWith("/") ? t : `/${t}`}${q}`;
          expect(
            () =>
              (pending = sandbox.fetch(url, {
                method: m,
                headers: { "x-api-key": "k", ...h },
                ...(b !== null && !["GET", "HEAD"].includes(m.toUpperCase()) && { body: b }),
              })),
          ).not.toThrow();
          const outcome = await pending!.then(
            (r) => r,
            (e: unknown) => e,
          );
          if (!(outcome instanceof Response)) return void expect(outcome).toBeInstanceOf(TypeError);
          expect(outcome.status).toBeLessThan(500);
          if (outcome.status >= 400 && m.toUpperCase() !== "HEAD")
            expect(isErrorResponse(await outcome.text())).toBe(true);
        },
      ),
      { seed: SEED, numRuns: RUNS ?? 300 },
    );
  });
});
