/**
 * The sandbox behind node:http. Each request goes to the sandbox with its method and request
 * target as sent (never the Host header); each answer is written back. What node's parser refuses
 * (a broken request line, headers over 16 KB) and CONNECT get an ErrorResponse on the raw socket
 * while it can still be written. A body over the cap is read to its end (up to a bound) and then
 * refused with 413, so that the client, still sending, receives the answer instead of a reset.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { readNodeBody } from "../core/body-node.js";
import { jsonAnswer, REASONS, type Answer, type Incoming } from "../core/sandbox/answer.js";
import type { Sandbox } from "../core/sandbox/sandbox.js";

/** Requests with a larger body are refused with 413. */
const MAX_BODY = 1024 * 1024;
/**
 * The rest of a body over the cap is read and dropped before the 413 goes out (a sender that
 * reads only once it has sent would otherwise see a reset, not the answer), up to this many more
 * bytes or this long; then the 413 goes out and the connection is closed.
 */
const DRAIN = { bytes: 64 * MAX_BODY, ms: 5_000 };
/** How long a socket taken off node's parser stays open for its peer to read the answer. */
const LINGER_MS = 2_000;

const errorBody = (status: number, errorMessage: string, errorCode: string): Answer =>
  jsonAnswer(status, { errorMessage, errorCode });

/**
 * Writes an answer as raw HTTP/1.1 on a socket node no longer parses, then closes it once the peer
 * had time to read.
 */
function writeRaw(socket: Duplex, answer: Answer, sockets: Set<Duplex> | undefined): void {
  const body = answer.body ?? "";
  const head = [
    `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ""}`,
    ...Object.entries(answer.headers).map(([n, v]) => `${n}: ${v}`),
    `content-length: ${Buffer.byteLength(body)}`,
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  linger(socket, sockets);
}

/** Sockets whose parser error was answered already. */
const answered = new WeakSet<Duplex>();

/** Sockets taken off node's parser and closing (their peer may still be reading the answer). */
const closing = new WeakMap<Server, Set<Duplex>>();

/**
 * Keeps reading (and dropping) what the peer still sends for a while, so that closing does not
 * reset the connection before it read the answer.
 */
function linger(socket: Duplex, sockets: Set<Duplex> | undefined): void {
  socket.on("error", () => {});
  socket.resume();
  sockets?.add(socket);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref?.();
  socket.once("close", () => {
    clearTimeout(timer);
    sockets?.delete(socket);
  });
}

/** Answers one node:http request from the sandbox. */
async function answerFromSandbox(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  // Every body is read, a GET's too: one left unread would reset a connection that closes after the answer.
  const body = await readNodeBody(req, MAX_BODY, DRAIN);
  if ("broken" in body) return;
  let answer: Answer;
  if ("tooLarge" in body) {
    answer = errorBody(413, `The request body is larger than ${MAX_BODY} bytes.`, "REQUEST_TOO_LARGE");
    // A body that goes on past DRAIN is not read to its end: the connection closes after the answer.
    if (!body.ended) answer.headers.connection = "close";
  } else if (req.httpVersion === "1.1" && req.headers.host === undefined) {
    answer = errorBody(400, "The request has no Host header, which HTTP/1.1 requires.", "BAD_REQUEST");
  } else {
    const incoming: Incoming = {
      method,
      target: req.url ?? "/",
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(", ") : value;
      },
      text: async () =>
        Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString("utf8"),
    };
    answer = await sandbox.respond(incoming);
  }
  const text = method === "HEAD" ? undefined : answer.body;
  res.writeHead(answer.status, REASONS[answer.status], {
    ...answer.headers,
    ...(text !== undefined && { "content-length": Buffer.byteLength(text) }),
  });
  res.end(text);
}

/** Where node lets us answer a request its parser refused: an ErrorResponse with a fitting status. */
function onClientError(this: Server, error: NodeJS.ErrnoException, socket: Duplex): void {
  // Node's parser reports its error again for each chunk that still arrives: the first one is answered.
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const [status, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "The request's headers are larger than the server accepts (16 KB)."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "The request did not arrive in time."]
        : [400, `The request is not valid HTTP/1.1 (${error.code ?? "unreadable"}).`];
  writeRaw(
    socket,
    errorBody(
      status,
      message,
      status === 400 ? "BAD_REQUEST" : status === 431 ? "HEADERS_TOO_LARGE" : "REQUEST_TIMEOUT",
    ),
    closing.get(this),
  );
}

/**
 * A node:http server that answers every request from the sandbox (not yet listening); its
 * closeAllConnections also closes the sockets it took off node's parser.
 */
export function sandboxServer(sandbox: Sandbox): Server {
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    answerFromSandbox(sandbox, req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return void res.destroy();
      const answer = errorBody(
        500,
        `The sandbox server failed: ${(error as Error)?.message ?? error}`,
        "SANDBOX_FAILED",
      );
      res.writeHead(500, answer.headers).end(answer.body);
    });
  });
  const sockets = new Set<Duplex>();
  closing.set(server, sockets);
  const closeAll = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    closeAll();
    for (const socket of sockets) socket.destroy();
  };
  server.on("clientError", onClientError);
  // CONNECT: the sandbox is no proxy; it answers as for any other method it does not have.
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    const incoming: Incoming = {
      method: "CONNECT",
      target: req.url ?? "",
      header: (name) => [req.headers[name]].flat().join(", ") || undefined,
      text: async () => "",
    };
    void sandbox
      .respond(incoming)
      .then((answer) => (socket.writable ? writeRaw(socket, answer, sockets) : socket.destroy()));
  });
  return server;
}
