/**
 * The sandbox is as strict as the API, in-process and over HTTP: request media types from the
 * spec (415), 405 with Allow for every method a path lacks, the operation chosen from the request
 * target alone (never Host), 400 for broken encodings, dates out of range and targets that name
 * nothing, a 413 every uploader receives, and an ErrorResponse where node's parser refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemas } from "../../generated/contract.js";
import { violations } from "../../src/core/schema.js";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { createSandbox } from "../../src/sandbox/index.js";
import { loadSpec, operations } from "../../scripts/spec.js";
import { rawRequest, type RawAnswer } from "../helpers/raw-http.js";

const KEY = { "x-api-key": "strict-key" };
const BOOKING = JSON.stringify({ customerId: 203, classSlotId: 20334 });
const isErrorResponse = (body: unknown) =>
  typeof (body as { errorMessage?: unknown })?.errorMessage === "string" &&
  violations({ $ref: "ErrorResponse" }, body, schemas).length === 0;

let server: MockServer;
let port = 0;
beforeAll(async () => {
  server = await startMockServer({ stateful: true });
  port = Number(new URL(server.url).port);
});
afterAll(() => server?.stop());

/** One request over raw HTTP; the answer, which must have come. */
async function raw(text: string | Array<string | Buffer>): Promise<RawAnswer> {
  const result = await rawRequest(port, Array.isArray(text) ? text : [text]);
  if (!("answer" in result)) throw new Error(`no answer: ${result.closed}`);
  return result.answer;
}

describe("request media types come from the spec", () => {
  const refused: Array<[string, string | undefined]> = [
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["JSON by another name", "application/merge-patch+json"],
    ["none", undefined],
  ];
  it.each(refused)(
    "%s answers 415 naming application/json, in-process and over HTTP",
    async (_name, type) => {
      for (const path of ["/v1/classes/booking/validate", "/v1/classes/booking/book"]) {
        const headers = { ...KEY, ...(type && { "content-type": type }) };
        // A Blob body without a type sends no Content-Type at all.
        const init = { method: "POST", headers, body: type ? BOOKING : new Blob([BOOKING]) };
        for (const response of [
          await createSandbox().fetch(`http://localhost${path}`, init),
          await fetch(server.url + path, init),
        ]) {
          const body = (await response.json()) as { errorMessage: string; errorCode: string };
          expect(response.status).toBe(415);
          expect(isErrorResponse(body)).toBe(true);
          expect(body.errorMessage).toContain("must be sent as application/json");
          expect(body.errorMessage).toContain(type === undefined ? "no Content-Type" : type);
          expect(body.errorCode).toBe("UNSUPPORTED_MEDIA_TYPE");
        }
      }
    },
  );

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"])(
    "%s is accepted",
    async (type) => {
      const response = await createSandbox().fetch("http://localhost/v1/classes/booking/book", {
        method: "POST",
        headers: { ...KEY, "content-type": type },
        body: BOOKING,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ bookingStatus: "BOOKED" });
    },
  );
});

describe("every method a path lacks answers 405 with Allow", () => {
  const spec = loadSpec();
  const byPath = new Map<string, string[]>();
  for (const op of operations(spec))
    byPath.set(op.path, [...(byPath.get(op.path) ?? []), op.method.toUpperCase()]);
  const concrete = (template: string) => template.replace(/\{[^}]+\}/g, "14928");
  const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"];

  // A path such as /v1/classes/booking/validate also fits /v1/classes/booking/{bookingId}: it allows the methods of both.
  const fits = (template: string, path: string) => {
    const [want, got] = [template.split("/"), path.split("/")];
    return want.length === got.length && want.every((part, i) => part.startsWith("{") || part === got[i]);
  };

  it("over HTTP, for every path of the spec and every method, TRACE and CONNECT included", async () => {
    for (const template of byPath.keys()) {
      const methods = [...byPath].filter(([other]) => fits(other, concrete(template))).flatMap(([, m]) => m);
      const allow = [...new Set([...methods, "HEAD"])].sort();
      for (const method of METHODS.filter((m) => !methods.includes(m))) {
        const answer = await raw(
          `${method} ${concrete(template)} HTTP/1.1\r\nHost: localhost\r\nx-api-key: k\r\ncontent-length: 0\r\n\r\n`,
        );
        expect(answer.status, `${method} ${template}`).toBe(405);
        expect(answer.headers.allow?.split(", ").sort(), `${method} ${template}`).toEqual(allow);
        expect(isErrorResponse(JSON.parse(answer.body))).toBe(true);
      }
    }
  });

  it("in-process the same; TRACE and CONNECT, which fetch cannot make, reject like fetch and never throw", async () => {
    const sandbox = createSandbox();
    const response = await sandbox.fetch("http://localhost/v1/classes", { method: "PUT", headers: KEY });
    expect([response.status, response.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    for (const method of ["TRACE", "CONNECT"]) {
      let pending: Promise<Response> | undefined;
      expect(() => (pending = sandbox.fetch("http://localhost/v1/classes", { method }))).not.toThrow();
      await expect(pending).rejects.toThrow(TypeError);
    }
  });

  it("OPTIONS * names every method the server answers; CONNECT to an authority is 405 too", async () => {
    const options = await raw("OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n");
    expect(options.status).toBe(204);
    expect(options.headers.allow?.split(", ").sort()).toEqual(["DELETE", "GET", "HEAD", "POST"]);
    const connect = await raw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    expect(connect.status).toBe(405);
    expect(connect.headers.allow).toBe(options.headers.allow);
    expect(isErrorResponse(JSON.parse(connect.body))).toBe(true);
  });
});

describe("the operation comes from the request target alone", () => {
  it("an odd Host never changes the operation", async () => {
    const answer = await raw("GET /v1/classes HTTP/1.1\r\nHost: x/v1/classes/14928#\r\nx-api-key: k\r\n\r\n");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("result");
  });

  it("an absolute-form target is read by its path", async () => {
    const answer = await raw(
      "GET http://elsewhere.example/v1/classes/14928 HTTP/1.1\r\nHost: localhost\r\nx-api-key: k\r\n\r\n",
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ id: 14928 });
  });

  it("a path that starts with // stays a path", async () => {
    const answer = await raw(
      "GET //elsewhere.example/v1/classes HTTP/1.1\r\nHost: localhost\r\nx-api-key: k\r\n\r\n",
    );
    expect(answer.status).toBe(404);
  });
});

