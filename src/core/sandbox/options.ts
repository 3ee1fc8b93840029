/**
 * The sandbox's options and their checks: every option is checked when the sandbox is made, and
 * a wrong one throws a ClassBookingError that names it, as the client's options do.
 */
import { scopes } from "../../../generated/contract.js";
import { ClassBookingError } from "../errors.js";
import { show } from "../rules.js";
import { isObject } from "../schema.js";
import { readTime, type ClockMode } from "./clock.js";
import type { WebhookTarget } from "./deliveries.js";
import type { SandboxFixtures } from "./state.js";
import { fixturesProblem } from "./snapshot.js";
import { isTimeZone } from "./time.js";

/** A scope an API key may have: one that an operation of the spec needs. */
export type Scope = (typeof scopes)[keyof typeof scopes];
/** Every scope, in the order the spec's operations first need them. */
export const ALL_SCOPES: readonly Scope[] = [...new Set(Object.values(scopes))];

export interface SandboxOptions {
  /** Makes the seeded studios; the same seed gives the same classes and slots. @default 1 */
  seed?: number;
  /** A studio of your own instead of the seeded one, for every key. @default undefined (seeded) */
  fixtures?: SandboxFixtures;
  /**
   * Where the sandbox clock starts: a Date, an ISO 8601 date-time with an offset, or ms since 1970;
   * or a function such as `Date.now` that the clock follows.
   * @default one day after the booking window of the spec's example slots opens
   */
  now?: number | string | Date | (() => number);
  /**
   * "fixed": the clock stands still until setNow or advance; "real": it runs from `now` as real
   * time passes.
   * @default "fixed" ("real" when `now` is a function)
   */
  clock?: ClockMode;
  /**
   * The studio's time zone (an IANA name Intl knows); date-times carry its offset.
   * @default "Europe/Berlin"
   */
  timeZone?: string;
  /** Append `[time zone]` to every date-time, as some API versions do. @default false */
  zoneIds?: boolean;
  /**
   * Scopes of particular keys; any other non-empty key has every scope (or, with strictKeys, none).
   * @default {}
   */
  keys?: Record<string, { scopes?: Scope[] }>;
  /** Only the keys in `keys` are valid; any other answers 401. @default false */
  strictKeys?: boolean;
  /**
   * The API's rate limit: `limit` requests per `windowMs` per key and operation, then 429 for
   * `lockoutMs`.
   * @default false
   */
  rateLimit?: false | { limit: number; windowMs?: number; lockoutMs?: number };
  /** Check every answer against the spec; a violation answers 500 naming it. @default true */
  checkAnswers?: boolean;
  /**
   * How many studios (one per API key) are kept; past it, the one used longest ago is forgotten.
   * @default 1000
   */
  maxStudios?: number;
  /**
   * Where to post events, as the API posts them to a studio's integration: each event once, with
   * the webhook `key` in X-API-KEY, within `timeoutMs`, never again if it fails. `apiKey` limits a
   * target to the studio of that key.
   * @default []
   */
  webhooks?: WebhookTarget[];
}

/** The options, checked, with every default filled in (apart from the clock's start). */
export interface Settings {
  seed: number;
  fixtures: SandboxFixtures | undefined;
  start: number | undefined;
  source: (() => number) | undefined;
  clock: ClockMode;
  timeZone: string;
  zoneIds: boolean;
  keys: Record<string, { scopes?: Scope[] }>;
  strictKeys: boolean;
  rateLimit: { limit: number; windowMs?: number; lockoutMs?: number } | undefined;
  checkAnswers: boolean;
  maxStudios: number;
  webhooks: WebhookTarget[];
}

