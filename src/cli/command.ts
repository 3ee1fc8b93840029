/**
 * What the long-running commands (class-booking-mock, npm start) share besides the sandbox's
 * flags: how they fail (one line on stderr that names the command, then an exit code), and how
 * they read their flags and a port flag, and what they say when a port is taken.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { MockServerError } from "../mock/index.js";

type FlagOptions = NonNullable<ParseArgsConfig["options"]>;

/** Fails a command: `message` on stderr after the command's name, then exit with `code` (2: a wrong flag). */
export type Fail = (message: string, code?: number) => never;

/** The fail of a command named `command` ("class-booking-mock", "npm start"). */
export function failFor(command: string): Fail {
  return (message, code = 1) => {
    process.stderr.write(`${command}: ${message}\n`);
    process.exit(code);
  };
}

/** The values of a command's flags, typed by their options. */
type FlagValues<Options extends FlagOptions> = ReturnType<
  typeof parseArgs<{ options: Options; strict: true; allowPositionals: false }>
>["values"];

/**
 * Reads a command's flags (no positional arguments); an unknown or malformed one fails with code 2
 * and the usage.
 */
export function readFlags<const Options extends FlagOptions>(
  options: Options,
  usage: string,
  fail: Fail,
): FlagValues<Options> {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`, 2);
  }
}

/** Reads a port flag (0 to 65535); a wrong one fails with code 2. */
export function readPort(flag: string, value: string, fail: Fail): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    fail(`${flag} must be a port number from 0 to 65535, got "${value}"`, 2);
  return port;
}

/**
 * The line for a port that is already in use, naming the port and how to choose another
 * (`change`: the flag, and the environment variable where there is one); undefined when `error`
 * is not about a taken port. `what` names the server when a command runs more than one.
 */
export function portInUseMessage(
  error: unknown,
  host: string,
  change: string,
  what = "",
): string | undefined {
  if (!(error instanceof MockServerError) || error.portInUse === undefined) return undefined;
  return `${what ? `${what}'s ` : ""}port ${error.portInUse} on ${host} is already in use; choose another with ${change} (0 picks a free one)`;
}
