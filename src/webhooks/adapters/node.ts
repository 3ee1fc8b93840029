/**
 * The Node adapter of the webhook receiver: node:http's and Express's (req, res). The body is read
 * with listeners within the size limit (core/body-node.ts), so a sender that goes away mid-body
 * ends only its call, and an early answer (401, 413) is written whole while the rest of the body
 * is drained a bounded amount, so the sender reads it. No `node:` import: it only needs the shape
 * of a request and a response.
 */
import { webhookDelivery } from "../../../generated/contract.js";
import { drainNodeBody, readNodeBody, type NodeBodyStream } from "../../core/body-node.js";
import { bytesOrRefusal, notPost, type ReceiverCore } from "./common.js";

/**
 * After an early answer (401, 413), how much more of the body is read and dropped, so that a
 * sender still writing reads the answer instead of a reset, and for how long at most.
 */
const DRAIN = { bytes: 16_777_216, ms: webhookDelivery.timeoutMs };

/** What the Node adapter needs of a request: node:http's IncomingMessage, or Express's. */
export interface NodeRequestLike extends NodeBodyStream {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A body some middleware already read (raw bytes, or parsed JSON). */
  body?: unknown;
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

/**
 * Answers early (before the body was read to its end) so that the sender reads the answer
 * rather than a reset, as web servers do with a lingering close: the whole answer is written at
 * once, the rest of the body is read and dropped, and only then is the response ended (which is
 * when Node closes a connection the sender asked to close). Past DRAIN the connection is cut.
 */
function answerEarly(
  req: NodeRequestLike,
  res: NodeResponseLike,
  answer: { status: number; body: object },
): void {
  const text = JSON.stringify(answer.body);
  if (req.readableEnded || req.destroyed || !res.write) return send(res, answer);
  let ended = false;
  const end = (cut: boolean) => {
    if (ended) return;
    ended = true;
    try {
      res.end("");
    } catch {
      // gone already
    }
    if (cut) req.socket?.destroy();
  };
  // Reading starts before the answer goes, so that Node does not drop the rest unbounded itself.
  void drainNodeBody(req, DRAIN).then((how) => end(how === "cut"));
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
export function nodeAdapter(
  receiver: ReceiverCore,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    // A sender gone mid-body makes the request emit 'error'; heard here, it ends only this call.
    req.on("error", () => {});
    try {
      const method = req.method ?? "GET";
      if (method.toUpperCase() !== "POST") throw notPost(method);
      const key = req.headers[webhookDelivery.keyHeader];
      const studio = await receiver.studioOf(Array.isArray(key) ? key[0] : key);
      const given =
        req.body !== undefined && req.body !== null ? (req.body as string | Uint8Array | object) : undefined;
      const body =
        given ?? bytesOrRefusal(await readNodeBody(req, receiver.maxBodyBytes), receiver.maxBodyBytes);
      send(res, await receiver.answer(studio, body));
    } catch (error) {
      answerEarly(req, res, receiver.refuse(error));
    }
  };
}
