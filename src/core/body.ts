/**
 * A request body read within a size cap, written once for every server in the package (the
 * webhook receiver's fetch and Node adapters, the sandbox behind node:http): the bytes are counted
 * and kept up to the cap, a Content-Length over it refuses the body before a byte is read, and a
 * body that breaks off says so instead of throwing. Only how the bytes arrive differs by platform:
 * a WHATWG stream is read here, an event-emitting Node stream in body-node.ts beside it.
 */

/**
 * What reading a body came to: its bytes, a body over the cap (read to its end or not), or a body
 * that broke off.
 */
export type BodyRead = { bytes: Uint8Array } | { tooLarge: true; ended: boolean } | { broken: true };

/** Whether a declared Content-Length alone says the body is over `max` bytes. */
export function declaredTooLarge(contentLength: string | null | undefined, max: number): boolean {
  return !!contentLength && Number(contentLength) > max;
}

/** The chunks of one body, kept while their size stays within `max` bytes. */
export class CappedChunks {
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly max: number) {}

  /** Adds a chunk; false once the body is over the cap (from then on nothing is kept). */
  add(chunk: Uint8Array): boolean {
    this.size += chunk.byteLength;
    if (this.size > this.max) {
      this.chunks = [];
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  /** The bytes kept, as one array (the chunk itself when there is one). */
  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}

/**
 * Reads a WHATWG body up to `max` bytes; past it (or past a declared length over it), stops and
 * cancels the stream.
 */
export async function readWebBody(
  body: ReadableStream<Uint8Array> | null,
  max: number,
  contentLength?: string | null,
): Promise<BodyRead> {
  if (declaredTooLarge(contentLength, max)) return { tooLarge: true, ended: false };
  if (!body) return { bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const kept = new CappedChunks(max);
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      return { broken: true };
    }
    if (next.done) return { bytes: kept.bytes() };
    if (!kept.add(next.value)) {
      reader.cancel().catch(() => {});
      return { tooLarge: true, ended: false };
    }
  }
}
