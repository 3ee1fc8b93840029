/**
 * Hostile and careless senders against both adapters, each on a real node:http server in a child
 * process (hostile-child.ts): hang-ups mid-body, slow and huge chunked uploads, wrong keys with
 * big bodies, handlers and an onError that throw, odd requests. A crash would end the child, so
 * after every case the child must still be there and still take an event; the memory it holds
 * while eight 10 MB uploads come in is measured after a collection.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";
import { waitForLine } from "../helpers/process.js";

const MB = 1_048_576;
const CHILD_KEY = "whk_hostile_7c1d9e";
let child: ChildProcess;
let stderr = "";
const urls = { node: "", fetch: "", control: "" };

beforeAll(async () => {
  const loader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
  child = spawn(
    process.execPath,
    ["--expose-gc", "--import", loader, path.join(repoRoot, "test", "webhooks", "hostile-child.ts")],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, HOSTILE_WEBHOOK_KEY: CHILD_KEY },
    },
  );
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await waitForLine(child, /ready \S+ \S+ \S+/);
  [urls.node, urls.fetch, urls.control] = line.split(" ").slice(1) as [string, string, string];
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await gone;
  }
});

interface Heard {
  events: Array<{ type: string; index: number; uuid: string }>;
  errors: Array<{ isError: boolean; name: string; message: string }>;
  growth: number;
  gc: boolean;
}
const control = async (what: string): Promise<Heard> =>
  (await fetch(`${urls.control}/${what}`)).json() as Promise<Heard>;
const eventBody = (type: string, items = 1) =>
  JSON.stringify({
    entityId: 2033,
    uuid: crypto.randomUUID(),
    payload: Array.from({ length: items }, (_, i) => ({ timestamp: 1764576000000 + i, type })),
  });
const post = (url: string, body: string, key = CHILD_KEY) =>
  fetch(url, { method: "POST", headers: { "x-api-key": key, "content-type": "application/json" }, body });

/** The child is alive, and an ordinary event still reaches its handler. */
async function stillAnswers(url: string): Promise<void> {
  expect(child.exitCode, stderr).toBeNull();
  const body = eventBody("STILL_THERE");
  const res = await post(url, body);
  expect(res.status, stderr).toBe(200);
  const { events } = await control("stats");
  expect(events.some((e) => e.uuid === JSON.parse(body).uuid)).toBe(true);
}

/** Opens a connection, sends headers announcing `declared` bytes and `sent` of them, then resets it. */
function hangUp(url: string, key: string, declared = 1020, sent = 20): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), "127.0.0.1", () => {
      socket.write(
        `POST / HTTP/1.1\r\nhost: 127.0.0.1\r\nx-api-key: ${key}\r\ncontent-type: application/json\r\ncontent-length: ${declared}\r\n\r\n`,
      );
      socket.write("x".repeat(sent), () => {
        socket.resetAndDestroy();
        resolve();
      });
    });
    socket.on("error", () => resolve());
  });
}

interface Upload {
  status?: number;
  /** Bytes written when the answer came (or when the connection failed). */
  sent: number;
  error?: string;
}
/**
 * Uploads `total` bytes in chunks (paced: one chunk per turn of the event loop, minding
 * backpressure), stopping once the answer comes. `holdAfter` stops writing after that many bytes
 * without ending the body, so an answer can only come from what was sent so far; `declare` sends
 * a Content-Length of `total` instead of chunks.
 */
