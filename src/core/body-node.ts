/**
 * The Node side of core/body.ts: a body read from an event-emitting stream (node:http's request,
 * Express's) with listeners, so that a sender who goes away mid-body ends only its own request;
 * and the drain that reads and drops the rest of a body, within bounds, so that a sender still
 * writing receives an early answer instead of a reset (web servers call it a lingering close).
 * Only the shape of a stream is used: no `node:` import, so the core still runs in browsers.
 */
import { CappedChunks, declaredTooLarge, type BodyRead } from "./body.js";

/** What is read of a Node request: node:http's IncomingMessage, or Express's. */
export interface NodeBodyStream {
  headers?: Record<string, string | string[] | undefined>;
  on(event: string, listener: (...args: any[]) => void): unknown;
  removeListener(event: string, listener: (...args: any[]) => void): unknown;
  resume(): unknown;
  /** Whether the whole body was read. */
  readableEnded?: boolean;
  /** Whether the request was torn down (the sender went away). */
  destroyed?: boolean;
}

/** How much of a body's rest a drain reads and drops at most, and for how long. */
export interface DrainBounds {
  bytes: number;
  ms: number;
}

/** How a drain ended: the body's end came, the sender went away, or the bounds were passed. */
export type Drained = "ended" | "closed" | "cut";

const byteLength = (chunk: Uint8Array | string) =>
  typeof chunk === "string" ? new TextEncoder().encode(chunk).byteLength : chunk.byteLength;

/** Listens to a stream's body events; answers the function that stops listening. */
function listen(
  stream: NodeBodyStream,
  handlers: { data(chunk: Uint8Array | string): void; end(): void; gone(): void },
): () => void {
  stream.on("data", handlers.data);
  stream.on("end", handlers.end);
  stream.on("close", handlers.gone);
  stream.on("error", handlers.gone);
  return () => {
    stream.removeListener("data", handlers.data);
    stream.removeListener("end", handlers.end);
    stream.removeListener("close", handlers.gone);
    stream.removeListener("error", handlers.gone);
  };
}

/** Reads and drops the rest of a body until it ends, the sender goes away, or `bounds` are passed. */
export function drainNodeBody(stream: NodeBodyStream, bounds: DrainBounds): Promise<Drained> {
  if (stream.readableEnded) return Promise.resolve("ended");
  if (stream.destroyed) return Promise.resolve("closed");
  return new Promise((resolve) => {
    let drained = 0;
    const finish = (how: Drained) => {
      clearTimeout(timer);
      stop();
      resolve(how);
    };
    const timer = setTimeout(() => finish("cut"), bounds.ms);
    (timer as { unref?: () => void }).unref?.();
    const stop = listen(stream, {
      data: (chunk) => {
        drained += byteLength(chunk);
        if (drained > bounds.bytes) finish("cut");
      },
      end: () => finish("ended"),
      gone: () => finish("closed"),
    });
    stream.resume();
  });
}

/**
 * Reads a body up to `max` bytes. A body over the cap is refused at once, or, with `drain`, only
 * once its rest was read and dropped within those bounds (`ended` says whether its end came). A
 * stream that was read already or torn down, or that breaks off, is a broken body.
 */
export function readNodeBody(stream: NodeBodyStream, max: number, drain?: DrainBounds): Promise<BodyRead> {
  const declared = stream.headers?.["content-length"];
  const over = (): Promise<BodyRead> =>
    drain
      ? drainNodeBody(stream, drain).then((how) =>
          how === "closed" ? { broken: true } : { tooLarge: true, ended: how === "ended" },
        )
      : Promise.resolve({ tooLarge: true, ended: false });
  if (declaredTooLarge(Array.isArray(declared) ? declared[0] : declared, max)) return over();
  if (stream.destroyed || stream.readableEnded) return Promise.resolve({ broken: true });
  return new Promise((resolve) => {
    const kept = new CappedChunks(max);
    const stop = listen(stream, {
      data: (chunk) => {
        if (kept.add(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk)) return;
        stop();
        resolve(over());
      },
      end: () => {
        stop();
        resolve({ bytes: kept.bytes() });
      },
      gone: () => {
        stop();
        resolve({ broken: true });
      },
    });
  });
}
