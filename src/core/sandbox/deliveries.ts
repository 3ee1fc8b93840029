/**
 * The sandbox's webhook calls: each event posted once to each target, as the API posts events to
 * a studio's integration, and a record of what became of every call (never with the key).
 */
import { sha256Hex } from "../hash.js";
import { webhookDelivery } from "../../../generated/contract.js";
import type { StudioEvent } from "./studio.js";

export interface WebhookTarget {
  url: string;
  /** The studio's webhook key (not its API key). */
  key: string;
  /** Only events of the studio of this API key. @default every studio */
  apiKey?: string;
  /** How long the receiver may take; the API gives it 5 s. @default 5000 */
  timeoutMs?: number;
}

/** What became of one webhook call (the key is not kept). */
export interface Delivery {
  url: string;
  uuid: string;
  type: string;
  /** The receiver's status, when it answered. */
  status?: number;
  /** Why it failed: "timeout" or the network error's message. */
  error?: string;
}

/** An event as the API sends it to integrations (the body of a webhook call). */
export interface SandboxEvent {
  entityId: number;
  uuid: string;
  payload: Array<{ timestamp: number; type: StudioEvent["type"]; content?: { classId: number } }>;
}

export class Deliveries {
  /** Every webhook call made so far, in order. */
  readonly list: Delivery[] = [];
  private pending = new Set<Promise<void>>();

  /** Starts the calls of one event of the studio with this key hash; does not wait for them. */
  send(targets: readonly WebhookTarget[], event: SandboxEvent, studio: string): void {
    for (const target of targets) {
      const sent = this.deliver(target, event, studio);
      this.pending.add(sent);
      void sent.finally(() => this.pending.delete(sent));
    }
  }

  /** Posts one event to one target: once, bounded by its timeout, never again. */
  private async deliver(target: WebhookTarget, event: SandboxEvent, studio: string): Promise<void> {
    if (target.apiKey !== undefined && (await sha256Hex(target.apiKey)) !== studio) return;
    const delivery: Delivery = { url: target.url, uuid: event.uuid, type: event.payload[0]!.type };
    this.list.push(delivery);
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", [webhookDelivery.keyHeader]: target.key },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(target.timeoutMs ?? webhookDelivery.timeoutMs),
      });
      delivery.status = response.status;
      await response.body?.cancel().catch(() => {});
    } catch (error) {
      delivery.error =
        (error as Error)?.name === "TimeoutError" ? "timeout" : String((error as Error)?.message ?? error);
    }
  }

  /** Resolves when every call under way has ended (answered, failed or timed out). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
