/**
 * How the sandbox answers one request: a request in, an answer out. Routing, parameter parsing,
 * media types and request checks come from the generated tables (spec -> generated/); only what
 * each operation does is written here. Every answer of a status the spec documents for the
 * operation is checked against the spec before it leaves; what the spec cannot document (404 for
 * a path it lacks, 405, 413, 415) is an ErrorResponse all the same.
 */
import { defaults, examples, requests, schemas, scopes } from "../../../generated/contract.js";
import { api, type OperationId, type OperationRow } from "../spec.js";
import { breaks } from "../rules.js";
import { describeViolations, violations } from "../schema.js";
import { checkResponse } from "../contract.js";
import { jsonAnswer, jsonBody, NOT_JSON, type Answer, type Incoming } from "./answer.js";
import { decodeSegment, readTarget, refusedMediaType, route, SERVER_METHODS } from "./route.js";
import { Problem, type Studio } from "./studio.js";
import type { LeadRequest } from "./leads.js";

type Inputs = Record<string, unknown>;

/** What answering a request needs from the sandbox around it. */
export interface RequestContext {
  /** The studio of a key, or undefined when the key is unknown (strict keys). */
  studioFor(apiKey: string): Promise<Studio | undefined>;
  /** The scopes of a key. */
  scopesOf(apiKey: string): readonly string[];
  /**
   * Counts a request of a key to an operation for the rate limit; answers the ms it stays locked
   * out (0: go).
   */
  countRequest(apiKey: string, operationId: string): number;
  /** A fresh trace id for an error answer. */
  traceId(): string;
  /** Check every answer against the spec (a violation becomes a 500). */
  checkAnswers: boolean;
  /** Answers a request to the control API (paths under its prefix), or undefined for any other path. */
  control(incoming: Incoming, path: string, error: ErrorAnswer): Promise<Answer> | undefined;
}

/** Makes an error answer with an ErrorResponse body. */
export type ErrorAnswer = (
  status: number,
  errorMessage: string,
  errorCode: string,
  reference?: string,
  headers?: Record<string, string>,
) => Answer;

/**
 * What each operation does, given its studio and its checked inputs: the 200 body (an operation
 * left out answers 501).
 */
const BEHAVIOUR: Partial<Record<OperationId, (studio: Studio, i: Inputs) => unknown>> = {
  getActiveClasses: (s, i) =>
    slice(
      s.activeClasses().map((c) => s.classAnswer(c)),
      i,
    ),
  getClassSlotsForMultipleClasses: (s, i) =>
    slice(
      s
        .slotsInWindow(i.slotWindowStartDate as string | undefined, i.daysAhead as number)
        .map((x) => s.slotAnswer(x)),
      i,
    ),
  getClassById: (s, i) => s.classAnswer(s.classOf(i.classId as number)),
  getClassSlots: (s, i) =>
    slice(
      s.slotsOfClass(i.classId as number).map((x) => s.slotAnswer(x)),
      i,
    ),
  getClassSlotById: (s, i) => s.slotAnswer(s.slotOfClass(i.classId as number, i.classSlotId as number)),
  validateClassSlot: (s, i) => ({
    validationStatus: s.validate(i.customerId as number, i.classSlotId as number),
  }),
  bookClassSlot: (s, i) => s.bookingAnswer(s.book(i.customerId as number, i.classSlotId as number)),
  getClassBookingById: (s, i) => s.bookingAnswer(s.bookingOf(i.bookingId as number)),
  cancelClassSlotById: (s, i) => void s.cancel(i.bookingId as number),
  getClassBookingsByCustomerId: (s, i) => s.bookingsOf(i.customerId as number).map((b) => s.bookingAnswer(b)),
  getBookableTrialOfferClasses: (s, i) => slice(s.bookableTrialClasses(), i),
  getTrialOfferConfig: (s, i) => s.trialConfig(i.configId as number),
  validateForLeadCustomerCreation: (s, i) => ({
    validationStatus: s.validateLead(i as unknown as LeadRequest),
  }),
  createLeadCustomer: (s, i) => ({ leadCustomerId: s.createLead(i as unknown as LeadRequest) }),
  getClassSlotsForTrialOffers: (s, i) =>
    slice(
      s.trialSlotsOfClass(i.classId as number).map((x) => s.slotAnswer(x)),
      i,
    ),
  validateClassSlotForTrialOffers: (s, i) => ({
    validationStatus: s.validateTrial(i.customerId as number, i.classSlotId as number),
  }),
  bookClassSlotForTrialOffers: (s, i) =>
    s.bookingAnswer(s.bookTrial(i.customerId as number, i.classSlotId as number)),
  confirmTrialOfferBooking: (s, i) => ({ status: s.confirmTrial(i.bookingId as number) }),
};

