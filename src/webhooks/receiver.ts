/**
 * The webhook receiver: the key first (which studio sent the call), then the body (one event per
 * payload item), then the memory of events already seen, then the handler, once per new event.
 * Whatever a caller sends and whatever a handler or onError throws, a call ends in an answer and
 * nothing escapes as an unhandled error.
 */
import { webhookDelivery } from "../../generated/contract.js";
import { ClassBookingError } from "../core/errors.js";
import type { ReceiverCore } from "./adapters/common.js";
import { answerFetch } from "./adapters/fetch.js";
import { nodeAdapter, type NodeRequestLike, type NodeResponseLike } from "./adapters/node.js";
import { asError, DEFAULT_MAX_BODY_BYTES, parseEvents, WebhookError, type WebhookEvent } from "./event.js";
import { keyMatcher, type Keys } from "./keys.js";
import { memorySeenStore, type SeenStore } from "./seen.js";

/** Answer a second before the API stops waiting, so a slow handler never costs the event. */
const RESPOND_WITHIN_MS = webhookDelivery.timeoutMs - 1_000;
/** The longest line the default onError writes. */
const WARN_CHARS = 300;

export interface WebhookReceiverOptions<Studio> {
  /**
   * The studios' webhook keys (not their API keys): one key, a map from each key to its studio
   * (whatever the app needs to call the API for it, e.g. `{ baseUrl, apiKey }`), or a lookup
   * from a key to its studio. A one-key receiver's studio is undefined.
   */
  keys: Keys<Studio>;
  /**
   * Handles each new event (one per payload item, in order), for the adapters (`receive` leaves it
   * to the caller).
   * @default undefined
   */
  onEvent?: (event: WebhookEvent, studio: Studio) => unknown;
  /**
   * Hears about refused calls and handler failures, always as an Error (never with the key or the
   * body).
   * @default one console.warn line each
   */
  onError?: (error: Error) => void;
  /**
   * Where events already received are remembered (by uuid and payload index).
   * @default memorySeenStore(): the last 10000, within 2 MiB, for 24 hours
   */
  seen?: SeenStore;
  /**
   * The largest body accepted, in bytes; larger calls are refused with 413 as soon as the size
   * shows.
   * @default 65536
   */
  maxBodyBytes?: number;
  /**
   * How long an adapter waits for onEvent before answering 200 anyway (a second under how long the
   * API waits).
   * @default 4000
   */
  respondWithinMs?: number;
}

/** A received call: its studio and its events, those seen before apart. */
export interface Received<Studio> {
  studio: Studio;
  /** The new events, one per payload item not seen before, in payload order. */
  events: WebhookEvent[];
  /** The events whose uuid and index were seen before (not to be handled again). */
  duplicates: WebhookEvent[];
}

/** Writes one line for a failure: the error's name and its message, on one line, cut short. */
function warn(error: Error): void {
  const line = `class-booking-api/webhooks: ${error.name}: ${String(error.message)}`.replace(/\s+/g, " ");
  console.warn(line.length > WARN_CHARS ? `${line.slice(0, WARN_CHARS)}...` : line);
}

/** Throws the error of a wrong option unless `ok`. */
function requireOption(ok: boolean, name: string, rule: string): void {
  if (!ok) throw new ClassBookingError(`createWebhookReceiver: option "${name}" ${rule}`);
}

export class WebhookReceiver<Studio> {
  private readonly match: (key: string) => Promise<{ studio: Studio } | undefined>;
  private readonly seen: SeenStore;
  private readonly maxBodyBytes: number;
  private readonly respondWithinMs: number;
  private readonly core: ReceiverCore;

  constructor(private readonly options: WebhookReceiverOptions<Studio>) {
    const {
      maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
      respondWithinMs = RESPOND_WITHIN_MS,
      onEvent,
      onError,
    } = options;
    requireOption(
      Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0,
      "maxBodyBytes",
      "must be a positive whole number of bytes",
    );
    requireOption(
      Number.isFinite(respondWithinMs) && respondWithinMs >= 0,
      "respondWithinMs",
      "must be a number of ms, 0 or more",
    );
    requireOption(onEvent === undefined || typeof onEvent === "function", "onEvent", "must be a function");
    requireOption(onError === undefined || typeof onError === "function", "onError", "must be a function");
    this.match = keyMatcher(options.keys);
    this.seen = options.seen ?? memorySeenStore();
    this.maxBodyBytes = maxBodyBytes;
    this.respondWithinMs = respondWithinMs;
    this.core = {
      maxBodyBytes,
      studioOf: (key) => this.studioOf(key),
      answer: (studio, body) => this.answer(studio as Studio, body),
      refuse: (error) => this.refuse(error),
    };
  }

