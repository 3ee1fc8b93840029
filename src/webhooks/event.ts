/**
 * The events of class-booking-api/webhooks: their types, how a call's body becomes events (one
 * per payload item, checked against the spec's webhook schemas), and why a call is refused.
 * Only a body that cannot be an event at all is refused; an item that differs from what the spec
 * describes for its type still becomes an event, with the difference listed in `problems`.
 */
import { schemas, webhookEnvelope, webhookItems } from "../../generated/contract.js";
import type { webhooks } from "../../generated/schema.js";
import { show } from "../core/rules.js";
import {
  countViolations,
  describeViolations,
  keyOfSegment,
  violations,
  withinInt64,
  type CheckOptions,
  type Schema,
  type Violation,
} from "../core/schema.js";
import { ClassBookingError } from "../core/errors.js";

type Body<K extends keyof webhooks> = webhooks[K]["post"] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;
type Item<K extends keyof webhooks> =
  Body<K> extends { payload: Array<infer I extends { content?: unknown }> } ? I : never;

/** The body of a webhook call as every event type has it (the fields the receiver checks). */
export interface WebhookBody {
  entityId: number;
  uuid: string;
  payload: Array<{
    timestamp: number;
    type: string;
    content?: Record<string, unknown> | null;
    [field: string]: unknown;
  }>;
  [field: string]: unknown;
}

/** What every event has. One event is one item of a call's payload. */
interface EventBase {
  /** The entity the event is about: a bookingId for booking events, a classSlotId for slot events. */
  entityId: number;
  /** The call's uuid (unique per call; with `index`, unique per event). */
  uuid: string;
  /** Where this item stands in the call's payload: 0 for the first (the API sends one item today). */
  index: number;
  /** When it happened, in milliseconds since the epoch (this item's timestamp). */
  timestamp: number;
  /**
   * Where this item differs from what the spec describes (an integer beyond 2^53 that a number
   * holds only rounded, a content field of the wrong type); empty when it matches. A content
   * field named here is left out of `content`; `body` has it as sent.
   */
  problems: string[];
  /** The call's whole body as it came. */
  body: WebhookBody;
}

/**
 * An event of a type the spec describes; `type` tells which, and `content` is typed for it (it may
 * be absent).
 */
export type KnownWebhookEvent = {
  [K in keyof webhooks]: EventBase & { known: true; type: K; content: Item<K>["content"] };
}[keyof webhooks];

/** An event of a type the spec does not list (the API sends every type of the studio's): never an error. */
export interface UnknownWebhookEvent extends EventBase {
  known: false;
  type: string;
  content: Record<string, unknown> | undefined;
}

export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/** Why a webhook call was refused or failed; `status` is what the adapters answer. */
export class WebhookError extends ClassBookingError {
  override name = "WebhookError";
  constructor(
    readonly status: 400 | 401 | 405 | 413 | 500,
    readonly code: string,
    message: string,
    /** The first places where the body differs from the spec (status 400); the message gives the count. */
    readonly violations: Violation[] = [],
    options?: { cause?: unknown },
  ) {
    super(`webhook: ${message}`, options);
  }
}

/** How many violations an answer or message lists; the rest are counted. */
const LISTED_VIOLATIONS = 5;
/** The default largest body, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 65_536;

/** A thrown value as an Error: Errors as they are, anything else wrapped with the value described. */
export function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new WebhookError(500, "EVENT_HANDLER_FAILED", `a handler threw ${show(value)}, not an Error`, [], {
    cause: value,
  });
}

/** The refusal of a body over the size limit. */
export const tooLarge = (maxBodyBytes: number) =>
  new WebhookError(413, "EVENT_TOO_LARGE", `the body is larger than ${maxBodyBytes} bytes`);

/** What is received: any int64 JSON can carry, and null where a field may be left out. */
const RECEIVED: CheckOptions = { wideInt64: true, nullAsAbsent: true };
/** The same, but an integer must be exact: what is left over names the rounded ones. */
const EXACT: CheckOptions = { nullAsAbsent: true };
const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