describe("a caller's mistakes answer 4xx with an ErrorResponse that names the problem", () => {
  it.each<[string, string, number, RegExp]>([
    [
      "a percent sign with nothing after it",
      "/v1/classes/50%",
      400,
      /classId is not valid percent-encoding: "50%"/,
    ],
    [
      "a percent sign with no hex digits",
      "/v1/classes/%ZZ/slots",
      400,
      /classId is not valid percent-encoding: "%ZZ"/,
    ],
    [
      "a window that ends after 9999-12-31",
      "/v1/classes/slots?slotWindowStartDate=9999-12-31",
      400,
      /slotWindowStartDate 9999-12-31 plus 1 days is not within the years 0001 to 9999/,
    ],
    [
      "a window before year 1",
      "/v1/classes/slots?slotWindowStartDate=0000-12-31",
      400,
      /not within the years 0001 to 9999/,
    ],
    ["a path the API does not have", "/v2/classes", 404, /No endpoint of the API at "\/v2\/classes"/],
  ])("%s", async (_name, path, status, message) => {
    for (const answer of [
      await raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nx-api-key: k\r\n\r\n`),
      await createSandbox()
        .fetch(`http://localhost${path}`, { headers: KEY })
        .then(async (r) => ({ status: r.status, body: await r.text() })),
    ]) {
      expect(answer.status).toBe(status);
      const body = JSON.parse(answer.body) as { errorMessage: string };
      expect(isErrorResponse(body)).toBe(true);
      expect(body.errorMessage).toMatch(message);
    }
  });

  it("the last day there is still works", async () => {
    const response = await createSandbox().fetch(
      "http://localhost/v1/classes/slots?slotWindowStartDate=9999-12-31&daysAhead=0",
      { headers: KEY },
    );
    expect(response.status).toBe(200);
  });

  it.each<[string, string, number]>([
    ["a target that is no path", "GET foo HTTP/1.1\r\nHost: localhost\r\n\r\n", 400],
    ["a space in the path", "GET /v1/cl asses HTTP/1.1\r\nHost: localhost\r\n\r\n", 400],
    ["a method node does not know", "BREW /v1/classes HTTP/1.1\r\nHost: localhost\r\n\r\n", 400],
    ["no Host in HTTP/1.1", "GET /v1/classes HTTP/1.1\r\nx-api-key: k\r\n\r\n", 400],
    [
      "headers over 16 KB",
      `GET /v1/classes HTTP/1.1\r\nHost: localhost\r\nx-filler: ${"a".repeat(20_000)}\r\n\r\n`,
      431,
    ],
    [
      "a body both chunked and counted",
      "POST /v1/classes/booking/book HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
      400,
    ],
  ])(
    "%s: node refuses it, and the answer is an ErrorResponse all the same",
    async (_name, request, status) => {
      const answer = await raw(request);
      expect(answer.status).toBe(status);
      expect(isErrorResponse(JSON.parse(answer.body))).toBe(true);
    },
  );
});

describe("a body over the cap", () => {
  it("answers 413 that each of 11 concurrent uploaders receives; the server answers on", async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    const answers = await Promise.all(
      Array.from({ length: 11 }, () =>
        fetch(`${server.url}/v1/classes/booking/book`, {
          method: "POST",
          headers: { ...KEY, "content-type": "application/json" },
          body: big,
        }).then(
          async (r) => ({ status: r.status, body: (await r.json()) as unknown }),
          (error: Error) => ({
            status: 0,
            body: String((error.cause as Error | undefined)?.message ?? error.message),
          }),
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(413);
      expect(isErrorResponse(answer.body)).toBe(true);
    }
    expect((await fetch(`${server.url}/v1/classes/14928`, { headers: KEY })).status).toBe(200);
  });

  it.each([
    ["9 MB over HTTP/1.0 (the connection closes after the answer)", "HTTP/1.0", 9],
    ["3 MB on a GET, whose body nobody reads", "HTTP/1.1", 3],
  ])("%s: the 413 arrives all the same", async (_name, version, mb) => {
    const method = mb === 3 ? "GET /v1/classes" : "POST /v1/classes/booking/book";
    const head = `${method} ${version}\r\nHost: localhost\r\nx-api-key: k\r\ncontent-type: application/json\r\ncontent-length: ${mb * 1024 * 1024}\r\n\r\n`;
    const chunks = Array.from({ length: mb * 16 }, () => Buffer.alloc(65_536, 0x20));
    const answer = await raw([head, ...chunks]);
    expect(answer.status).toBe(413);
    expect(isErrorResponse(JSON.parse(answer.body))).toBe(true);
  });
});
