/**
 * What an editor shows on hover: the TypeScript language service's quick info for every method
 * of a client value (`client.<op>`, `client.paginate.<op>`, `client.withResponse.<op>`) holds the
 * operation's summary and required scope from the spec, a @throws line for each error status it
 * documents, and an example call. The operations come from the generated table, none by hand.
 */
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import { responses, scopes } from "../../generated/contract.js";
import { loadSpec, operations as specOperations, repoRoot } from "../../scripts/spec.js";
import { hoverService } from "../helpers/hover.js";

const ids = Object.keys(operations) as Array<keyof typeof operations>;
const sliced = ids.filter((id) => (operations[id] as { sliced?: true }).sliced);
const summaries = new Map(specOperations(loadSpec()).map(({ operationId, op }) => [operationId, op.summary]));

// A file that exists only in the language service's memory, beside this test, using the client as an app would.
const file = path.join(repoRoot, "test", "types", "hover-probe.ts");
const lines = [
  'import { createClassBookingClient } from "../../src/client/index.js";',
  'const client = createClassBookingClient({ tenant: "mystudio", apiKey: "key" });',
  ...ids.map((id) => `client.${id};`),
  ...ids.map((id) => `client.withResponse.${id};`),
  ...sliced.map((id) => `client.paginate.${id};`),
];
const probe = lines.join("\n");

let service: ReturnType<typeof hoverService>;
beforeAll(() => {
  const { config } = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  service = hoverService(file, probe, options);
});

/** The quick info at the operation's name on the probe's line `<access>.<id>;`. */
function hover(access: string, id: string) {
  const start = `\n${probe}\n`.indexOf(`\n${access}.${id};\n`);
  expect(start, `${access}.${id}`).toBeGreaterThanOrEqual(0);
  return service.hover(start + access.length + 1);
}

/** The statuses other than 2xx that the spec documents for an operation. */
const errorStatuses = (id: keyof typeof operations) =>
  Object.keys(responses[id]!).filter((status) => !/^2\d\d$/.test(status));

describe("docs on hover", () => {
  it("the probe type-checks: every method it names exists", () => {
    expect(service.errors()).toEqual([]);
  });

  it.each(["client", "client.withResponse"])(
    "%s.<op>: the summary, the scope, each error status and an example",
    (access) => {
      for (const id of ids) {
        const { text, tags, shown } = hover(access, id);
        expect(shown, id).toContain(id);
        expect(text, id).toContain(summaries.get(id));
        expect(text, id).toContain(`Required scope: \`${scopes[id]}\``);
        for (const status of errorStatuses(id))
          expect(
            tags.some((tag) => tag.startsWith(`@throws {ApiError} ${status}: `)),
            `${id} ${status}`,
          ).toBe(true);
        expect(
          tags.find((tag) => tag.startsWith("@example")),
          id,
        ).toContain(`client.${id}(`);
      }
    },
  );

  it("client.paginate.<op>: the same text, for every sliced operation", () => {
    expect(sliced.length).toBeGreaterThan(0);
    for (const id of sliced) {
      const { text, tags } = hover("client.paginate", id);
      expect(text, id).toContain(summaries.get(id));
      expect(text, id).toContain(`Required scope: \`${scopes[id]}\``);
      expect(
        tags.find((tag) => tag.startsWith("@example")),
        id,
      ).toContain(`client.paginate.${id}(`);
    }
  });
});
