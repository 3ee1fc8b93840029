/**
 * The key and the host from the environment: read only together, and only when the options give
 * neither; a key from one place is never paired with a host from the other. Every refusal names
 * what is missing and never shows the key. (The browser bundle, which never reads the
 * environment, is checked in bundle.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClassBookingError, createClassBookingClient } from "../../src/client/index.js";
import { apiRoot } from "../../generated/operations.js";
import { API_KEY, BOOKING } from "../helpers/client.js";
import { json, startServer, type TestServer } from "../helpers/server.js";

const NAMES = ["CLASS_BOOKING_API_KEY", "CLASS_BOOKING_BASE_URL", "CLASS_BOOKING_TENANT"] as const;
type Env = Partial<Record<(typeof NAMES)[number], string>>;

let saved: Env = {};
let server: TestServer | undefined;
beforeEach(() => {
  saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  for (const name of NAMES) delete process.env[name];
});
afterEach(async () => {
  for (const name of NAMES)
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  await server?.close();
  server = undefined;
});

function setEnv(env: Env): void {
  for (const [name, value] of Object.entries(env)) process.env[name] = value;
}

/** The message of what `make` throws (it must throw a ClassBookingError). */
function refusal(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ClassBookingError);
    return (error as Error).message;
  }
  throw new Error("expected createClassBookingClient to throw");
}

async function bookingServer(): Promise<TestServer> {
  server = await startServer((_req, res) => json(res, 200, BOOKING));
  return server;
}

