/**
 * What the receiver's adapters share, and the fetch-style adapter: a WHATWG Request in and a
 * Response out. Both adapters check the method and the key from the headers before reading any
 * body byte, read the body counting bytes and stop at the size limit, and end a call whose body
 * breaks off with an answer instead of an error. The Node adapter is in node.ts.
 */
import { webhookDelivery } from "../../../generated/contract.js";
import { tooLarge, WebhookError } from "../event.js";

/** What the receiver gives its adapters. */
export interface Pipeline {
  maxBodyBytes: number;
  /** The studio of a key; throws a WebhookError (401) for a missing or unknown key. */
  studioOf(key: string | null | undefined): Promise<unknown>;
  /** Takes a body for a studio, runs the handler, and says what to answer; never rejects. */
  finish(studio: unknown, body: string | Uint8Array | object): Promise<{ status: number; body: object }>;
  /** The answer to a refused call (onError hears why); never throws. */
  refuse(error: unknown): { status: number; body: object };
}

export const notPost = (method: string) => new WebhookError(405, "METHOD_NOT_ALLOWED", `${method.slice(0, 20)} is not allowed; the API posts events`);
export const broken = () => new WebhookError(400, "EVENT_BODY_BROKEN", "the body broke off before its end");

/** Refuses a call whose Content-Length alone says it is too large. */
export function checkLength(declared: string | null | undefined, max: number): void {
  if (declared && Number(declared) > max) throw tooLarge(max);
}

export function concat(chunks: Uint8Array[], size: number): Uint8Array {
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
