import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, ClassBookingError } from "../../src/client/index.js";
import { API_KEY, ERROR_409, testClient } from "../helpers/client.js";
import { json, reset, startServer, type TestServer } from "../helpers/server.js";

let server: TestServer | undefined;
afterEach(async () => server?.close());

function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e),
    e.stack ?? "",
    JSON.stringify(e),
    JSON.stringify({ ...e }),
    inspect(e, { depth: Infinity, showHidden: true }),
    inspect(e.cause, { depth: Infinity, showHidden: true }),
  ];
}

describe("the API key never shows in an error", () => {
  const cases: Array<[string, (url: string) => Promise<unknown>]> = [
    ["ApiError", (url) => testClient(url).client.bookClassSlot({ customerId: 203, classSlotId: 20334 })],
    ["ApiError after retries", (url) => testClient(url).client.getActiveClasses()],
    [
      "TimeoutError",
      (url) => testClient(url, { timeoutMs: 20, maxRetries: 0 }).client.getClassById({ classId: 1 }),
    ],
    ["ConnectionError", (url) => testClient(url).client.getClassById({ classId: 2 })],
    ["ClassBookingError (bad JSON)", (url) => testClient(url).client.getClassById({ classId: 3 })],
  ];

  it.each(cases)("%s", async (_name, call) => {
    server = await startServer((req, res) => {
      if (req.url.endsWith("/classes/1")) return; // never answers: the client's timeout ends it
      if (req.url.endsWith("/classes/2")) return reset(res);
      if (req.url.endsWith("/classes/3")) return res.writeHead(200).end("{");
      json(res, req.method === "POST" ? 409 : 503, ERROR_409);
    });
    const error = await call(server.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (const text of renderings(error)) expect(text).not.toContain(API_KEY);
  });

  it("headers kept on an ApiError show *** for the key", async () => {
    server = await startServer((_req, res) => json(res, 409, ERROR_409));
    const error = (await testClient(server.url)
      .client.bookClassSlot({ customerId: 1, classSlotId: 2 })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.requestHeaders["x-api-key"]).toBe("***");
    expect(error.requestHeaders["accept"]).toBe("application/json");
  });

  it("an answer's Set-Cookie shows *** on the error; other answer headers stay", async () => {
    server = await startServer((_req, res) =>
      json(res, 409, ERROR_409, { "set-cookie": "session=s3cr3t", "x-trace": "t-1" }),
    );
    const error = (await testClient(server.url)
      .client.bookClassSlot({ customerId: 1, classSlotId: 2 })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.headers["set-cookie"]).toBe("***");
    expect(error.headers["x-trace"]).toBe("t-1");
    for (const text of renderings(error)) expect(text).not.toContain("s3cr3t");
  });

  it("invalid options never echo the key", () => {
    const { client } = testClient("http://127.0.0.1:9");
    expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(API_KEY);
    expect(() => testClient("ftp://example.com")).toThrow(/baseUrl/);
    const error = (() => {
      try {
        testClient("http://example.com");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ClassBookingError);
    for (const text of renderings(error)) expect(text).not.toContain(API_KEY);
  });
});