function readJson(body: string | Uint8Array | ArrayBuffer, maxBodyBytes: number): unknown {
  // A string has at least as many UTF-8 bytes as UTF-16 units: too long is too large without encoding it.
  if (typeof body === "string" && body.length > maxBodyBytes) throw tooLarge(maxBodyBytes);
  const bytes =
    typeof body === "string"
      ? encoder.encode(body)
      : body instanceof Uint8Array
        ? body
        : new Uint8Array(body);
  if (bytes.byteLength > maxBodyBytes) throw tooLarge(maxBodyBytes);
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new WebhookError(400, "EVENT_NOT_JSON", "the body is not JSON");
  }
}

function refusal({ found: listed, count }: { found: Violation[]; count: number }): WebhookError {
  return new WebhookError(
    400,
    "EVENT_INVALID",
    `the event does not match the spec: ${describeViolations(listed, count)}`,
    listed,
  );
}

const roundedNote = (pointer: string) => `${pointer} is beyond 2^53 - 1, so the number given may be rounded`;
/** An integer that JSON named exactly but a number holds only rounded (within int64). */
const isRounded = (value: unknown) => withinInt64(value) && !Number.isSafeInteger(value);

/** The value at a JSON pointer, if there is one. */
function at(value: unknown, pointer: string): unknown {
  for (const segment of pointer.split("/").slice(1)) {
    const key = keyOfSegment(segment);
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

type PayloadItem = WebhookBody["payload"][number];

/**
 * A known type's content checked against its schema: fields that break it are left out and listed;
 * rounded integers are listed.
 */
function typedContent(
  schema: Schema,
  item: PayloadItem,
  index: number,
  problems: string[],
): Record<string, unknown> | undefined {
  // A null content counts as none (some JSON writers send null for a field left out).
  const { content: given, ...rest } = item;
  let content = given ?? undefined;
  for (const { pointer, message } of violations(
    schema,
    content === undefined ? rest : { ...rest, content },
    schemas,
  )) {
    const field = /^\/content(?:\/([^/]*))?(?:\/|$)/.exec(pointer);
    if (!field || !content) continue; // the envelope's check has said all about the other fields
    if (isRounded(at(item, pointer))) {
      problems.push(roundedNote(`/payload/${index}${pointer}`));
      continue;
    }
    problems.push(`/payload/${index}${pointer} ${message}; left out of content`);
    if (field[1] === undefined) content = undefined;
    else {
      content = { ...content };
      delete content[keyOfSegment(field[1])];
    }
  }
  return content;
}

/**
 * Reads a call's body (text, bytes or parsed JSON) into one event per payload item, in order.
 * Throws a WebhookError for a body that cannot be an event: over `maxBodyBytes` (413), not JSON,
 * or not the envelope every event has (400).
 */
export function parseEvents(
  body: string | Uint8Array | ArrayBuffer | object,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
): WebhookEvent[] {
  const parsed =
    typeof body === "string" || body instanceof Uint8Array || body instanceof ArrayBuffer
      ? readJson(body, maxBodyBytes)
      : body;
  const refused = countViolations(webhookEnvelope, parsed, schemas, RECEIVED, LISTED_VIOLATIONS);
  if (refused.count) throw refusal(refused);
  const envelope = parsed as WebhookBody;
  // Integers the envelope allows but a number holds only rounded: for the whole call, or per item.
  const rounded = new Map<number, string[]>();
  const everywhere: string[] = [];
  for (const { pointer } of violations(webhookEnvelope, envelope, schemas, EXACT)) {
    const item = /^\/payload\/(\d+)/.exec(pointer)?.[1];
    if (item === undefined) everywhere.push(roundedNote(pointer));
    else rounded.set(Number(item), [...(rounded.get(Number(item)) ?? []), roundedNote(pointer)]);
  }
  const { entityId, uuid } = envelope;
  return envelope.payload.map((item, index) => {
    const problems = [...everywhere, ...(rounded.get(index) ?? [])];
    const schema = Object.prototype.hasOwnProperty.call(webhookItems, item.type)
      ? webhookItems[item.type]
      : undefined;
    const content = schema ? typedContent(schema, item, index, problems) : (item.content ?? undefined);
    return {
      known: schema !== undefined,
      type: item.type,
      entityId,
      uuid,
      index,
      timestamp: item.timestamp,
      content,
      problems,
      body: envelope,
    } as WebhookEvent;
  });
}
