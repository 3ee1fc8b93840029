/**
 * The events of class-booking-api/webhooks: their types, how a body becomes one (checked against
 * the spec), why a call is refused, and the memory of uuids already seen.
 */
import { schemas, webhookEnvelope, webhookEvents } from "../../generated/contract.js";
import type { webhooks } from "../../generated/schema.js";
import { violations } from "../contract/check.js";
import { ClassBookingError } from "../errors.js";

type Body<K extends keyof webhooks> = webhooks[K]["post"] extends { requestBody: { content: { "application/json": infer B } } } ? B : never;
type Item<K extends keyof webhooks> = Body<K> extends { payload: Array<infer I extends { content?: unknown }> } ? I : never;

/** What every event has. */
interface EventBase {
  /** The entity the event is about: a bookingId for booking events, a classSlotId for slot events. */
  entityId: number;
  /** Unique per event. */
  uuid: string;
  /** When it happened, in milliseconds since the epoch (the first payload item's timestamp). */
  timestamp: number;
}

/** An event of a type the spec describes; `type` tells which, and `content` is typed for it. */
export type KnownWebhookEvent = {
  [K in keyof webhooks]: EventBase & { known: true; type: K; content: Item<K>["content"]; body: Body<K> };
}[keyof webhooks];

/** An event of a type the spec does not list (the API adds types over time): never an error. */
export interface UnknownWebhookEvent extends EventBase {
  known: false;
  type: string;
  content: Record<string, unknown> | undefined;
  body: unknown;
}

export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/** Remembers event uuids, to drop an event that comes twice. */
export interface SeenStore {
  /** True the first time a uuid is seen, false after that; the check and the note are one step. */
  firstTime(uuid: string): boolean | Promise<boolean>;
}

/** Why a webhook call was refused; `status` is what the adapters answer. */
export class WebhookError extends ClassBookingError {
  override name = "WebhookError";
  constructor(
    readonly status: 400 | 401 | 405 | 413 | 500,
    readonly code: string,
    message: string,
    /** The places where the body differs from the spec (status 400). */
    readonly violations: Array<{ pointer: string; message: string }> = [],
  ) {
    super(`webhook: ${message}`);
  }
}

/** Remembers up to `max` uuids for `ttlMs`, in memory. */
export function memorySeenStore(max = 10_000, ttlMs = 86_400_000, now: () => number = Date.now): SeenStore {
  const seen = new Map<string, number>();
  return {
    firstTime(uuid) {
      const at = now();
      const until = seen.get(uuid);
      if (until !== undefined && until > at) return false;
      seen.delete(uuid);
      seen.set(uuid, at + ttlMs);
      // A Map keeps insertion order: the first entries are the oldest.
      for (const [old, expires] of seen) {
        if (seen.size <= max && expires > at) break;
        seen.delete(old);
      }
      return true;
    },
  };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads and checks an event body; throws a WebhookError (400) for anything that is not an event of the spec. */
export function parseEvent(body: string | Uint8Array | ArrayBuffer | object, maxBodyBytes = 65_536): WebhookEvent {
  let parsed: unknown = body;
  if (typeof body === "string" || body instanceof Uint8Array || body instanceof ArrayBuffer) {
    const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
    if (bytes.byteLength > maxBodyBytes) throw new WebhookError(413, "EVENT_TOO_LARGE", `the body is larger than ${maxBodyBytes} bytes`);
    try {
      parsed = JSON.parse(decoder.decode(bytes));
    } catch {
      throw new WebhookError(400, "EVENT_NOT_JSON", "the body is not JSON");
    }
  }
  const type = (parsed as { payload?: Array<{ type?: unknown }> })?.payload?.[0]?.type;
  const schema = typeof type === "string" && Object.prototype.hasOwnProperty.call(webhookEvents, type) ? webhookEvents[type]! : webhookEnvelope;
  const found = violations(schema, parsed, schemas);
  if (found.length) {
    const list = found.map((v) => `${v.pointer || "(the body)"} ${v.message}`).join("; ");
    throw new WebhookError(400, "EVENT_INVALID", `the event does not match the spec: ${list}`, found);
  }
  const { entityId, uuid, payload } = parsed as { entityId: number; uuid: string; payload: Array<{ timestamp: number; type: string; content?: Record<string, unknown> }> };
  const [first] = payload;
  if (!first) throw new WebhookError(400, "EVENT_INVALID", "the event does not match the spec: /payload has no item");
  return { known: schema !== webhookEnvelope, type: first.type, entityId, uuid, timestamp: first.timestamp, content: first.content, body: parsed } as WebhookEvent;
}
