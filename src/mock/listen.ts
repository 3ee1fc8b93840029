/**
 * Claiming a port for the mock: a server listening on a host and port (0 picks a free one), with
 * one message for a port that is taken, and the URL it is reached at. Prism's port is claimed
 * (and given back) before Prism starts; the sandbox's server listens on it itself.
 */
import { createServer, type Server } from "node:net";
import { MockServerError } from "./error.js";

/**
 * Makes a server listen; resolves with its port, or rejects with a MockServerError when the port
 * is taken (its `portInUse` says which, so a command can name the flag that changes it).
 */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
      reject(
        taken
          ? new MockServerError(`port ${port} on ${host} is already in use`, "", port)
          : new MockServerError(`cannot listen on ${host}:${port}: ${error.message}`),
      );
    });
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}

/** Resolves with a free port (when asked for 0) or the given one, or rejects when it is taken. */
export async function claimPort(port: number, host: string): Promise<number> {
  const probe = createServer();
  const claimed = await listen(probe, port, host);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return claimed;
}

/** The base URL of a server on a host (an IPv6 address in brackets) and port. */
export const urlOf = (host: string, port: number) =>
  `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
