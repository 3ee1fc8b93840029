import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { apiRoot } from "../../generated/operations.js";
import { ClassBookingError, createClassBookingClient } from "../../src/client/index.js";
import type { ClassBookingClientOptions } from "../../src/client/index.js";

const make = (options: Partial<ClassBookingClientOptions>) => () =>
  createClassBookingClient({
    baseUrl: "https://mystudio.open-api.magicline.com",
    apiKey: "k",
    ...options,
  } as ClassBookingClientOptions);

describe("options are checked at construction, naming the option", () => {
  it.each<[string, Partial<ClassBookingClientOptions>, RegExp]>([
    ["missing apiKey", { apiKey: undefined }, /option "apiKey" is required/],
    ["empty apiKey", { apiKey: "  " }, /option "apiKey"/],
    ["relative baseUrl", { baseUrl: "/v1" }, /option "baseUrl" must be an absolute http\(s\) URL/],
    ["not a URL", { baseUrl: "mystudio" }, /option "baseUrl" must be an absolute http\(s\) URL/],
    [
      "not http(s)",
      { baseUrl: "ftp://mystudio.example" },
      /option "baseUrl" must be an absolute http\(s\) URL/,
    ],
    [
      "http to a remote host",
      { baseUrl: "http://mystudio.open-api.magicline.com" },
      /option "baseUrl" must use https/,
    ],
    ["credentials in baseUrl", { baseUrl: "https://u:p@example.com" }, /option "baseUrl" .* no credentials/],
    [
      "a query in baseUrl",
      { baseUrl: "https://example.com/?a=1" },
      /option "baseUrl" .* no credentials, query or fragment/,
    ],
    ["both baseUrl and tenant", { tenant: "mystudio" }, /"baseUrl" and option "tenant" exclude each other/],
    ["neither baseUrl nor tenant", { baseUrl: undefined }, /option "baseUrl" is required/],
    ["bad tenant", { baseUrl: undefined, tenant: "my studio/x" }, /option "tenant"/],
    ["negative timeoutMs", { timeoutMs: -1 }, /option "timeoutMs" must be an integer from 1 to 2147483647/],
    ["zero timeoutMs", { timeoutMs: 0 }, /option "timeoutMs"/],
    ["fractional timeoutMs", { timeoutMs: 1.5 }, /option "timeoutMs"/],
    ["negative maxRetries", { maxRetries: -1 }, /option "maxRetries" must be an integer from 0 to 10/],
    ["fractional maxRetries", { maxRetries: 0.5 }, /option "maxRetries"/],
    ["NaN maxRetries", { maxRetries: Number.NaN }, /option "maxRetries"/],
  ])("%s", (_name, options, message) => {
    expect(make(options)).toThrow(ClassBookingError);
    expect(make(options)).toThrow(message);
  });

  it.each([
    ["https host", { baseUrl: "https://mystudio.open-api.magicline.com/" }],
    ["http localhost", { baseUrl: "http://localhost:4010" }],
    ["http 127.0.0.1", { baseUrl: "http://127.0.0.1:4010" }],
    ["http ::1", { baseUrl: "http://[::1]:4010" }],
    ["tenant", { baseUrl: undefined, tenant: "mystudio" }],
    ["maxRetries 0", { maxRetries: 0 }],
  ])("accepts %s", (_name, options) => {
    expect(make(options)).not.toThrow();
  });

  it("tenant builds the studio's host", async () => {
    const seen: string[] = [];
    const fetch = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ id: 1, bookable: true }), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const client = createClassBookingClient({ tenant: "mystudio", apiKey: "k", fetch });
    await client.getClassById({ classId: 1 });
    expect(seen).toEqual(["https://mystudio.open-api.magicline.com/v1/classes/1"]);
  });

  it.each<[unknown, string]>([
    [null, "null"],
    ["https://mystudio.open-api.magicline.com", "a string"],
    [[{ baseUrl: "https://mystudio.open-api.magicline.com", apiKey: "k" }], "an array"],
    [new Date(0), "a Date"],
    [new (class StudioOptions {})(), "a StudioOptions"],
  ])("options given as %j are refused: they must be a plain object", (options, kind) => {
    const make = () => createClassBookingClient(options as ClassBookingClientOptions);
    expect(make).toThrow(ClassBookingError);
    expect(make).toThrow(
      `createClassBookingClient: the options must be a plain object such as { baseUrl, apiKey }, got ${kind}`,
    );
  });

  it("options from another realm (a vm context) are plain objects too", () => {
    const options = runInNewContext('({ baseUrl: "https://mystudio.open-api.magicline.com", apiKey: "k" })');
    expect(() => createClassBookingClient(options)).not.toThrow();
  });

  it.each([`${apiRoot}`, `${apiRoot}/`, `/proxy${apiRoot}`, `/proxy${apiRoot}//`])(
    "a baseUrl whose path ends with the API's root (%s) is refused with the URL to give instead",
    (suffix) => {
      const fix = `https://mystudio.open-api.magicline.com${suffix.startsWith("/proxy") ? "/proxy" : ""}`;
      const make = () =>
        createClassBookingClient({
          baseUrl: `https://mystudio.open-api.magicline.com${suffix}`,
          apiKey: "k",
        });
      expect(make).toThrow(ClassBookingError);
      expect(make).toThrow(
        `createClassBookingClient: option "baseUrl" must not end with ${apiRoot}, which every operation's path starts with: give ${fix}`,
      );
    },
  );

  it("a baseUrl with the API's root inside its path, not at its end, is a base like any other", () => {
    expect(() =>
      createClassBookingClient({ baseUrl: `https://proxy.example${apiRoot}/studio`, apiKey: "k" }),
    ).not.toThrow();
    expect(() =>
      createClassBookingClient({ baseUrl: `https://proxy.example/x${apiRoot.slice(1)}`, apiKey: "k" }),
    ).not.toThrow();
  });

  it("a password in baseUrl is not repeated in the message", () => {
    let message = "";
    try {
      make({ baseUrl: "https://user:hunter2@example.com" })();
    } catch (error) {
      message = String((error as Error).message);
    }
    expect(message).toMatch(/option "baseUrl"/);
    expect(message).not.toContain("hunter2");
  });

  it.each<[unknown, string]>([
    [null, "null"],
    ["fast", "a string"],
    [[{ timeoutMs: 1000 }], "an array"],
    [new Date(0), "a Date"],
    [new AbortController().signal, "an AbortSignal"],
    [new (class CallSettings {})(), "a CallSettings"],
  ])("call options given as %j are refused before anything is sent", async (options, kind) => {
    const seen: string[] = [];
    const fetch = (async (url: string) => {
      seen.push(url);
      return new Response("{}", { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const client = make({ fetch })();
    for (const method of [client.getClassById, client.withResponse.getClassById]) {
      const call = method({ classId: 1 }, options as never);
      await expect(call).rejects.toThrow(ClassBookingError);
      await expect(method({ classId: 1 }, options as never)).rejects.toThrow(
        `getClassById: the call options must be a plain object such as { timeoutMs: 5000 }, got ${kind}`,
      );
    }
    expect(seen).toEqual([]);
  });

  it("call options from another realm are plain objects too", async () => {
    const fetch = (async () =>
      Response.json({ id: 1, bookable: true })) as unknown as typeof globalThis.fetch;
    const client = make({ fetch })();
    await expect(
      client.getClassById({ classId: 1 }, runInNewContext("({ maxRetries: 0 })")),
    ).resolves.toEqual({
      id: 1,
      bookable: true,
    });
  });

  it("per-call numbers are checked too", async () => {
    const client = make({})();
    await expect(client.getClassById({ classId: 1 }, { timeoutMs: -5 })).rejects.toThrow(
      /option "timeoutMs"/,
    );
  });
});
