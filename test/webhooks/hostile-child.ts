/**
 * The child process of hostile.test.ts: one receiver behind node:http twice, once through
 * nodeHandler() and once through fetchHandler (with a small bridge from node:http to a WHATWG
 * Request whose body streams), plus a control server for the test. It installs no handler for
 * uncaught errors: anything unhandled ends this process, and the test sees it gone.
 *
 * Event types steer the handler: THROW_ERROR, THROW_UNDEFINED, THROW_TEXT, REJECT_NULL fail at
 * once; SLOW_THEN_THROW waits until the test calls /release (after its 200), then throws.
 * onError counts what it hears and then throws itself (a logger that is down).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebhookReceiver } from "../../src/webhooks/index.js";

const CHILD_KEY = process.env.HOSTILE_WEBHOOK_KEY ?? "";
const heard = {
  events: [] as Array<{ type: string; index: number; uuid: string }>,
  errors: [] as Array<{ isError: boolean; name: string; message: string }>,
};
let release: () => void = () => {};
let released = new Promise<void>((resolve) => (release = resolve));

const webhooks = createWebhookReceiver({
  keys: CHILD_KEY,
  respondWithinMs: 100,
  onEvent: async (event) => {
    heard.events.push({ type: event.type, index: event.index, uuid: event.uuid });
    if (event.type === "THROW_ERROR") throw new Error("db down");
    if (event.type === "THROW_UNDEFINED") throw undefined;
    if (event.type === "THROW_TEXT") throw "text";
    if (event.type === "REJECT_NULL") return Promise.reject(null);
    if (event.type === "SLOW_THEN_THROW") {
      await released;
      throw Symbol("late");
    }
  },
  onError: (error) => {
    heard.errors.push({
      isError: error instanceof Error,
      name: error?.name,
      message: String(error?.message),
    });
    if (heard.errors.length % 2) throw new Error("the logger is down");
    return Promise.reject(new Error("the async logger is down")) as unknown as void;
  },
});

/** Reads and drops the rest of a body, up to 16 MiB, then cuts the connection (what web servers do after an early answer). */
function drain(req: IncomingMessage): void {
  if ((req as { draining?: boolean }).draining) return;
  (req as { draining?: boolean }).draining = true;
  let drained = 0;
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > 16_777_216) req.socket.destroy();
  });
  req.resume();
}

/** A streaming WHATWG body over a Node request, read on demand; a canceled body is drained. */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on("data", (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (open) controller.close();
          open = false;
        });
        req.on("close", () => {
          if (open) controller.error(new Error("the sender went away"));
          open = false;
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
        drain(req);
      },
    },
    { highWaterMark: 65_536, size: (chunk) => chunk.byteLength },
  );
}

const viaNode = webhooks.nodeHandler();
const nodeServer = createServer((req, res) => void viaNode(req, res));
/** The bridge a fetch-style server on Node does: Request in, Response out; an answer given before the body ended is written whole, and the response ends once the rest was drained. */
const fetchServer = createServer(async (req, res) => {
  req.on("error", () => {});
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
    method: req.method,
    headers,
    ...(hasBody && { body: streamOf(req), duplex: "half" }),
  } as RequestInit);
  const response = await webhooks.fetchHandler(request);
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    "content-length": String(body.byteLength),
  });
  res.write(body);
  if (req.readableEnded || req.destroyed) return void res.end();
  req.on("end", () => res.end());
  req.on("close", () => res.end());
  drain(req);
});

/** Memory held (heap and buffers, after a collection) while the test measures: the peak over a baseline. */
const gc = (globalThis as { gc?: () => void }).gc;
const held = () => {
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
let baseline = 0;
let peak = 0;
let sampler: ReturnType<typeof setInterval> | undefined;
const control = createServer((req, res) => {
  if (req.url === "/release") {
    release();
    released = new Promise<void>((resolve) => (release = resolve));
  }
  if (req.url === "/measure") {
    peak = baseline = held();
    clearInterval(sampler);
    sampler = setInterval(() => (peak = Math.max(peak, held())), 20);
  }
  if (req.url === "/measured") {
    clearInterval(sampler);
    peak = Math.max(peak, held());
  }
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ ...heard, growth: peak - baseline, gc: typeof gc === "function" }));
});

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
const [node, fetchUrl, controlUrl] = await Promise.all([
  listen(nodeServer),
  listen(fetchServer),
  listen(control),
]);
// Stops when the test goes, even if it could not say so.
setInterval(() => {
  if (process.ppid === 1) process.exit(0);
}, 100).unref();
console.log(`ready ${node} ${fetchUrl} ${controlUrl}`);
