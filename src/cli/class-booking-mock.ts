#!/usr/bin/env node
/**
 * class-booking-mock: the class-booking API on this machine, as Prism on the spec's examples or as
 * the stateful sandbox.
 */
import { ClassBookingError } from "../core/errors.js";
import { MockServerError, startMockServer } from "../mock/index.js";
import { CONTROL_PREFIX } from "../core/sandbox/control.js";
import { failFor, portInUseMessage, readFlags, readPort, type Fail } from "./command.js";
import { exitWithParent } from "./lifetime.js";
import { SANDBOX_FLAGS, SANDBOX_USAGE, sandboxFlags } from "./sandbox-flags.js";

const USAGE = `Usage: class-booking-mock [--port 4010] [--host 127.0.0.1] [--dynamic] [--errors]
                          [--stateful [--seed 1] [--now <date-time>] [--clock fixed|real]
                                      [--webhook URL --webhook-key KEY]...]

Serves the class-booking API on this machine.

Options:
  --port <n>            port to listen on (default 4010; 0 picks a free one)
  --host <h>            interface to bind (default 127.0.0.1)
  --dynamic             Prism: answer with data generated from the schemas instead of the examples
  --errors              Prism: answer with an error when an answer would break the spec
  --stateful            serve the sandbox instead of Prism: it books, holds state, checks its answers
${SANDBOX_USAGE}
  --webhook <url>       the sandbox posts its events there (repeatable), as the API does
  --webhook-key <key>   the webhook key sent with the events to the --webhook in the same place
  -h, --help            show this help`;

const fail: Fail = failFor("class-booking-mock");

async function main(): Promise<void> {
  const values = readFlags(
    {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      dynamic: { type: "boolean", default: false },
      errors: { type: "boolean", default: false },
      stateful: { type: "boolean", default: false },
      ...SANDBOX_FLAGS,
      webhook: { type: "string", multiple: true, default: [] },
      "webhook-key": { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
    fail,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = readPort("--port", values.port, fail);
  for (const flag of ["seed", "now", "clock"] as const)
    if (values[flag] !== undefined && !values.stateful) fail(`--${flag} goes with --stateful`, 2);
  if (values.stateful && (values.dynamic || values.errors))
    fail("--dynamic and --errors are Prism's; they do not go with --stateful", 2);
  const urls = values.webhook;
  const keys = values["webhook-key"];
  if ((urls.length || keys.length) && !values.stateful) fail("--webhook goes with --stateful", 2);
  if (urls.length !== keys.length) fail("give one --webhook-key for each --webhook, in the same order", 2);
  for (const url of urls)
    if (!/^https?:\/\//.test(url)) fail(`--webhook must be an http(s) URL, got "${url}"`, 2);
  const webhooks = urls.map((url, i) => ({ url, key: keys[i]! }));
  const sandbox = sandboxFlags(values, (message) => fail(message, 2));

  let server;
  try {
    server = await startMockServer({
      port,
      host: values.host,
      dynamic: values.dynamic,
      errors: values.errors,
      ...(values.stateful && { stateful: true, sandbox: { ...sandbox, webhooks } }),
    });
  } catch (error) {
    const taken = portInUseMessage(error, values.host, "--port <n>");
    if (taken) fail(taken);
    if (error instanceof MockServerError || error instanceof ClassBookingError) fail(error.message);
    throw error;
  }
  const what = values.stateful ? "Sandbox (stateful)" : "Mock";
  process.stdout.write(`${what} class-booking API listening on ${server.url}\n`);
  if (server.sandbox)
    process.stdout.write(
      `Clock: ${server.sandbox.now().toISOString()} (${values.clock ?? "fixed"}); controls at ${server.url}${CONTROL_PREFIX}\n`,
    );
  process.stdout.write("Press Ctrl-C to stop.\n");
  exitWithParent(() => server.stop());
}

await main();
