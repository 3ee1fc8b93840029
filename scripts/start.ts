/**
 * npm start: the API on this machine (the stateful sandbox, or Prism with --static) and the docs
 * page, both on the embedded spec.
 *
 *   node --import tsx scripts/start.ts [--mock-port 4010] [--docs-port 4011] [--host 127.0.0.1]
 *                                      [--static | --seed 1 --now <date-time> --clock fixed|real]
 *   (or MOCK_PORT / DOCS_PORT in the environment)
 *
 * Builds the docs first when they are missing or older than the spec or the docs script.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { claimPort, listen, urlOf } from "../src/mock/listen.js";
import { MockServerError, startMockServer, type MockServer } from "../src/mock/index.js";
import { CONTROL_PREFIX } from "../src/core/sandbox/control.js";
import { buildDocs, docsAreStale, docsFile } from "./docs.js";
import { failFor, portInUseMessage, readFlags, readPort, type Fail } from "../src/cli/command.js";
import { exitWithParent } from "../src/cli/lifetime.js";
import { SANDBOX_FLAGS, SANDBOX_USAGE, sandboxFlags } from "../src/cli/sandbox-flags.js";

const USAGE = `Usage: npm start -- [--mock-port 4010] [--docs-port 4011] [--host 127.0.0.1]
                    [--static | --seed 1 --now <date-time> --clock fixed|real]
Serves the stateful sandbox (or, with --static, Prism on the spec's examples) and the docs page.
The sandbox's flags:
${SANDBOX_USAGE}
Environment: MOCK_PORT (or PORT) and DOCS_PORT (default: the mock port + 1); flags win.`;

const fail: Fail = failFor("npm start");

/** Serves the docs page at / (and /index.html); nothing else. */
function serveDocs(host: string, docsPort: number): Promise<Server> {
  const page = readFileSync(docsFile);
  const server = createServer((req, res) => {
    const route = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD")
      return res.writeHead(405, { allow: "GET, HEAD" }).end();
    if (route !== "/" && route !== "/index.html")
      return res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": page.length });
    res.end(req.method === "HEAD" ? undefined : page);
  });
  return listen(server, docsPort, host).then(() => server);
}

async function main(): Promise<void> {
  const values = readFlags(
    {
      "mock-port": { type: "string", default: process.env.MOCK_PORT ?? process.env.PORT ?? "4010" },
      "docs-port": { type: "string", default: process.env.DOCS_PORT },
      host: { type: "string", default: "127.0.0.1" },
      static: { type: "boolean", default: false },
      ...SANDBOX_FLAGS,
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
    fail,
  );
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const host = values.host;
  const mockPort = readPort("--mock-port", values["mock-port"], fail);
  const docsPort =
    values["docs-port"] === undefined
      ? mockPort === 0
        ? 0
        : mockPort + 1
      : readPort("--docs-port", values["docs-port"], fail);
  const sandbox = sandboxFlags(values, (message) => fail(message, 2));
  for (const flag of ["seed", "now", "clock"] as const)
    if (values[flag] !== undefined && values.static)
      fail(`--${flag} is the sandbox's; it does not go with --static`, 2);

  if (docsAreStale()) {
    process.stdout.write("Building the docs (dist/docs/index.html)...\n");
    buildDocs();
  }

  let mock: MockServer | undefined;
  let docs: Server | undefined;
  // Which server a taken port belongs to, and how to choose another for it.
  const API = ["the API", "--mock-port <n> or MOCK_PORT"] as const;
  const DOCS = ["the docs page", "--docs-port <n> or DOCS_PORT"] as const;
  let step: readonly [string, string] = API;
  try {
    // Both ports are checked before Prism's slow start, the API's first: when both are taken
    // (another npm start is running), the API's is the one to name.
    if (mockPort !== 0) await claimPort(mockPort, host);
    step = DOCS;
    const docsPortFree = await claimPort(docsPort, host);
    step = API;
    mock = await startMockServer(
      values.static ? { port: mockPort, host } : { port: mockPort, host, stateful: true, sandbox },
    );
    step = DOCS;
    docs = await serveDocs(host, docsPortFree);
  } catch (error) {
    await mock?.stop();
    const taken = portInUseMessage(error, host, step[1], step[0]);
    if (taken) fail(taken);
    if (error instanceof MockServerError) fail(error.message);
    throw error;
  }
  const docsUrl = `${urlOf(host, (docs.address() as { port: number }).port)}/`;
  const what = values.static ? "Prism on the spec's examples" : "the stateful sandbox; --static for Prism";
  process.stdout.write(`API:  ${mock.url}  (${what})\n`);
  if (mock.sandbox)
    process.stdout.write(
      `Clock: ${mock.sandbox.now().toISOString()} (${values.clock ?? "fixed"}); controls at ${mock.url}${CONTROL_PREFIX}\n`,
    );
  process.stdout.write(`Docs: ${docsUrl}\nPress Ctrl-C to stop both.\n`);
  exitWithParent(async () => {
    docs?.closeAllConnections();
    docs?.close();
    await mock?.stop();
  });
}

await main();
