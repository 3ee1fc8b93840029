/**
 * The options' names and defaults are each written once (src/client/options.ts): the name lists
 * come from registries the compiler holds to the interfaces, and the defaults the TSDoc and the
 * options guide (docs/options-and-errors.md) state are the ones the client uses.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  DEFAULTS,
  OPTION_NAMES,
  optionNames,
  RATE_LIMIT_NAMES,
  type CallOptions,
} from "../../src/client/options.js";
import { repoRoot } from "../../scripts/spec.js";

describe("the option registries", () => {
  it("list an interface's names in the order written, and a list that misses or adds a name does not compile", () => {
    const all = { signal: true, timeoutMs: true, maxRetries: true, headers: true } as const;
    expect(optionNames<CallOptions>(all)).toEqual(["signal", "timeoutMs", "maxRetries", "headers"]);
    const { headers: _left, ...missing } = all;
    // @ts-expect-error headers is a call option, so the list must name it
    expect(optionNames<CallOptions>(missing)).toEqual(["signal", "timeoutMs", "maxRetries"]);
    // @ts-expect-error retries is no call option
    optionNames<CallOptions>({ ...all, retries: true });
  });

  it("name the client's options in the order the options guide's table lists them", () => {
    const guide = readFileSync(path.join(repoRoot, "docs", "options-and-errors.md"), "utf8");
    const table = guide.slice(guide.indexOf("## Options"), guide.indexOf("## Errors"));
    // Prettier pads the column, so a name is followed by spaces up to the widest one.
    const documented = [...table.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]);
    expect(documented).toEqual(OPTION_NAMES);
  });
});

/** Every `@default` the TSDoc of an options interface states, by property, as written. */
function documentedDefaults(interfaceName: string): Record<string, string> {
  const file = path.join(repoRoot, "src", "client", "options.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName,
  );
  const out: Record<string, string> = {};
  for (const member of found?.members ?? []) {
    const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
    if (member.name && tag) out[member.name.getText(source)] = ts.getTextOfJSDocComment(tag.comment) ?? "";
  }
  return out;
}

describe("the defaults", () => {
  it("the TSDoc states are the ones DEFAULTS holds, for every option with a plain value", () => {
    const client = documentedDefaults("ClassBookingClientOptions");
    expect(client).toMatchObject({
      timeoutMs: String(DEFAULTS.timeoutMs),
      maxRetries: String(DEFAULTS.maxRetries),
    });
    expect(client.logBodies).toBe(String(DEFAULTS.logBodies));
    expect(client.headers).toBe(JSON.stringify(DEFAULTS.headers));
    expect(client.hooks).toBe(JSON.stringify(DEFAULTS.hooks));
    expect(client.logLevel).toContain(`"${DEFAULTS.logLevel}"`);
    const rateLimit = documentedDefaults("RateLimitOptions");
    for (const name of RATE_LIMIT_NAMES.filter((n) => n !== "store")) {
      expect(rateLimit[name], name).toBe(String(DEFAULTS.rateLimit[name]));
    }
    // The summary on the rateLimit option lists the same numbers.
    const { limit, windowMs, lockoutMs, maxWaitMs } = DEFAULTS.rateLimit;
    expect(client.rateLimit).toBe(
      `{ limit: ${limit}, windowMs: ${windowMs}, lockoutMs: ${lockoutMs}, maxWaitMs: ${maxWaitMs} } in memory`,
    );
  });
});
