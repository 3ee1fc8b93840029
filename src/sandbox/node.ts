/** The sandbox behind node:http: each IncomingMessage becomes a Request, each Response is written back. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Sandbox } from "./index.js";

/** Requests larger than this are refused with 413 before the sandbox sees them. */
const MAX_BODY = 1024 * 1024;

/** Answers one node:http request from the sandbox. */
export async function answerFromSandbox(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) {
      res.writeHead(413, { "content-type": "application/json", connection: "close" }).end(JSON.stringify({ errorMessage: "The request body is too large." }));
      return;
    }
    chunks.push(chunk);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const method = req.method ?? "GET";
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" || !chunks.length ? undefined : Buffer.concat(chunks),
  });
  const response = await sandbox.handle(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A node:http server that answers every request from the sandbox (not yet listening). */
export function sandboxServer(sandbox: Sandbox): Server {
  return createServer((req, res) => {
    answerFromSandbox(sandbox, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errorMessage: `The sandbox server failed: ${(error as Error)?.message ?? error}` }));
    });
  });
}
