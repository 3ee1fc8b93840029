/**
 * The sandbox's control API, for tests that reach it over HTTP: reset, the clock (read, set, move
 * on) and snapshots, under a prefix no path of the API can take (every spec path starts with
 * /v1/; a test checks that none can reach `/_sandbox`). It is not part of the spec.
 *
 *   POST /_sandbox/reset                          -> 204; fresh studios, the clock where it began
 *   GET  /_sandbox/clock                          -> 200 { now, clock }
 *   PUT  /_sandbox/clock          { "now": ... }  -> 200 { now, clock }
 *   POST /_sandbox/clock/advance  { "ms": ... }   -> 200 { now, clock }
 *   GET  /_sandbox/snapshot                       -> 200 the snapshot (plain JSON)
 *   PUT  /_sandbox/snapshot       a snapshot      -> 204; the studios and the clock put back
 */
import { answerMediaType } from "../../../generated/contract.js";
import { isObject } from "../schema.js";
import { jsonAnswer, jsonBody, NOT_JSON, type Answer, type Incoming } from "./answer.js";
import { CLOCK_SPAN, inClockRange, readTime, type ClockMode } from "./clock.js";
import type { ErrorAnswer } from "./request.js";
import { mediaTypeOf } from "./route.js";
import { snapshotProblem, type SandboxSnapshot } from "./snapshot.js";

/** The prefix of every control path. */
export const CONTROL_PREFIX = "/_sandbox";

/** What the control API does to the sandbox. */
export interface Controls {
  clock(): { now: number; clock: ClockMode };
  setNow(time: number): void;
  advance(ms: number): void;
  reset(): void;
  snapshot(): SandboxSnapshot;
  restore(snapshot: SandboxSnapshot): void;
}

type Route = {
  method: string;
  body?: true;
  run: (
    controls: Controls,
    body: Record<string, unknown>,
    fail: (field: string, problem: string) => never,
  ) => unknown;
};

const clockAnswer = (controls: Controls) => {
  const { now, clock } = controls.clock();
  return { now: new Date(now).toISOString(), clock };
};

const ROUTES: Record<string, Route[]> = {
  "/reset": [{ method: "POST", run: (c) => void c.reset() }],
  "/clock": [
    { method: "GET", run: clockAnswer },
    {
      method: "PUT",
      body: true,
      run: (c, body, fail) => {
        onlyFields(body, ["now"], fail);
        c.setNow(readTime(body.now, (problem) => fail("now", problem)));
        return clockAnswer(c);
      },
    },
  ],
  "/clock/advance": [
    {
      method: "POST",
      body: true,
      run: (c, body, fail) => {
        onlyFields(body, ["ms"], fail);
        if (!Number.isSafeInteger(body.ms))
          fail("ms", "must be a whole number of milliseconds (negative to go back)");
        const to = c.clock().now + (body.ms as number);
        if (!inClockRange(to)) fail("ms", `would move the clock out of its range (${CLOCK_SPAN})`);
        c.advance(body.ms as number);
        return clockAnswer(c);
      },
    },
  ],
  "/snapshot": [
    { method: "GET", run: (c) => c.snapshot() },
    {
      method: "PUT",
      body: true,
      run: (c, body, fail) => {
        const problem = snapshotProblem(body);
        if (problem) fail("", `The snapshot ${problem}.`);
        c.restore(body as unknown as SandboxSnapshot);
      },
    },
  ],
};

function onlyFields(
  body: Record<string, unknown>,
  names: string[],
  fail: (field: string, problem: string) => never,
): void {
  for (const name of names) if (body[name] === undefined) fail(name, "is required");
  for (const name of Object.keys(body))
    if (!names.includes(name))
      fail(name.slice(0, 40), `is not a field here; the fields are: ${names.join(", ")}`);
}

/** Answers a request to a control path, or undefined when the path is not one. */
export function answerControl(
  controls: Controls,
  incoming: Incoming,
  path: string,
  error: ErrorAnswer,
): Promise<Answer> | undefined {
  if (path !== CONTROL_PREFIX && !path.startsWith(`${CONTROL_PREFIX}/`)) return undefined;
  return run(controls, incoming, path.slice(CONTROL_PREFIX.length), error);
}

async function run(controls: Controls, incoming: Incoming, sub: string, error: ErrorAnswer): Promise<Answer> {
  const routes = ROUTES[sub];
  if (!routes)
    return error(
      404,
      `No control of the sandbox at ${JSON.stringify(CONTROL_PREFIX + sub.slice(0, 60))}; the controls are ${Object.keys(
        ROUTES,
      )
        .map((p) => CONTROL_PREFIX + p)
        .join(", ")}.`,
      "NOT_FOUND",
    );
  const method = incoming.method.toUpperCase();
  const found = routes.find((r) => r.method === method);
  const allow = routes.map((r) => r.method).join(", ");
  if (!found)
    return error(
      405,
      `${method.slice(0, 20)} is not allowed here; use ${allow}.`,
      "METHOD_NOT_ALLOWED",
      undefined,
      { allow },
    );
  let body: Record<string, unknown> = {};
  if (found.body) {
    if (mediaTypeOf(incoming.header("content-type")) !== answerMediaType)
      return error(
        415,
        `The request body must be sent as ${answerMediaType} (Content-Type).`,
        "UNSUPPORTED_MEDIA_TYPE",
      );
    const parsed = await jsonBody(incoming);
    if (!parsed) return error(400, NOT_JSON, "VALIDATION_FAILED");
    if (!isObject(parsed.json))
      return error(400, "The request body must be a JSON object.", "VALIDATION_FAILED");
    body = parsed.json;
  }
  const refusal = Symbol("refused");
  let refused: Answer | undefined;
  const fail = (field: string, problem: string): never => {
    refused = error(
      400,
      field ? `The field ${field} ${problem}.` : problem,
      "VALIDATION_FAILED",
      field || undefined,
    );
    throw refusal;
  };
  try {
    const result = found.run(controls, body, fail);
    return result === undefined ? { status: 204, headers: {}, body: undefined } : jsonAnswer(200, result);
  } catch (thrown) {
    if (thrown === refusal && refused) return refused;
    throw thrown;
  }
}
