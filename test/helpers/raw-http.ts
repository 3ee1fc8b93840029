/** Raw HTTP/1.1 over a net socket, for what fetch cannot send: bad request lines, odd targets, TRACE, CONNECT, hang-ups. */
import { connect } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What came back: an answer, or how the connection ended without one. */
export type RawResult = { answer: RawAnswer } | { closed: string };

/** Parses the first complete HTTP/1.1 answer (with a content-length) in `data`, or undefined. */
export function parseAnswer(data: Buffer): RawAnswer | undefined {
  const end = data.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine, ...lines] = data.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "")?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? 0);
  if (data.length < end + 4 + length) return undefined;
  return { status, headers, body: data.subarray(end + 4, end + 4 + length).toString("utf8") };
}

export interface RawOptions {
  /** Close our side (or destroy the socket, with "destroy") right after sending, without waiting. */
  hangUp?: "end" | "destroy";
  /** Give up after this long (the result is then `closed: "timeout"`). */
  timeoutMs?: number;
}

/** Sends `parts` (written one after the other) and resolves with the first answer, or how the connection ended. */
export function rawRequest(
  port: number,
  parts: Array<string | Buffer>,
  options: RawOptions = {},
): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (result: RawResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ closed: "timeout" }), options.timeoutMs ?? 10_000);
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const answer = parseAnswer(data);
      if (answer) finish({ answer });
    });
    socket.on("error", (error: NodeJS.ErrnoException) => finish({ closed: error.code ?? "error" }));
    socket.on("close", () =>
      finish(parseAnswer(data) ? { answer: parseAnswer(data)! } : { closed: "closed" }),
    );
    socket.on("connect", async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        await new Promise<void>((done) => socket.write(part, () => done()));
      }
      if (options.hangUp === "destroy") finish({ closed: "hung up" });
      else if (options.hangUp === "end") socket.end();
    });
  });
}
