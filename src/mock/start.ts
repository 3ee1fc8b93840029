/**
 * startMockServer(): a local mock API. By default Prism serves this package's openapi.yaml
 * (stateless, the spec's examples; prism.ts); with `stateful: true` the sandbox answers instead
 * (it books, holds state and checks its answers; sandbox-server.ts). Node only; exported from
 * `class-booking-api/mock`.
 */
import type { SandboxOptions } from "../core/sandbox/options.js";
import { createSandbox, type Sandbox } from "../core/sandbox/sandbox.js";
import { MockServerError } from "./error.js";
import { listen, urlOf } from "./listen.js";
import { startPrism } from "./prism.js";
import { sandboxServer } from "./sandbox-server.js";

export interface MockServerOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Answer with data generated from the schemas instead of the spec's examples. @default false */
  dynamic?: boolean;
  /** Answer requests that break the spec with an error instead of only flagging them. @default false */
  errors?: boolean;
  /** How long Prism may take to start before the promise rejects, in ms. @default 30000 */
  startTimeoutMs?: number;
  /** Serve the stateful sandbox instead of Prism (no Prism needed). @default false */
  stateful?: boolean;
  /**
   * Options of the sandbox, with `stateful`: seed, now and clock, fixtures, rateLimit, ... (see
   * createSandbox).
   * @default {}
   */
  sandbox?: SandboxOptions;
}

export interface MockServer {
  /** The base URL to give the client, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Stops the server (and Prism); resolves once everything has exited. */
  stop(): Promise<void>;
  /** The sandbox behind the server, with `stateful`: its clock, reset, snapshots, studios. */
  sandbox?: Sandbox;
}

/** The sandbox behind node:http. */
async function startSandboxServer(
  host: string,
  port: number,
  options: SandboxOptions | undefined,
): Promise<MockServer & { sandbox: Sandbox }> {
  const sandbox = createSandbox(options);
  const server = sandboxServer(sandbox);
  const actual = await listen(server, port, host);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }));
  return { url: urlOf(host, actual), stop, sandbox };
}

export function startMockServer(
  options: MockServerOptions & { stateful: true },
): Promise<MockServer & { sandbox: Sandbox }>;
export function startMockServer(options?: MockServerOptions): Promise<MockServer>;
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { host = "127.0.0.1", dynamic = false, errors = false, startTimeoutMs = 30_000 } = options;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockServerError(`port must be an integer from 0 to 65535, got ${port}`);
  }
  if (!options.stateful && options.sandbox !== undefined)
    throw new MockServerError("the option sandbox goes with stateful: true (Prism has no sandbox)");
  try {
    return await (options.stateful
      ? startSandboxServer(host, port, options.sandbox)
      : startPrism({ host, port, dynamic, errors, startTimeoutMs }));
  } catch (error) {
    // A taken port: say how to choose another. The commands (class-booking-mock, npm start) name their own flag instead.
    if (error instanceof MockServerError && error.portInUse !== undefined)
      throw new MockServerError(
        `${error.message}; pass another port (0 picks a free one)`,
        error.output,
        error.portInUse,
      );
    throw error;
  }
}