function upload(
  url: string,
  key: string,
  total: number,
  options: { chunk?: number; declare?: boolean; paced?: boolean; holdAfter?: number } = {},
): Promise<Upload> {
  const { chunk = 65_536, declare = false, paced = false, holdAfter = Infinity } = options;
  return new Promise((resolve) => {
    const headers = {
      "x-api-key": key,
      "content-type": "application/json",
      ...(declare ? { "content-length": String(total) } : { "transfer-encoding": "chunked" }),
    };
    const req = request(url, { method: "POST", headers, agent: false });
    const piece = Buffer.alloc(chunk, 0x20);
    let sent = 0;
    let answered: Upload | undefined;
    const guard = setTimeout(() => req.destroy(new Error("no answer within 20 s")), 20_000);
    const finish = (result: Upload) => {
      clearTimeout(guard);
      resolve(result);
    };
    const pump = () => {
      while (sent < Math.min(total, holdAfter) && !answered) {
        sent += chunk;
        const more = req.write(piece);
        if (!more) return void req.once("drain", pump);
        if (paced) return void setImmediate(pump);
      }
      if (!answered && sent >= total && !declare) req.end();
    };
    req.on("response", (res) => {
      answered = { status: res.statusCode, sent };
      res.resume();
      const done = () => {
        req.destroy();
        finish(answered!);
      };
      res.on("end", done);
      res.on("error", done);
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish(answered ?? { sent, error: error.code ?? error.message }),
    );
    req.flushHeaders();
    pump();
  });
}

describe.each([
  ["nodeHandler()", () => urls.node],
  ["fetchHandler (through a streaming Request bridge)", () => urls.fetch],
])("%s on node:http, in a child process", (_name, url) => {
  it("hang-ups mid-body (Content-Length 1020, 20 bytes sent, then a reset) end only that call, with a right key or a wrong one", async () => {
    const before = (await control("stats")).errors.length;
    for (let i = 0; i < 25; i++) await Promise.all([hangUp(url(), CHILD_KEY), hangUp(url(), "whk_wrong")]);
    await stillAnswers(url());
    const heard = (await control("stats")).errors.slice(before);
    expect(heard.filter((e) => /the body broke off/.test(e.message)).length).toBeGreaterThan(0);
    expect(heard.every((e) => e.isError && !e.message.includes(CHILD_KEY))).toBe(true);
  });

  it("a slow chunked 10 MB upload with the right key gets 413 once it passes the limit: sending stops at 128 KiB, and the answer comes", async () => {
    const result = await upload(url(), CHILD_KEY, 10 * MB, {
      chunk: 16_384,
      paced: true,
      holdAfter: 131_072,
    });
    expect(result.status, JSON.stringify(result)).toBe(413);
    expect(result.sent).toBeGreaterThan(65_536);
    expect(result.sent).toBeLessThanOrEqual(131_072);
    await stillAnswers(url());
  });

  it("a wrong key gets 401 from the headers alone: the body is not waited for", async () => {
    for (const holdAfter of [0, 16_384]) {
      const result = await upload(url(), "whk_wrong", 10 * MB, { chunk: 16_384, paced: true, holdAfter });
      expect(result.status, JSON.stringify(result)).toBe(401);
      expect(result.sent).toBeLessThanOrEqual(holdAfter);
    }
    await stillAnswers(url());
  });

  it("a Content-Length over the limit gets 413 before any body byte is sent", async () => {
    const result = await upload(url(), CHILD_KEY, 10 * MB, { declare: true, holdAfter: 0 });
    expect(result).toEqual({ status: 413, sent: 0 });
    await stillAnswers(url());
  });

  it("8 concurrent 10 MB uploads with a wrong key, then 8 too large ones: every sender gets its status, and memory held stays bounded", async () => {
    const { gc } = await control("measure");
    expect(gc, "the child needs node --expose-gc").toBe(true);
    const wrongKey = await Promise.all(Array.from({ length: 8 }, () => upload(url(), "whk_wrong", 10 * MB)));
    const tooLarge = await Promise.all(Array.from({ length: 8 }, () => upload(url(), CHILD_KEY, 10 * MB)));
    const { growth } = await control("measured");
    expect(wrongKey.map((r) => r.status ?? r.error)).toEqual(Array(8).fill(401));
    expect(tooLarge.map((r) => r.status ?? r.error)).toEqual(Array(8).fill(413));
    // 160 MB offered; reading them whole would hold 80 MB at once. Generous for a busy machine.
    expect(growth / MB).toBeLessThan(48);
    await stillAnswers(url());
  });

  it("handlers that throw an Error, undefined, a string or reject with null answer 500; onError hears each as an Error, and its own throws are contained", async () => {
    const before = (await control("stats")).errors.length;
    for (const type of ["THROW_ERROR", "THROW_UNDEFINED", "THROW_TEXT", "REJECT_NULL"]) {
      const res = await post(url(), eventBody(type));
      expect(res.status, type).toBe(500);
      expect(await res.json()).toEqual({
        errorMessage: "webhook: the event handler failed",
        errorCode: "EVENT_HANDLER_FAILED",
      });
    }
    const heard = (await control("stats")).errors.slice(before);
    expect(heard.map((e) => [e.isError, e.message])).toEqual([
      [true, "db down"],
      [true, "webhook: a handler threw undefined, not an Error"],
      [true, 'webhook: a handler threw "text", not an Error'],
      [true, "webhook: a handler threw null, not an Error"],
    ]);
    await stillAnswers(url());
  });

  it("a handler still running after its 200 that then throws (a non-Error) reaches onError and harms nothing", async () => {
    const before = (await control("stats")).errors.length;
    const res = await post(url(), eventBody("SLOW_THEN_THROW"));
    expect(res.status).toBe(200);
    await control("release");
    let heard: Heard["errors"] = [];
    for (let i = 0; i < 200 && !heard.length; i++) {
      heard = (await control("stats")).errors.slice(before);
      if (!heard.length) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(heard.map((e) => [e.isError, e.message])).toEqual([
      [true, "webhook: a handler threw Symbol(late), not an Error"],
    ]);
    await stillAnswers(url());
  });

  it("odd requests each get an answer of bounded size", async () => {
    const odd: Array<[RequestInit & { key?: string | null }, number]> = [
      [{ method: "GET" }, 405],
      [{ method: "PUT", body: eventBody("FINE") }, 405],
      [{ method: "POST", body: eventBody("FINE"), key: null }, 401],
      [{ method: "POST", body: eventBody("FINE"), key: "k".repeat(8_000) }, 401],
      [{ method: "POST", body: "[".repeat(30_000) + "]".repeat(30_000) }, 400],
      [
        {
          method: "POST",
          body: `{"entityId":1,"uuid":"u","payload":[${Array(21_000).fill("{}").join(",")}]}`,
        },
        400,
      ],
      [
        { method: "POST", body: "\u00ff\u00fe not utf-8 or json", headers: { "content-type": "text/plain" } },
        400,
      ],
    ];
    for (const [{ key = CHILD_KEY, ...init }, status] of odd) {
      const headers = new Headers(init.headers);
      if (key !== null) headers.set("x-api-key", key);
      const res = await fetch(url(), { ...init, headers });
      const text = await res.text();
      expect(res.status, text).toBe(status);
      expect(text.length).toBeLessThan(1_000);
    }
    await stillAnswers(url());
  });
});

describe("the child after everything", () => {
  it("is still running, wrote nothing to stderr, and never showed a key in what onError heard", async () => {
    expect(child.exitCode).toBeNull();
    expect(stderr).toBe("");
    const { errors } = await control("stats");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.message.includes(CHILD_KEY) || e.message.includes("whk_wrong"))).toBe(false);
  });
});
