import { afterEach, describe, expect, it } from "vitest";
import { ClassBookingError } from "../../src/client/index.js";
import { testClient } from "../helpers/client.js";
import { json, startServer, type TestServer } from "../helpers/server.js";

let server: TestServer | undefined;
afterEach(async () => server?.close());

const slices: Record<
  string,
  { result: Array<{ id: number; bookable: boolean }>; hasNext: boolean; offset: string }
> = {
  "": {
    result: [
      { id: 1, bookable: true },
      { id: 2, bookable: true },
    ],
    hasNext: true,
    offset: "c1",
  },
  c1: { result: [{ id: 3, bookable: false }], hasNext: true, offset: "c2" },
  c2: { result: [{ id: 4, bookable: true }], hasNext: false, offset: "c3" },
};

describe("client.paginate", () => {
  it("walks three slices, sending each returned offset back, and stops at hasNext false", async () => {
    server = await startServer((req, res) => {
      const offset = new URL(req.url, "http://x").searchParams.get("offset") ?? "";
      json(res, 200, slices[offset]);
    });
    const { client } = testClient(server.url);
    const ids: number[] = [];
    for await (const c of client.paginate.getActiveClasses({ sliceSize: 10 })) ids.push(c.id);
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/classes?sliceSize=10",
      "/v1/classes?offset=c1&sliceSize=10",
      "/v1/classes?offset=c2&sliceSize=10",
    ]);
  });

  it("stops early without fetching more when the loop breaks", async () => {
    server = await startServer((req, res) => {
      const offset = new URL(req.url, "http://x").searchParams.get("offset") ?? "";
      json(res, 200, slices[offset]);
    });
    const { client } = testClient(server.url);
    for await (const c of client.paginate.getClassSlots({ classId: 14928 })) if (c.id === 1) break;
    expect(server.requests).toHaveLength(1);
  });

  it("a server that repeats the offset with hasNext true is an error, not an endless loop", async () => {
    server = await startServer((_req, res) =>
      json(res, 200, { result: [{ id: 1, bookable: true }], hasNext: true, offset: "same" }),
    );
    const { client } = testClient(server.url);
    const seen: number[] = [];
    const run = async () => {
      for await (const c of client.paginate.getActiveClasses()) seen.push(c.id);
    };
    await expect(run()).rejects.toThrow(ClassBookingError);
    await expect(run()).rejects.toThrow(/getActiveClasses: .*offset "same"/);
    expect(server.requests.length).toBe(4);
  });
});