/**
 * One slice of a list: `offset` is the index to start at, written as text; the answer's offset is
 * where the next one starts.
 */
function slice<T>(items: T[], inputs: Inputs): { result: T[]; hasNext: boolean; offset: string } {
  const start = Number(inputs.offset);
  if (!/^\d+$/.test(String(inputs.offset)) || start > items.length) {
    throw new Problem(
      400,
      `The value of offset is not one this server handed out: ${JSON.stringify(String(inputs.offset).slice(0, 40))}.`,
      "VALIDATION_FAILED",
      "offset",
    );
  }
  const end = Math.min(items.length, start + (inputs.sliceSize as number));
  return { result: items.slice(start, end), hasNext: end < items.length, offset: String(end) };
}

/** Reads the path, query and body inputs of an operation, checking each against the spec. */
async function inputsOf(
  operationId: OperationId,
  row: OperationRow,
  params: Record<string, string>,
  query: URLSearchParams,
  incoming: Incoming,
): Promise<Inputs> {
  const inputs: Inputs = { ...defaults[operationId] };
  const bad = (name: string, message: string) => new Problem(400, message, "VALIDATION_FAILED", name);
  const bodyNames: string[] = [];
  for (const [name, rule] of Object.entries(row.inputs)) {
    if (rule.in === "body") {
      bodyNames.push(name);
      continue;
    }
    const raw = rule.in === "path" ? params[name] : (query.get(name) ?? undefined);
    if (raw === undefined) continue;
    const text = rule.in === "path" ? decodeSegment(raw) : raw;
    if (text === undefined)
      throw bad(
        name,
        `The value of ${name} is not valid percent-encoding: ${JSON.stringify(raw.slice(0, 40))}.`,
      );
    const value = rule.type === "integer" && /^-?\d+$/.test(text) ? Number(text) : text;
    const problem = breaks(rule, value);
    if (problem) throw bad(name, `The value of ${name} ${problem}.`);
    inputs[name] = value;
  }
  for (const name of row.required ?? []) {
    if (!bodyNames.includes(name) && inputs[name] === undefined)
      throw bad(name, `The query parameter ${name} is required.`);
  }
  if (!bodyNames.length) return inputs;
  const parsed = await jsonBody(incoming);
  if (!parsed) throw bad("", NOT_JSON);
  const body = parsed.json;
  const [first] = violations(requests[operationId] ?? { type: "object" }, body, schemas);
  if (first) {
    const field = first.pointer.slice(1).replace(/\//g, ".");
    throw bad(
      field,
      first.message === "is required"
        ? `The field ${field} must not be null.`
        : `The ${field ? `field ${field}` : "body"} ${first.message}.`,
    );
  }
  for (const name of bodyNames) inputs[name] = (body as Inputs)[name];
  return inputs;
}

/** Answers one request (a failure of the sandbox itself rejects; Sandbox.respond turns it into a 500). */
export async function answerRequest(incoming: Incoming, context: RequestContext): Promise<Answer> {
  const errorBody = (errorMessage: string, errorCode: string, reference?: string) => ({
    errorMessage,
    errorCode,
    traceId: context.traceId(),
    ...(reference && { reference }),
  });
  const error: ErrorAnswer = (status, errorMessage, errorCode, reference, headers) =>
    jsonAnswer(status, errorBody(errorMessage, errorCode, reference), headers);
  const method = incoming.method.toUpperCase();
  const target = readTarget(incoming.target, method);
  if ("problem" in target) return error(400, target.problem, "BAD_REQUEST_TARGET");
  if ("server" in target) {
    const allow = { allow: SERVER_METHODS.join(", ") };
    if (method === "OPTIONS") return { status: 204, headers: allow, body: undefined };
    return error(
      405,
      `${method} is not allowed: the sandbox is no proxy; its methods are ${SERVER_METHODS.join(", ")}.`,
      "METHOD_NOT_ALLOWED",
      undefined,
      allow,
    );
  }
  const controlled = context.control(incoming, target.path, error);
  if (controlled) return controlled;

  const { found, allowed } = route(method === "HEAD" ? "GET" : method, target.path);
  const key = incoming.header(api.keyHeader) ?? "";
  // A HEAD request only checks the key.
  if (method === "HEAD")
    return { status: key && (await context.studioFor(key)) ? 200 : 401, headers: {}, body: undefined };
  if (!found) {
    if (!allowed.length)
      return error(
        404,
        `No endpoint of the API at ${JSON.stringify(target.path.slice(0, 80))}.`,
        "NOT_FOUND",
      );
    return error(
      405,
      `${method.slice(0, 20)} is not allowed here; use ${allowed.join(" or ")}.`,
      "METHOD_NOT_ALLOWED",
      undefined,
      { allow: allowed.join(", ") },
    );
  }
  const { operationId, row, params } = found;
  const answer = (status: number, body: unknown): Answer => {
    if (context.checkAnswers) {
      const wrong = checkResponse(operationId, status, body);
      if (wrong.length) {
        return error(
          500,
          `The sandbox built a ${status} answer that breaks the spec: ${describeViolations(wrong)}`,
          "SANDBOX_ANSWER_INVALID",
        );
      }
    }
    return jsonAnswer(status, body);
  };

  // Prefer: code=NNN forces a documented status with its example, like the static mock.
  const prefer = /(?:^|[;,\s])code=(\d{3})/.exec(incoming.header("prefer") ?? "")?.[1];
  if (prefer && prefer !== "200") {
    const byStatus: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> =
      examples[operationId];
    const example = byStatus[prefer];
    if (!example)
      return error(
        400,
        `Prefer: code=${prefer} is not a status ${operationId} documents.`,
        "PREFER_NOT_DOCUMENTED",
      );
    return answer(Number(prefer), Object.values(example)[0]);
  }

  const studio = key ? await context.studioFor(key) : undefined;
  if (!studio) return answer(401, errorBody("The API key is missing or invalid.", "UNAUTHORIZED"));
  const scope = scopes[operationId];
  if (!context.scopesOf(key).includes(scope)) {
    return answer(
      403,
      errorBody(`The API key does not have the scope ${scope} that ${operationId} needs.`, "ACCESS_DENIED"),
    );
  }
  const locked = context.countRequest(key, operationId);
  if (locked)
    return answer(
      429,
      errorBody(
        `Too many requests to this endpoint. Try again in ${Math.ceil(locked / 1000)} s.`,
        "RATE_LIMIT_EXCEEDED",
      ),
    );
  const refused = refusedMediaType(operationId, incoming.header("content-type"));
  if (refused) return error(415, refused, "UNSUPPORTED_MEDIA_TYPE");

  try {
    const inputs = await inputsOf(operationId, row, params, target.query, incoming);
    const behaviour = BEHAVIOUR[operationId];
    if (!behaviour)
      return error(501, `The sandbox does not implement ${operationId} yet.`, "NOT_IMPLEMENTED");
    // Trial bookings whose confirmation deadline the clock has passed are canceled first.
    studio.expireOverdue();
    return answer(200, behaviour(studio, inputs));
  } catch (thrown) {
    if (!(thrown instanceof Problem)) throw thrown;
    return answer(thrown.status, errorBody(thrown.errorMessage, thrown.errorCode, thrown.reference));
  }
}
