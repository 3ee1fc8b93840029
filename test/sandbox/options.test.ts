/** Every option of createSandbox is checked when the sandbox is made; a wrong one throws a ClassBookingError naming it. */
import { describe, expect, it } from "vitest";
import { ClassBookingError } from "../../src/client/index.js";
import { MockServerError, startMockServer } from "../../src/mock/index.js";
import { createSandbox, type SandboxOptions } from "../../src/sandbox/index.js";

const make = (options: unknown) => () => createSandbox(options as SandboxOptions);

describe("createSandbox refuses what it cannot use", () => {
  it.each<[string, unknown, string | RegExp]>([
    [
      "an unknown name, listing the known ones",
      { seeds: 2 },
      'createSandbox: unknown option "seeds"; the options are: seed, fixtures, now, clock, timeZone, zoneIds, keys, strictKeys, rateLimit, checkAnswers, maxStudios, webhooks',
    ],
    ["options that are not an object", "fast", 'createSandbox: the options must be an object, got "fast"'],
    [
      "a seed that is text",
      { seed: "abc" },
      'createSandbox: option "seed" must be an integer from -9007199254740991 to 9007199254740991, got "abc"',
    ],
    ["a seed with a fraction", { seed: 1.5 }, 'createSandbox: option "seed" must be an integer'],
    [
      "a time zone Intl does not know",
      { timeZone: "Europe/Berlinn" },
      'createSandbox: option "timeZone" must be an IANA time zone this runtime knows, such as "Europe/Berlin", got "Europe/Berlinn"',
    ],
    [
      "a time zone that is not text",
      { timeZone: 1 },
      'createSandbox: option "timeZone" must be an IANA time zone',
    ],
    [
      "a start time in words",
      { now: "next tuesday" },
      /^createSandbox: option "now" must be a Date, an ISO 8601 date-time with an offset/,
    ],
    [
      "a start time before 1970-01-02",
      { now: 0 },
      /^createSandbox: option "now" must be from 1970-01-02T00:00:00\.000Z/,
    ],
    [
      "a clock function that gives no time",
      { now: () => Number.NaN },
      /^createSandbox: option "now" is a function whose time must be/,
    ],
    [
      "a clock of another kind",
      { clock: "slow" },
      'createSandbox: option "clock" must be "fixed" or "real", got "slow"',
    ],
    [
      "a fixed clock with a function",
      { now: Date.now, clock: "fixed" },
      'createSandbox: option "clock" "fixed" does not go with a function as "now" (the clock follows the function)',
    ],
    [
      "a negative rate limit",
      { rateLimit: { limit: -1 } },
      'createSandbox: option "rateLimit.limit" must be an integer from 1 to 9007199254740991, got -1',
    ],
    [
      "a rate limit without a limit",
      { rateLimit: { windowMs: 1000 } },
      'createSandbox: option "rateLimit.limit" is required',
    ],
    [
      "a rate limit with an unknown setting",
      { rateLimit: { limit: 1, burst: 2 } },
      'createSandbox: option "rateLimit" has an unknown setting "burst"; the settings are: limit, windowMs, lockoutMs',
    ],
    [
      "a window of text",
      { rateLimit: { limit: 1, windowMs: "1m" } },
      'createSandbox: option "rateLimit.windowMs" must be an integer from 1',
    ],
    [
      "a rate limit of true",
      { rateLimit: true },
      'createSandbox: option "rateLimit" must be false or an object',
    ],
    [
      "a flag that is text",
      { zoneIds: "yes" },
      'createSandbox: option "zoneIds" must be true or false, got "yes"',
    ],
    [
      "strictKeys as a number",
      { strictKeys: 1 },
      'createSandbox: option "strictKeys" must be true or false, got 1',
    ],
    [
      "checkAnswers as text",
      { checkAnswers: "no" },
      'createSandbox: option "checkAnswers" must be true or false',
    ],
    [
      "an unknown scope",
      { keys: { "sk_secret-1": { scopes: ["ADMIN"] } } },
      'createSandbox: option "keys" has scopes that are not a list of CLASSES_READ and CLASSES_WRITE',
    ],
    [
      "a key setting it does not know",
      { keys: { "sk_secret-1": { role: "admin" } } },
      'createSandbox: option "keys" has an unknown setting "role" for a key; the settings are: scopes',
    ],
    ["no studios at all", { maxStudios: 0 }, 'createSandbox: option "maxStudios" must be an integer from 1'],
    [
      "webhooks that are not a list",
      { webhooks: { url: "http://x" } },
      'createSandbox: option "webhooks" must be an array of { url, key }',
    ],
    [
      "a webhook URL that is not http(s)",
      { webhooks: [{ url: "ftp://x/hook", key: "whk" }] },
      'createSandbox: option "webhooks[0].url" must be an http(s) URL',
    ],
    [
      "a webhook without its key",
      { webhooks: [{ url: "http://127.0.0.1:1/hook", key: "" }] },
      'createSandbox: option "webhooks[0].key" must be the webhook key, a non-empty string',
    ],
    [
      "fixtures with a part it does not know",
      { fixtures: { rooms: [] } },
      'createSandbox: option "fixtures" has an unknown part "rooms"; the parts are: classes, slots, customers, bookings, closedDays, anyCustomer, nextBookingId',
    ],
    [
      "fixtures whose slots are not a list",
      { fixtures: { slots: {} } },
      'createSandbox: option "fixtures.slots" must be an array, got an object',
    ],
    [
      "a fixture slot with a date-time that is not one",
      { fixtures: { slots: [{ id: 1, classId: 1, additionalParticipants: 0, startDateTime: "soon" }] } },
      'createSandbox: option "fixtures.slots[0].startDateTime" must be a string in date-time form',
    ],
  ])("%s", (_name, options, message) => {
    expect(make(options)).toThrow(ClassBookingError);
    expect(make(options)).toThrow(message);
  });

  it("a key is never part of a message", () => {
    const error = (() => {
      try {
        createSandbox({ keys: { sk_live_TOPSECRET: { scopes: ["ROOT" as "CLASSES_READ"] } } });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("TOPSECRET");
  });

  it("what it accepts works: another time zone writes its own offsets", async () => {
    const sandbox = createSandbox({
      timeZone: "America/New_York",
      now: "2026-11-20T12:00:00Z",
      seed: -3,
      maxStudios: 1,
      rateLimit: { limit: 5, windowMs: 1000, lockoutMs: 0 },
    });
    const answer = (await (
      await sandbox.fetch("http://localhost/v1/classes/slots?daysAhead=6", { headers: { "x-api-key": "k" } })
    ).json()) as { result: Array<{ startDateTime: string }> };
    expect(answer.result.length).toBeGreaterThan(0);
    for (const slot of answer.result) expect(slot.startDateTime).toMatch(/-05:00$/);
  });

  it("startMockServer passes the sandbox's checks on, and refuses sandbox options without stateful", async () => {
    await expect(startMockServer({ stateful: true, sandbox: { timeZone: "Mars/Olympus" } })).rejects.toThrow(
      'createSandbox: option "timeZone"',
    );
    await expect(startMockServer({ sandbox: { seed: 2 } })).rejects.toThrow(MockServerError);
  });
});
