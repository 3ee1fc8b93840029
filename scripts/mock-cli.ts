#!/usr/bin/env node
/** class-booking-mock: serves the packaged openapi.yaml as a local mock API with Prism. */
import { parseArgs } from "node:util";
import { MockServerError, startMockServer } from "../src/mock.js";

const USAGE = `Usage: class-booking-mock [--port 4010] [--host 127.0.0.1] [--dynamic] [--errors]

Serves the class-booking API spec as a local mock API (Prism), answering with the spec's examples.

Options:
  --port <n>   port to listen on (default 4010; 0 picks a free one)
  --host <h>   interface to bind (default 127.0.0.1)
  --dynamic    answer with data generated from the schemas instead of the examples
  --errors     answer requests that break the spec with an error instead of only flagging them
  -h, --help   show this help`;

function fail(message: string, code = 1): never {
  process.stderr.write(`class-booking-mock: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        dynamic: { type: "boolean", default: false },
        errors: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port must be a number from 0 to 65535, got "${values.port}"`, 2);

  let server;
  try {
    server = await startMockServer({ port, host: values.host, dynamic: values.dynamic, errors: values.errors });
  } catch (error) {
    if (error instanceof MockServerError) fail(error.message);
    throw error;
  }
  process.stdout.write(`Mock class-booking API listening on ${server.url}\nPress Ctrl-C to stop.\n`);
  const shutdown = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

await main();