describe("the key and host from the environment", () => {
  it.each([
    ["no options", undefined],
    ["empty options", {}],
    ["other options only", { maxRetries: 0, timeoutMs: 5000 }],
  ])("%s: CLASS_BOOKING_API_KEY with CLASS_BOOKING_BASE_URL", async (_name, options) => {
    const s = await bookingServer();
    setEnv({ CLASS_BOOKING_API_KEY: API_KEY, CLASS_BOOKING_BASE_URL: s.url });
    const client = createClassBookingClient(options);
    await expect(client.getClassBookingById({ bookingId: 1 })).resolves.toEqual(BOOKING);
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]!.url).toBe(`${apiRoot}/classes/booking/1`);
    expect(s.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it("CLASS_BOOKING_TENANT builds the studio's host", async () => {
    setEnv({ CLASS_BOOKING_API_KEY: API_KEY, CLASS_BOOKING_TENANT: "mystudio" });
    const seen: Array<[string, string | null]> = [];
    const fetch = (async (url: string, init: RequestInit) => {
      seen.push([url, new Headers(init.headers).get("x-api-key")]);
      return Response.json(BOOKING);
    }) as unknown as typeof globalThis.fetch;
    await createClassBookingClient({ fetch }).getClassBookingById({ bookingId: 1 });
    expect(seen).toEqual([[`https://mystudio.open-api.magicline.com${apiRoot}/classes/booking/1`, API_KEY]]);
  });

  it("options with a host and no key are refused, even with a key in the environment", async () => {
    const s = await bookingServer();
    setEnv({ CLASS_BOOKING_API_KEY: API_KEY, CLASS_BOOKING_BASE_URL: s.url });
    for (const options of [{ baseUrl: s.url }, { tenant: "otherstudio" }]) {
      const message = refusal(() => createClassBookingClient(options as never));
      expect(message).toContain('option "apiKey" is required');
      expect(message).toContain("CLASS_BOOKING_API_KEY in the environment is read only when");
      expect(message).not.toContain(API_KEY);
    }
    expect(s.requests).toHaveLength(0);
  });

  it("options with a key and no host are refused, even with a host in the environment", async () => {
    const s = await bookingServer();
    setEnv({ CLASS_BOOKING_API_KEY: "another-studio-key", CLASS_BOOKING_BASE_URL: s.url });
    const message = refusal(() => createClassBookingClient({ apiKey: API_KEY } as never));
    expect(message).toContain('option "baseUrl" is required (or give "tenant")');
    expect(message).toContain("CLASS_BOOKING_BASE_URL in the environment is read only when");
    expect(message).not.toContain(API_KEY);
    expect(s.requests).toHaveLength(0);
  });

  it("options that give both still win over the environment", async () => {
    const s = await bookingServer();
    setEnv({ CLASS_BOOKING_API_KEY: "another-studio-key", CLASS_BOOKING_TENANT: "otherstudio" });
    await createClassBookingClient({ baseUrl: s.url, apiKey: API_KEY }).getClassBookingById({ bookingId: 1 });
    expect(s.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it.each<[string, Env, string]>([
    [
      "nothing set",
      {},
      "createClassBookingClient: give the options apiKey and baseUrl (or tenant), or set CLASS_BOOKING_API_KEY with CLASS_BOOKING_BASE_URL or CLASS_BOOKING_TENANT in the environment",
    ],
    [
      "a key without a host",
      { CLASS_BOOKING_API_KEY: API_KEY },
      "createClassBookingClient: the environment has CLASS_BOOKING_API_KEY but neither CLASS_BOOKING_BASE_URL nor CLASS_BOOKING_TENANT: set one of them (or give the options apiKey with baseUrl or tenant)",
    ],
    [
      "a base URL without a key",
      { CLASS_BOOKING_BASE_URL: "https://mystudio.open-api.magicline.com" },
      "createClassBookingClient: the environment has CLASS_BOOKING_BASE_URL but no CLASS_BOOKING_API_KEY: set it (or give the options apiKey with baseUrl or tenant)",
    ],
    [
      "a tenant without a key (an empty key counts as none)",
      { CLASS_BOOKING_TENANT: "mystudio", CLASS_BOOKING_API_KEY: "" },
      "createClassBookingClient: the environment has CLASS_BOOKING_TENANT but no CLASS_BOOKING_API_KEY: set it (or give the options apiKey with baseUrl or tenant)",
    ],
    [
      "both hosts",
      {
        CLASS_BOOKING_API_KEY: API_KEY,
        CLASS_BOOKING_BASE_URL: "https://mystudio.open-api.magicline.com",
        CLASS_BOOKING_TENANT: "mystudio",
      },
      "createClassBookingClient: the environment has both CLASS_BOOKING_BASE_URL and CLASS_BOOKING_TENANT: set only one",
    ],
    [
      "a key on two lines",
      { CLASS_BOOKING_API_KEY: `${API_KEY}\nX-Other: 1`, CLASS_BOOKING_TENANT: "mystudio" },
      "createClassBookingClient: CLASS_BOOKING_API_KEY (from the environment) must be printable ASCII on one line, with no space around it",
    ],
    [
      "a base URL over http to a remote host",
      { CLASS_BOOKING_API_KEY: API_KEY, CLASS_BOOKING_BASE_URL: "http://mystudio.open-api.magicline.com" },
      "createClassBookingClient: CLASS_BOOKING_BASE_URL (from the environment) must use https (http is for localhost only), got http://mystudio.open-api.magicline.com",
    ],
    [
      "a base URL ending with the API's root",
      {
        CLASS_BOOKING_API_KEY: API_KEY,
        CLASS_BOOKING_BASE_URL: `https://mystudio.open-api.magicline.com${apiRoot}/`,
      },
      `createClassBookingClient: CLASS_BOOKING_BASE_URL (from the environment) must not end with ${apiRoot}, which every operation's path starts with: give https://mystudio.open-api.magicline.com`,
    ],
    [
      "a tenant that is no host name label",
      { CLASS_BOOKING_API_KEY: API_KEY, CLASS_BOOKING_TENANT: "my studio" },
      'createClassBookingClient: CLASS_BOOKING_TENANT (from the environment) must be a host name label such as "mystudio"',
    ],
  ])("%s: refused, naming the variable, never showing the key", (_name, env, expected) => {
    setEnv(env);
    const message = refusal(() => createClassBookingClient());
    expect(message).toBe(expected);
    expect(message).not.toContain(API_KEY);
  });
});