  /**
   * Checks a call: the key (401), the size (413), the body (400); then sets apart events seen
   * before. Runs no handler.
   */
  async receive(call: {
    key: string | null | undefined;
    body: string | Uint8Array | ArrayBuffer | object;
  }): Promise<Received<Studio>> {
    return this.accept(await this.studioOf(call.key), call.body);
  }

  /**
   * For fetch-style servers, Next.js route handlers, Hono, Deno, Bun: a Request in, a Response out
   * (never a rejection).
   */
  readonly fetchHandler = (request: Request): Promise<Response> => answerFetch(this.core, request);

  /**
   * For Node's (req, res): node:http, Express (put it before any body parser, or after
   * express.raw()). Never rejects.
   */
  nodeHandler(): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
    return nodeAdapter(this.core);
  }

  private async studioOf(key: string | null | undefined): Promise<Studio> {
    const found = key ? await this.match(key) : undefined;
    if (!found) throw new WebhookError(401, "WEBHOOK_KEY_INVALID", "the webhook key is missing or unknown");
    return found.studio;
  }

  private async accept(
    studio: Studio,
    body: string | Uint8Array | ArrayBuffer | object,
  ): Promise<Received<Studio>> {
    const received: Received<Studio> = { studio, events: [], duplicates: [] };
    let failed: unknown;
    for (const event of parseEvents(body, this.maxBodyBytes)) {
      let first = true;
      try {
        first = await this.seen.firstTime(`${event.uuid}#${event.index}`);
      } catch (error) {
        failed ??= error; // An event is better handled twice than lost: the store's failure counts as new.
      }
      (first ? received.events : received.duplicates).push(event);
    }
    if (failed !== undefined)
      this.report(
        new WebhookError(500, "SEEN_STORE_FAILED", "the seen store failed; events were taken as new", [], {
          cause: failed,
        }),
      );
    return received;
  }

  /**
   * Receives a body for a studio and runs the handler on each new event, within respondWithinMs;
   * says what to answer.
   */
  private async answer(
    studio: Studio,
    body: string | Uint8Array | ArrayBuffer | object,
  ): Promise<{ status: number; body: object }> {
    let received: Received<Studio>;
    try {
      received = await this.accept(studio, body);
    } catch (error) {
      return this.refuse(error);
    }
    const { events, duplicates } = received;
    const failures: Error[] = [];
    const run = (async () => {
      for (const event of events) {
        try {
          await this.options.onEvent?.(event, studio);
        } catch (thrown) {
          const error = asError(thrown);
          failures.push(error);
          this.report(error);
        }
      }
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.respondWithinMs)));
    try {
      // A handler still running keeps running; its failures reach onError all the same.
      await Promise.race([run, late]);
    } finally {
      clearTimeout(timer);
    }
    if (failures.length)
      return {
        status: 500,
        body: { errorMessage: "webhook: the event handler failed", errorCode: "EVENT_HANDLER_FAILED" },
      };
    return {
      status: 200,
      body: { received: true, ...(!events.length && duplicates.length > 0 && { duplicate: true }) },
    };
  }

  /** The answer to a refused call; onError hears why. */
  private refuse(error: unknown): { status: number; body: object } {
    const refused =
      error instanceof WebhookError
        ? error
        : new WebhookError(500, "RECEIVER_FAILED", "the receiver failed", [], { cause: error });
    this.report(error instanceof WebhookError ? error : asError(error));
    return { status: refused.status, body: { errorMessage: refused.message, errorCode: refused.code } };
  }

  /** Tells onError, as an Error; an onError that throws or rejects is contained. */
  private report(error: Error): void {
    try {
      const told: unknown = (this.options.onError ?? warn)(error);
      if (
        told !== null &&
        typeof told === "object" &&
        typeof (told as PromiseLike<unknown>).then === "function"
      ) {
        (told as PromiseLike<unknown>).then(undefined, () => {});
      }
    } catch {
      // A logger that is down must not take the receiver with it.
    }
  }
}

/** Makes a receiver. */
export function createWebhookReceiver<Studio = undefined>(
  options: WebhookReceiverOptions<Studio>,
): WebhookReceiver<Studio> {
  return new WebhookReceiver(options);
}
