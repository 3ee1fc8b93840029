/**
 * The Node adapter: node:http's and Express's (req, res). The body is read with listeners (so a
 * sender that goes away mid-body ends only its call), and an early answer (401, 413) is written
 * whole while the rest of the body is drained a bounded amount, so the sender reads it. No
 * `node:` import: it only needs the shape of a request and a response.
 */
import { webhookDelivery } from "../../../generated/contract.js";
import { broken, checkLength, concat, notPost, type Pipeline } from "./fetch.js";
import { tooLarge } from "../event.js";

/**
 * After an early answer (401, 413), how much more of the body is read and dropped, so that a
 * sender still writing reads the answer instead of a reset (web servers call it a lingering close).
 */
const DRAIN_BYTES = 16_777_216;
/** And for how long at most, in ms. */
const DRAIN_MS = webhookDelivery.timeoutMs;

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
  /** Writes part of the body; with it, an early answer goes out before the request's body is drained. */
  write?(chunk: string): unknown;
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
 * Answers early (before the body was read to its end) so that the sender reads the answer
 * rather than a reset, as web servers do with a lingering close: the whole answer is written at
 * once, the rest of the body is read and dropped, and only then is the response ended (which is
 * when Node closes a connection the sender asked to close). Past DRAIN_BYTES or DRAIN_MS the
 * connection is cut.
 */
function answerEarly(req: NodeRequestLike, res: NodeResponseLike, answer: { status: number; body: object }): void {
  const text = JSON.stringify(answer.body);
  if (req.readableEnded || req.destroyed || !res.write) return send(res, answer);
  let drained = 0;
  let ended = false;
  const end = (cut: boolean) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    try {
      res.end("");
    } catch {
      // gone already
    }
    if (cut) req.socket?.destroy();
  };
  const timer = setTimeout(() => end(true), DRAIN_MS);
  (timer as { unref?: () => void }).unref?.();
  req.on("data", (chunk: { byteLength?: number; length: number }) => {
    drained += chunk.byteLength ?? chunk.length;
    if (drained > DRAIN_BYTES) end(true);
  });
  req.on("end", () => end(false));
  req.on("close", () => end(false));
  // Reading starts before the answer goes, so that Node does not drop the rest unbounded itself.
  req.resume();
  try {
    res.statusCode = answer.status;
    res.setHeader("content-type", "application/json");
    res.setHeader("content-length", String(new TextEncoder().encode(text).byteLength));
    res.write(text);
  } catch {
    end(true);
  }
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
      let body: string | Uint8Array | object;
      if (req.body !== undefined && req.body !== null) body = req.body as string | Uint8Array | object;
      else {
        const length = req.headers["content-length"];
        checkLength(Array.isArray(length) ? length[0] : length, pipeline.maxBodyBytes);
        body = await readNode(req, pipeline.maxBodyBytes);
      }
      send(res, await pipeline.finish(studio, body));
    } catch (error) {
      answerEarly(req, res, pipeline.refuse(error));
    }
  };
}