const NAMES = [
  "seed",
  "fixtures",
  "now",
  "clock",
  "timeZone",
  "zoneIds",
  "keys",
  "strictKeys",
  "rateLimit",
  "checkAnswers",
  "maxStudios",
  "webhooks",
] as const satisfies ReadonlyArray<keyof SandboxOptions>;

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Checks every option and fills in the defaults; throws a ClassBookingError naming the first wrong one. */
export function resolveOptions(given: unknown): Settings {
  const fail = (option: string, problem: string): never => {
    throw new ClassBookingError(`createSandbox: option "${option}" ${problem}`);
  };
  if (given === undefined) given = {};
  if (!isObject(given))
    throw new ClassBookingError(`createSandbox: the options must be an object, got ${show(given)}`);
  for (const name of Object.keys(given)) {
    if (!(NAMES as readonly string[]).includes(name))
      throw new ClassBookingError(
        `createSandbox: unknown option "${name}"; the options are: ${NAMES.join(", ")}`,
      );
  }
  const o = given as SandboxOptions;
  const flag = (name: "zoneIds" | "strictKeys" | "checkAnswers", fallback: boolean) => {
    if (o[name] !== undefined && typeof o[name] !== "boolean")
      fail(name, `must be true or false, got ${show(o[name])}`);
    return o[name] ?? fallback;
  };
  const integer = (
    name: string,
    value: unknown,
    low: number,
    high = Number.MAX_SAFE_INTEGER,
  ): number | undefined => {
    if (
      value !== undefined &&
      !(Number.isSafeInteger(value) && (value as number) >= low && (value as number) <= high)
    ) {
      fail(name, `must be an integer from ${low} to ${high}, got ${show(value)}`);
    }
    return value as number | undefined;
  };

  const seed = integer("seed", o.seed, Number.MIN_SAFE_INTEGER) ?? 1;
  if (o.fixtures !== undefined && !isObject(o.fixtures))
    fail(
      "fixtures",
      `must be an object (classes, slots, customers, bookings, closedDays), got ${show(o.fixtures)}`,
    );
  const wrong = o.fixtures && fixturesProblem(o.fixtures);
  if (wrong) fail(wrong.slice(0, wrong.indexOf(" ")), wrong.slice(wrong.indexOf(" ") + 1));
  if (o.clock !== undefined && o.clock !== "fixed" && o.clock !== "real")
    fail("clock", `must be "fixed" or "real", got ${show(o.clock)}`);
  const source = typeof o.now === "function" ? o.now : undefined;
  if (source && o.clock === "fixed")
    fail("clock", '"fixed" does not go with a function as "now" (the clock follows the function)');
  const start =
    o.now === undefined || source ? undefined : readTime(o.now, (problem) => fail("now", problem));
  if (source) readTime(source(), (problem) => fail("now", `is a function whose time ${problem}`));
  const timeZone = o.timeZone ?? "Europe/Berlin";
  if (!isTimeZone(timeZone))
    fail(
      "timeZone",
      `must be an IANA time zone this runtime knows, such as "Europe/Berlin", got ${show(timeZone)}`,
    );

  if (o.keys !== undefined && !isObject(o.keys))
    fail("keys", `must be an object from API key to { scopes }, got ${show(o.keys)}`);
  for (const [key, entry] of Object.entries(o.keys ?? {})) {
    // The key itself is never part of a message.
    if (!isObject(entry)) fail("keys", 'must map each key to an object such as { scopes: ["CLASSES_READ"] }');
    for (const name of Object.keys(entry))
      if (name !== "scopes")
        fail("keys", `has an unknown setting "${name}" for a key; the settings are: scopes`);
    const { scopes } = entry as { scopes?: unknown };
    if (
      scopes !== undefined &&
      !(Array.isArray(scopes) && scopes.every((s) => ALL_SCOPES.includes(s as Scope)))
    ) {
      fail(
        "keys",
        `has scopes that are not a list of ${ALL_SCOPES.join(" and ")}${key === "" ? " (for the empty key)" : ""}`,
      );
    }
  }

  let rateLimit: Settings["rateLimit"];
  if (o.rateLimit !== undefined && o.rateLimit !== false) {
    if (!isObject(o.rateLimit))
      fail(
        "rateLimit",
        `must be false or an object { limit, windowMs, lockoutMs }, got ${show(o.rateLimit)}`,
      );
    for (const name of Object.keys(o.rateLimit)) {
      if (!["limit", "windowMs", "lockoutMs"].includes(name))
        fail("rateLimit", `has an unknown setting "${name}"; the settings are: limit, windowMs, lockoutMs`);
    }
    if (o.rateLimit.limit === undefined)
      fail("rateLimit.limit", "is required: how many requests a key may make per window");
    rateLimit = {
      limit: integer("rateLimit.limit", o.rateLimit.limit, 1)!,
      ...(o.rateLimit.windowMs !== undefined && {
        windowMs: integer("rateLimit.windowMs", o.rateLimit.windowMs, 1),
      }),
      ...(o.rateLimit.lockoutMs !== undefined && {
        lockoutMs: integer("rateLimit.lockoutMs", o.rateLimit.lockoutMs, 0),
      }),
    };
  }

  if (o.webhooks !== undefined && !Array.isArray(o.webhooks))
    fail("webhooks", `must be an array of { url, key }, got ${show(o.webhooks)}`);
  for (const [i, target] of (o.webhooks ?? []).entries()) {
    const where = `webhooks[${i}]`;
    if (!isObject(target)) fail(where, "must be an object { url, key, apiKey?, timeoutMs? }");
    for (const name of Object.keys(target))
      if (!["url", "key", "apiKey", "timeoutMs"].includes(name))
        fail(where, `has an unknown setting "${name}"; the settings are: url, key, apiKey, timeoutMs`);
    if (typeof target.url !== "string" || !isHttpUrl(target.url))
      fail(`${where}.url`, "must be an http(s) URL");
    if (typeof target.key !== "string" || target.key === "")
      fail(`${where}.key`, "must be the webhook key, a non-empty string");
    if (target.apiKey !== undefined && typeof target.apiKey !== "string")
      fail(`${where}.apiKey`, "must be a string (the API key of the studio whose events go there)");
    integer(`${where}.timeoutMs`, target.timeoutMs, 1);
  }

  return {
    seed,
    fixtures: o.fixtures,
    start,
    source,
    clock: source ? "real" : (o.clock ?? "fixed"),
    timeZone,
    zoneIds: flag("zoneIds", false),
    keys: o.keys ?? {},
    strictKeys: flag("strictKeys", false),
    rateLimit,
    checkAnswers: flag("checkAnswers", true),
    maxStudios: integer("maxStudios", o.maxStudios, 1) ?? 1000,
    webhooks: o.webhooks ?? [],
  };
}
