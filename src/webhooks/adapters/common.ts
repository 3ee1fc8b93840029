/**
 * What the webhook receiver gives its adapters (the receiver's core, seen from outside), and the
 * refusals both adapters make the same way: a method other than POST, a body over the size
 * limit, a body that broke off. The body itself is read by core/body.ts.
 */
import type { BodyRead } from "../../core/body.js";
import { tooLarge, WebhookError } from "../event.js";

/** The receiver as its adapters use it. */
export interface ReceiverCore {
  maxBodyBytes: number;
  /** The studio of a key; throws a WebhookError (401) for a missing or unknown key. */
  studioOf(key: string | null | undefined): Promise<unknown>;
  /** Takes a body for a studio, runs the handler, and says what to answer; never rejects. */
  answer(studio: unknown, body: string | Uint8Array | object): Promise<{ status: number; body: object }>;
  /** The answer to a refused call (onError hears why); never throws. */
  refuse(error: unknown): { status: number; body: object };
}

export const notPost = (method: string) =>
  new WebhookError(405, "METHOD_NOT_ALLOWED", `${method.slice(0, 20)} is not allowed; the API posts events`);

/**
 * The bytes of a body that was read whole; throws the refusal of one over the limit (413) or one
 * that broke off (400).
 */
export function bytesOrRefusal(read: BodyRead, maxBodyBytes: number): Uint8Array {
  if ("bytes" in read) return read.bytes;
  if ("tooLarge" in read) throw tooLarge(maxBodyBytes);
  throw new WebhookError(400, "EVENT_BODY_BROKEN", "the body broke off before its end");
}
