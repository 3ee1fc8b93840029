/**
 * Random inputs for every operation: each is either sent exactly as the spec allows, or refused
 * with a ClassBookingError before anything is sent. The judge is ajv over openapi.yaml.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassBookingError } from "../../src/client/index.js";
import { okExample } from "../../scripts/spec.js";
import { testClient } from "../helpers/client.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { inputsFor, models, RUNS, SEED, spec } from "./oracle.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const model = models.find(
      (m) =>
        m.method === req.method && new RegExp(`^${m.path.replace(/\{\w+\}/g, "[^/]+")}(\\?|$)`).test(req.url),
    );
    const example = model && okExample(spec, model.operationId);
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(example === undefined ? undefined : JSON.stringify(example));
  });
});
afterAll(() => server.close());

type Loose = Record<string, (input: unknown) => Promise<unknown>>;

describe.each(models)(
  "$operationId: every random input is sent as the spec says, or refused before sending",
  (model) => {
    it("holds for every generated input", async () => {
      const client = testClient(server.url, { maxRetries: 0 }).client as unknown as Loose;
      let sent = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(inputsFor(model), async (input) => {
          server.requests.length = 0;
          const own =
            input !== null && typeof input === "object" && !Array.isArray(input) ? { ...input } : input;
          const valid =
            own !== null &&
            typeof own === "object" &&
            !Array.isArray(own) &&
            model.valid(own as Record<string, unknown>);
          const outcome = await client[model.operationId]!(input).then(
            () => "resolved",
            (e: unknown) => e,
          );
          if (valid) {
            sent++;
            expect(outcome, String(outcome)).toBe("resolved");
            expect(server.requests).toHaveLength(1);
            const want = model.request(own as Record<string, unknown>);
            expect(server.requests[0]!.method).toBe(model.method);
            // Compared after the WHATWG URL parser (which fetch also applies, e.g. ' becomes %27 in a query).
            const onWire = new URL(want.url, "http://127.0.0.1");
            expect(server.requests[0]!.url).toBe(onWire.pathname + onWire.search);
            expect(
              server.requests[0]!.body === "" ? undefined : JSON.parse(server.requests[0]!.body),
            ).toEqual(want.body);
          } else {
            refused++;
            expect(outcome).toBeInstanceOf(ClassBookingError);
            expect((outcome as Error).message.startsWith(`${model.operationId}: `)).toBe(true);
            expect(server.requests).toHaveLength(0);
          }
        }),
        { seed: SEED, numRuns: RUNS ?? 120 },
      );
      // The generators reach both sides of the judge.
      expect(sent).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  },
);
