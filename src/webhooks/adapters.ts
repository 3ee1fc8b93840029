/**
 * The receiver's two adapters: a WHATWG Request in and a Response out, and Node's (req, res).
 * Both check the method and the key from the headers before reading any body byte, read the body
 * counting bytes and stop at the size limit, and end a call whose body breaks off with an answer
 * instead of an error. No `node:` import: the Node adapter only needs the shape of a request.
 */
import { webhookDelivery } from "../../generated/contract.js";
import { tooLarge, WebhookError } from "./event.js";

/** What the receiver gives its adapters. */
export interface Pipeline {
  maxBodyBytes: number;
  /** The studio of a key; throws a WebhookError (401) for a missing or unknown key. */
  studioOf(key: string | null | undefined): Promise<unknown>;
  /** Takes a body for a studio, runs the handler, and says what to answer; never rejects. */
  finish(studio: unknown, body: Uint8Array | object): Promise<{ status: number; body: object }>;
  /** The answer to a refused call (onError hears why); never throws. */
  refuse(error: unknown): { status: number; body: object };
}

/** After an early answer, how much more of the body is read and dropped so the sender sees the answer rather than a reset. */
const DRAIN_BYTES = 1_048_576;
/** And for how long at most, in ms. */
const DRAIN_MS = webhookDelivery.timeoutMs;

const notPost = (method: string) => new WebhookError(405, "METHOD_NOT_ALLOWED", `${method.slice(0, 20)} is not allowed; the API posts events`);
const broken = () => new WebhookError(400, "EVENT_BODY_BROKEN", "the body broke off before its end");

/** Refuses a call whose Content-Length alone says it is too large. */
function checkLength(declared: string | null | undefined, max: number): void {
  if (declared && Number(declared) > max) throw tooLarge(max);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Reads a WHATWG body up to `max` bytes; cancels it and throws 413 once it is larger. */
async function readStream(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw broken();
    }
    if (next.done) return concat(chunks, size);
    size += next.value.byteLength;
    if (size > max) {
      reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(next.value);
  }
}

const json = ({ status, body }: { status: number; body: object }) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The fetch-style adapter. */
export async function answerFetch(pipeline: Pipeline, request: Request): Promise<Response> {
  try {
    if (request.method.toUpperCase() !== "POST") throw notPost(request.method);
    const studio = await pipeline.studioOf(request.headers.get(webhookDelivery.keyHeader));
    checkLength(request.headers.get("content-length"), pipeline.maxBodyBytes);
    const body = await readStream(request.body, pipeline.maxBodyBytes);
    return json(await pipeline.finish(studio, body));
  } catch (error) {
    if (request.body && !request.body.locked) request.body.cancel().catch(() => {});
    return json(pipeline.refuse(error));
  }
}

/** What the Node adapter needs of a request: node:http's IncomingMessage, or Express's. */
export interface NodeRequestLike {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A body some middleware already read (raw bytes, or parsed JSON). */
  body?: unknown;
  on(event: string, listener: (...args: any[]) => void): unknown;
  removeListener(event: string, listener: (...args: any[]) => void): unknown;
  resume(): unknown;
  /** Whether the whole body was read. */
  readableEnded?: boolean;
  /** Whether the request was torn down (the sender went away). */
  destroyed?: boolean;
  socket?: { destroy(): unknown } | null;
}
/** What the Node adapter needs of a response. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/** Reads a Node body up to `max` bytes: 413 once it is larger, 400 when it breaks off. */
function readNode(req: NodeRequestLike, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Gone already, or read by someone else: no body will come.
    if (req.destroyed || req.readableEnded) return reject(broken());
    const chunks: Uint8Array[] = [];
    let size = 0;
    const settle = (done: () => void) => {
      req.removeListener("data", onData);
      req.removeListener("end", onEnd);
      req.removeListener("close", onClose);
      req.removeListener("error", onClose);
      done();
    };
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
      size += bytes.byteLength;
      if (size > max) settle(() => reject(tooLarge(max)));
      else chunks.push(bytes);
    };
    const onEnd = () => settle(() => resolve(concat(chunks, size)));
    const onClose = () => settle(() => reject(broken()));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.on("error", onClose);
  });
}

/**
 * Reads and drops the rest of a body after an early answer, as web servers do, so the sender
 * reads the answer before the connection goes; past DRAIN_BYTES or DRAIN_MS the connection is cut.
 * Started before the answer is written, so that Node does not drop the rest unbounded itself.
 */
function drain(req: NodeRequestLike): void {
  if (req.readableEnded || req.destroyed) return;
  let drained = 0;
  const stop = () => {
    clearTimeout(timer);
    req.socket?.destroy();
  };
  const timer = setTimeout(stop, DRAIN_MS);
  (timer as { unref?: () => void }).unref?.();
  req.on("data", (chunk: { byteLength?: number; length: number }) => {
    drained += chunk.byteLength ?? chunk.length;
    if (drained > DRAIN_BYTES) stop();
  });
  req.on("end", () => clearTimeout(timer));
  req.on("close", () => clearTimeout(timer));
  req.resume();
}

function send(res: NodeResponseLike, { status, body }: { status: number; body: object }): void {
  try {
    res.statusCode = status;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(body));
  } catch {
    // The response was already under way or gone (a framework answered, the socket closed).
  }
}

/** The Node adapter. */
export function nodeAdapter(pipeline: Pipeline): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    // A sender gone mid-body makes the request emit 'error'; heard here, it ends only this call.
    req.on("error", () => {});
    try {
      const method = req.method ?? "GET";
      if (method.toUpperCase() !== "POST") throw notPost(method);
      const key = req.headers[webhookDelivery.keyHeader];
      const studio = await pipeline.studioOf(Array.isArray(key) ? key[0] : key);
      let body: Uint8Array | object;
      if (req.body !== undefined && req.body !== null) body = req.body as Uint8Array | object;
      else {
        const length = req.headers["content-length"];
        checkLength(Array.isArray(length) ? length[0] : length, pipeline.maxBodyBytes);
        body = await readNode(req, pipeline.maxBodyBytes);
      }
      send(res, await pipeline.finish(studio, body));
    } catch (error) {
      const answer = pipeline.refuse(error);
      drain(req);
      send(res, answer);
    }
  };
}
