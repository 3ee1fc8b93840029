/** Every option is checked at construction as fetch would check it, and no failure escapes the error family. */
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ClassBookingError, createClassBookingClient } from "../../src/client/index.js";
import type { ClassBookingClientOptions } from "../../src/client/index.js";
import { API_KEY, BOOKING, testClient } from "../helpers/client.js";
import { json, startServer, type TestServer } from "../helpers/server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const BASE = "https://mystudio.open-api.magicline.com";
const construct = (options: Record<string, unknown>) => () =>
  createClassBookingClient({ baseUrl: BASE, apiKey: API_KEY, ...options } as ClassBookingClientOptions);

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("construction refuses what fetch would refuse later", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      "a header name with a space",
      { headers: { "bad name": "x" } },
      /option "headers" has an invalid header name "bad name"/,
    ],
    [
      "a header value with a line break",
      { headers: { "x-studio": "north\r\nx-evil: 1" } },
      /option "headers" has an invalid value for "x-studio"/,
    ],
    [
      "a header value beyond Latin-1",
      { headers: { "x-studio": "€" } },
      /option "headers" has an invalid value for "x-studio"/,
    ],
    ["a userAgent with a NUL", { userAgent: "app\0" }, /option "userAgent" must be a header value/],
    [
      "an acceptLanguage with a line break",
      { acceptLanguage: "de\n" },
      /option "acceptLanguage" must be a header value/,
    ],
    [
      "timeoutMs of 2**31 (Node would make it 1 ms)",
      { timeoutMs: 2 ** 31 },
      /option "timeoutMs" must be an integer from 1 to 2147483647, got 2147483648/,
    ],
    [
      "maxRetries beyond its bound",
      { maxRetries: 1000 },
      /option "maxRetries" must be an integer from 0 to 10, got 1000/,
    ],
    [
      "an unknown option name",
      { timeout: 5000 },
      /unknown option "timeout"; the options are: baseUrl, tenant, apiKey/,
    ],
    ["another unknown option name", { retries: 3 }, /unknown option "retries"/],
    ["a fetch that is not a function", { fetch: "fetch" }, /option "fetch" must be a function/],
    [
      "headers that are not headers",
      { headers: 5 },
      /option "headers" must be an object, a Headers or an array of \[name, value\] pairs/,
    ],
  ])("%s", (_name, options, message) => {
    const error = thrown(construct(options));
    expect(error).toBeInstanceOf(ClassBookingError);
    expect(error.message).toMatch(message);
  });

  it.each([
    ["as an object", { "X-Api-Key": "other" }],
    ["as a Headers", new Headers({ "X-API-KEY": "other" })],
    ["as pairs", [["x-api-key", "other"]]],
  ])("X-API-KEY is refused in client headers given %s", (_name, headers) => {
    expect(thrown(construct({ headers })).message).toMatch(/option "headers" must not set X-API-KEY/);
  });

  it("headers given as a Headers or pairs are sent", async () => {
    server = await startServer((_req, res) => json(res, 200, BOOKING));
    const { client } = testClient(server.url, { headers: new Headers({ "X-Studio": "north" }) });
    await client.getClassBookingById({ bookingId: 1 }, { headers: [["x-request-id", "r-1"]] });
    expect(server.requests[0]?.headers).toMatchObject({
      "x-studio": "north",
      "x-request-id": "r-1",
      "x-api-key": API_KEY,
    });
  });
});

describe("the API key", () => {
  it.each([
    ["a NUL byte", `${API_KEY}\0`],
    ["a line break", `${API_KEY}\n`],
    ["a space around it", ` ${API_KEY}`],
    ["a character beyond ASCII", `${API_KEY}é`],
  ])("with %s is refused, and the message never holds it", (_name, apiKey) => {
    const error = thrown(construct({ apiKey }));
    expect(error).toBeInstanceOf(ClassBookingError);
    expect(error.message).toMatch(
      /option "apiKey" must be printable ASCII on one line, with no space around it/,
    );
    for (const text of [
      error.message,
      String(error),
      error.stack ?? "",
      JSON.stringify(error),
      inspect(error, { showHidden: true, depth: 9 }),
    ]) {
      expect(text).not.toContain(API_KEY);
    }
  });

  it.each([
    ["a Headers", new Headers({ "X-API-KEY": "other" })],
    ["pairs", [["X-API-KEY", "other"]]],
  ])("per-call headers given as %s cannot replace it", async (_name, headers) => {
    server = await startServer((_req, res) => json(res, 200, BOOKING));
    const { client } = testClient(server.url);
    await expect(
      client.getClassBookingById({ bookingId: 1 }, { headers: headers as HeadersInit }),
    ).rejects.toThrow('getClassBookingById: call option "headers" must not set X-API-KEY');
    expect(server.requests).toHaveLength(0);
  });
});

describe("per-call options", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      "a signal that is not an AbortSignal",
      { signal: { aborted: false } },
      /^getClassById: call option "signal" must be an AbortSignal/,
    ],
    [
      "a bad timeoutMs",
      { timeoutMs: -5 },
      /^getClassById: call option "timeoutMs" must be an integer from 1 to 2147483647, got -5/,
    ],
    ["a bad maxRetries", { maxRetries: 1.5 }, /^getClassById: call option "maxRetries"/],
    [
      "a bad header",
      { headers: { "a b": "c" } },
      /^getClassById: call option "headers" has an invalid header name "a b"/,
    ],
    [
      "an unknown name",
      { retries: 2 },
      /^getClassById: unknown call option "retries"; the call options are: signal, timeoutMs, maxRetries, headers/,
    ],
  ])("%s is named with the operation", async (_name, options, message) => {
    server = await startServer((_req, res) => json(res, 200, BOOKING));
    const { client } = testClient(server.url);
    const error = await client.getClassById({ classId: 1 }, options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassBookingError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });
});
