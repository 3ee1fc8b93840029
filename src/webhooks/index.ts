/**
 * class-booking-api/webhooks: receive the API's event calls safely. The key is checked first, in
 * constant time, against the studios' webhook keys; the body is read within a size limit and
 * becomes one typed event per payload item (every type the API sends, not only class events);
 * events seen before are dropped; nothing a sender, a handler or onError does can take the
 * process down. Adapters answer WHATWG Requests (fetch-style servers, Next.js route handlers,
 * Hono) and Node's (req, res) (node:http, Express). No `node:` import: it runs in Node, Deno, Bun
 * and edge runtimes.
 */
export { createWebhookReceiver, WebhookReceiver } from "./receiver.js";
export type { Received, WebhookReceiverOptions } from "./receiver.js";
export { parseEvents, WebhookError } from "./event.js";
export type { KnownWebhookEvent, UnknownWebhookEvent, WebhookBody, WebhookEvent } from "./event.js";
export { memorySeenStore } from "./seen.js";
export type { MemorySeenStoreOptions, SeenStore } from "./seen.js";
export type { NodeRequestLike, NodeResponseLike } from "./adapters/node.js";
export type { Keys } from "./keys.js";
