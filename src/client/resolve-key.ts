/**
 * Where the client's key and host come from: the options, or, when the options give neither,
 * the environment (CLASS_BOOKING_API_KEY with CLASS_BOOKING_BASE_URL or CLASS_BOOKING_TENANT).
 * Never one from each: a key from the environment sent to a host from the options (or the other
 * way round) could hand one studio's key to another studio. Part of the resolver (resolve.ts);
 * no message holds the key.
 */
import { apiKeyOf, baseUrlOf, type Complain } from "./resolve-http.js";
import { ENVIRONMENT, type ClassBookingClientOptions } from "./options.js";

type Environment = Readonly<Record<string, string | undefined>>;

/** The environment's variables where there is one: Node, Bun, Deno with --allow-env; never a browser's. */
export function environment(): Environment | undefined {
  try {
    // Looked up on globalThis, never as a free `process`, so that no bundler adds a stand-in for it.
    const env = (globalThis as { process?: { env?: unknown } }).process?.env;
    return env !== null && typeof env == "object" ? (env as Environment) : undefined;
  } catch {
    return undefined;
  }
}

/** One variable of the environment; an empty value counts as not set. */
export function variable(env: Environment | undefined, name: string): string | undefined {
  try {
    return env?.[name] || undefined;
  } catch {
    // Deno without --allow-env throws when a variable is read: none is set, as far as we can tell.
    return undefined;
  }
}

/** Whether the environment lets its variables be read (Deno without --allow-env throws on each). */
function readable(env: Environment): boolean {
  try {
    void env[ENVIRONMENT.apiKey];
    return true;
  } catch {
    return false;
  }
}

const { apiKey: KEY, baseUrl: BASE_URL, tenant: TENANT } = ENVIRONMENT;
const EITHER = `${KEY} with ${BASE_URL} or ${TENANT}`;

/** The base URL and the key, from the options or from the environment; throws through `fail` or `refuse`. */
export function keyAndHost(
  given: ClassBookingClientOptions,
  fail: Complain,
  refuse: (message: string) => never,
): { baseUrl: string; apiKey: string } {
  const env = environment();
  const hostGiven = given.baseUrl !== undefined || given.tenant !== undefined;
  if (hostGiven || given.apiKey !== undefined || env === undefined) {
    // From the options alone. The environment only explains why its half was not taken.
    const notRead = (name: string, what: string) =>
      `; ${name} in the environment is read only when the options give no ${what} either, so that a key never goes to another studio's host`;
    if (hostGiven && given.apiKey === undefined && variable(env, KEY))
      fail("apiKey", `is required: the studio's API key${notRead(KEY, "baseUrl or tenant")}`);
    if (!hostGiven && (variable(env, BASE_URL) || variable(env, TENANT)))
      fail(
        "baseUrl",
        `is required (or give "tenant")${notRead(variable(env, BASE_URL) ? BASE_URL : TENANT, "apiKey")}`,
      );
    return { baseUrl: baseUrlOf(given, fail), apiKey: apiKeyOf(given.apiKey, fail) };
  }
  const apiKey = variable(env, KEY);
  const baseUrl = variable(env, BASE_URL);
  const tenant = variable(env, TENANT);
  if (!apiKey && !baseUrl && !tenant)
    refuse(
      readable(env)
        ? `give the options apiKey and baseUrl (or tenant), or set ${EITHER} in the environment`
        : `give the options apiKey and baseUrl (or tenant): the environment could not be read for ${EITHER} (Deno needs --allow-env)`,
    );
  const orOptions = "(or give the options apiKey with baseUrl or tenant)";
  if (!apiKey)
    refuse(`the environment has ${baseUrl ? BASE_URL : TENANT} but no ${KEY}: set it ${orOptions}`);
  if (!baseUrl && !tenant)
    refuse(`the environment has ${KEY} but neither ${BASE_URL} nor ${TENANT}: set one of them ${orOptions}`);
  if (baseUrl && tenant) refuse(`the environment has both ${BASE_URL} and ${TENANT}: set only one`);
  const complain: Complain = (option, problem) =>
    refuse(`${ENVIRONMENT[option as keyof typeof ENVIRONMENT] ?? option} (from the environment) ${problem}`);
  return { baseUrl: baseUrlOf({ baseUrl, tenant, apiKey }, complain), apiKey: apiKeyOf(apiKey, complain) };
}
