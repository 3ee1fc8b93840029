/**
 * class-booking-api/webhooks: receive the API's event calls safely. The key is checked in
 * constant time against the studios' webhook keys, the body against the spec, duplicates are
 * dropped by uuid, and every event comes out typed. Adapters answer WHATWG Requests (fetch-style
 * servers, Next.js route handlers, Hono) and Node's (req, res) (node:http, Express). No `node:`
 * import: it runs in Node, Deno, Bun and edge runtimes.
 */
import { webhookDelivery } from "../../generated/contract.js";
import { memorySeenStore, parseEvent, WebhookError, type SeenStore, type WebhookEvent } from "./event.js";
import { keyMatcher, type Keys } from "./keys.js";

export { memorySeenStore, parseEvent, WebhookError } from "./event.js";
export type { KnownWebhookEvent, SeenStore, UnknownWebhookEvent, WebhookEvent } from "./event.js";

/** Answer a second before the API stops waiting, so a slow handler never costs the event. */
const RESPOND_WITHIN_MS = webhookDelivery.timeoutMs - 1_000;

export interface WebhookReceiverOptions<Studio> {
  /**
   * The studios' webhook keys (not their API keys): one key, a map from each key to its studio
   * (whatever the app needs to call the API for it, e.g. its base URL and API key), or a lookup
   * from a key to its studio. A one-key receiver's studio is undefined.
   */
  keys: Keys<Studio>;
  /** Handles each new event, for the adapters (`receive` leaves it to the caller). @default undefined */
  onEvent?: (event: WebhookEvent, studio: Studio) => unknown;
  /** Hears about refused calls and handler failures (never with the key). @default undefined */
  onError?: (error: Error) => void;
  /** Where uuids are remembered. @default the last 10000 uuids, for 24 hours, in memory */
  seen?: SeenStore;
  /** The largest body accepted, in bytes; larger calls are refused with 413. @default 65536 */
  maxBodyBytes?: number;
  /** How long an adapter waits for onEvent before answering 200 anyway (a second under how long the API waits). @default 4000 */
  respondWithinMs?: number;
}

/** A received event and the studio that sent it; `duplicate` when its uuid was seen before. */
export interface Received<Studio> {
  event: WebhookEvent;
  studio: Studio;
  duplicate: boolean;
}

export class WebhookReceiver<Studio> {
  private readonly match: (key: string) => Promise<{ studio: Studio } | undefined>;
  private readonly seen: SeenStore;

  constructor(private readonly options: WebhookReceiverOptions<Studio>) {
    this.match = keyMatcher(options.keys);
    this.seen = options.seen ?? memorySeenStore();
  }

  /** Checks a call: the key (401), the size (413), the body (400); then drops a repeated uuid. */
  async receive(call: { key: string | null | undefined; body: string | Uint8Array | ArrayBuffer | object }): Promise<Received<Studio>> {
    const found = call.key ? await this.match(call.key) : undefined;
    if (!found) throw new WebhookError(401, "WEBHOOK_KEY_INVALID", "the webhook key is missing or unknown");
    const event = parseEvent(call.body, this.options.maxBodyBytes);
    const duplicate = !(await this.seen.firstTime(event.uuid));
    return { event, studio: found.studio, duplicate };
  }

  /** Receives a call and runs onEvent; answers with the status and body an adapter sends. */
  async answer(method: string, call: Parameters<WebhookReceiver<Studio>["receive"]>[0]): Promise<{ status: number; body: object }> {
    try {
      if (method.toUpperCase() !== "POST") throw new WebhookError(405, "METHOD_NOT_ALLOWED", `${method} is not allowed; the API posts events`);
      const { event, studio, duplicate } = await this.receive(call);
      if (duplicate) return { status: 200, body: { received: true, duplicate: true } };
      const handled = Promise.resolve().then(() => this.options.onEvent?.(event, studio));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, this.options.respondWithinMs ?? RESPOND_WITHIN_MS, "late")));
      try {
        await Promise.race([handled, late]);
      } finally {
        clearTimeout(timer);
      }
      // A handler still running keeps running; the API has its answer in time.
      handled.catch((error: unknown) => this.options.onError?.(error as Error));
      return { status: 200, body: { received: true } };
    } catch (error) {
      const refused = error instanceof WebhookError ? error : new WebhookError(500, "EVENT_HANDLER_FAILED", "the event handler failed");
      this.options.onError?.(error instanceof WebhookError ? error : (error as Error));
      return { status: refused.status, body: { errorMessage: refused.message, errorCode: refused.code } };
    }
  }

  /** For fetch-style servers, Next.js route handlers, Hono: a Request in, a Response out. */
  readonly fetchHandler = async (request: Request): Promise<Response> => {
    const length = Number(request.headers.get("content-length") ?? 0);
    const limit = this.options.maxBodyBytes ?? 65_536;
    const body = length > limit ? new Uint8Array(limit + 1) : new Uint8Array(await request.arrayBuffer());
    const { status, body: answer } = await this.answer(request.method, { key: request.headers.get(webhookDelivery.keyHeader), body });
    return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } });
  };

  /** For Node's (req, res): node:http, Express (put it before any body parser, or after express.raw()). */
  nodeHandler(): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
    return async (req, res) => {
      const limit = this.options.maxBodyBytes ?? 65_536;
      let body: Uint8Array | object;
      if (req.body !== undefined && req.body !== null) body = req.body;
      else {
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of req) {
          size += (chunk as Uint8Array).byteLength;
          if (size > limit) break;
          chunks.push(chunk as Uint8Array);
        }
        body = size > limit ? new Uint8Array(limit + 1) : concat(chunks, size);
      }
      const key = req.headers[webhookDelivery.keyHeader];
      const { status, body: answer } = await this.answer(req.method ?? "GET", { key: Array.isArray(key) ? key[0] : key, body });
      res.statusCode = status;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(answer));
    };
  }
}

/** What the Node adapter needs of a request: node:http's IncomingMessage, or Express's. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A body some middleware already read (raw bytes, or parsed JSON). */
  body?: unknown;
}
/** What the Node adapter needs of a response. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) out.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return out;
}

/** Makes a receiver. */
export function createWebhookReceiver<Studio = undefined>(options: WebhookReceiverOptions<Studio>): WebhookReceiver<Studio> {
  return new WebhookReceiver(options);
}

export type { Keys } from "./keys.js";
