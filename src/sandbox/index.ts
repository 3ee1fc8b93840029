/**
 * class-booking-api/sandbox: an in-memory studio that behaves like the API and checks its own
 * answers against the spec. One core that answers a WHATWG Request; `sandbox.fetch` hands it to
 * the client with no server at all, and `class-booking-api/mock` and `class-booking-api/msw` put it
 * behind node:http and Mock Service Worker. No `node:` import: it runs in browsers too.
 */
import { examples } from "../../generated/contract.js";
import { api } from "../../generated/operations.js";
import { handle } from "./handle.js";
import { seededStudio } from "./seed.js";
import { studioFromFixtures, type SandboxFixtures, type StudioState } from "./state.js";
import { Deliveries, hashOf, type SandboxEvent, type WebhookTarget } from "./deliveries.js";
import { Studio, type StudioEvent } from "./studio.js";

export type { Booking, Class, ClassRecord, ClassSlot, CustomerRecord, SandboxFixtures, SlotRecord, StudioState } from "./state.js";
export { Studio, Problem, type StudioEvent } from "./studio.js";
export type { Delivery, SandboxEvent, WebhookTarget } from "./deliveries.js";

export type Scope = "CLASSES_READ" | "CLASSES_WRITE";

export interface SandboxOptions {
  /** Makes the seeded studios; the same seed gives the same classes and slots. @default 1 */
  seed?: number;
  /** A studio of your own instead of the seeded one, for every key. @default undefined (seeded) */
  fixtures?: SandboxFixtures;
  /**
   * The sandbox clock: a time (the clock then stands still until setNow or advance) or a function
   * such as `Date.now` for a running clock.
   * @default a standing clock one day after the booking window of the spec's example slots opens
   */
  now?: number | string | Date | (() => number);
  /** The studio's time zone; date-times carry its offset. @default "Europe/Berlin" */
  timeZone?: string;
  /** Append `[time zone]` to every date-time, as some API versions do. @default false */
  zoneIds?: boolean;
  /** Scopes of particular keys; any other non-empty key has both scopes (or, with strictKeys, none). @default {} */
  keys?: Record<string, { scopes?: Scope[] }>;
  /** Only the keys in `keys` are valid; any other answers 401. @default false */
  strictKeys?: boolean;
  /** The API's rate limit: `limit` requests per `windowMs` per key and operation, then 429 for `lockoutMs`. @default false */
  rateLimit?: false | { limit: number; windowMs?: number; lockoutMs?: number };
  /** Check every answer against the spec; a violation answers 500 naming it. @default true */
  checkAnswers?: boolean;
  /**
   * Where to post events, as the API posts them to a studio's integration: each event once, with
   * the webhook `key` in X-API-KEY, within `timeoutMs`, never again if it fails. `apiKey` limits a
   * target to the studio of that key.
   * @default []
   */
  webhooks?: WebhookTarget[];
}

/** A snapshot of every studio and the clock; plain JSON, with keys only as hashes. */
export interface SandboxSnapshot {
  now: number;
  studios: Record<string, StudioState>;
}

const ALL_SCOPES: readonly Scope[] = ["CLASSES_READ", "CLASSES_WRITE"];

/** One day after the latest opening of the example slots' booking windows: every example slot is bookable. */
function exampleStart(): number {
  const slots = Object.values(examples.getClassSlotById?.["200"] ?? {}) as Array<{ earliestBookingDateTime?: string }>;
  return Math.max(...slots.map((s) => Date.parse(s.earliestBookingDateTime ?? ""))) + 86_400_000;
}

export class Sandbox {
  private readonly options: SandboxOptions;
  private readonly start: number;
  private readonly running: (() => number) | undefined;
  private offset = 0;
  private studios = new Map<string, Studio>();
  private hashes = new Map<string, string>();
  private requests = new Map<string, { times: number[]; lockedUntil: number }>();
  private listeners = new Set<(event: SandboxEvent) => void>();
  private traces = 0;
  private events = 0;
  private readonly calls = new Deliveries();
  /** Every webhook call made so far, in order. */
  readonly deliveries = this.calls.list;

  constructor(options: SandboxOptions = {}) {
    this.options = options;
    const { now } = options;
    this.running = typeof now === "function" ? now : undefined;
    this.start = typeof now === "function" ? 0 : now === undefined ? exampleStart() : new Date(now).getTime();
    if (Number.isNaN(this.start)) throw new TypeError(`createSandbox: option "now" is not a time: ${String(now)}`);
  }

  /** The sandbox clock. */
  now(): Date {
    return new Date(this.clock());
  }

  /** Sets the clock to a time. */
  setNow(time: number | string | Date): void {
    this.offset = new Date(time).getTime() - (this.running ? this.running() : this.start);
  }

  /** Moves the clock on (or back, with a negative number). */
  advance(ms: number): void {
    this.offset += ms;
  }

  private clock(): number {
    return (this.running ? this.running() : this.start) + this.offset;
  }

  /** Answers one request, as the API would; never rejects. */
  readonly handle = async (request: Request): Promise<Response> => {
    try {
      return await handle(request, {
        studioFor: (key) => this.studioForKey(key),
        scopesOf: (key) => this.options.keys?.[key]?.scopes ?? ALL_SCOPES,
        limit: (key, operationId) => this.limit(key, operationId),
        traceId: () => String(7_000_000_000_000_000_000n + BigInt(++this.traces)),
        checkAnswers: this.options.checkAnswers ?? true,
      });
    } catch (error) {
      const errorMessage = `The sandbox failed: ${(error as Error)?.message ?? error}`;
      return new Response(JSON.stringify({ errorMessage, errorCode: "SANDBOX_FAILED" }), { status: 500, headers: { "content-type": "application/json" } });
    }
  };

  /** A fetch function that answers from the sandbox: give it to createClassBookingClient. */
  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => this.handle(new Request(input, init));

  /** The studio of an API key (made on first use, seeded or from the fixtures). */
  async studio(apiKey: string): Promise<Studio> {
    const studio = await this.studioForKey(apiKey, true);
    return studio!;
  }

  private async studioForKey(key: string, always = false): Promise<Studio | undefined> {
    if (!always && this.options.strictKeys && !this.options.keys?.[key]) return undefined;
    let hash = this.hashes.get(key);
    if (!hash) this.hashes.set(key, (hash = await hashOf(key)));
    let studio = this.studios.get(hash);
    if (!studio) this.studios.set(hash, (studio = this.makeStudio(this.freshState(), hash)));
    return studio;
  }

  private freshState(): StudioState {
    const { fixtures, seed = 1, timeZone = "Europe/Berlin" } = this.options;
    return fixtures ? studioFromFixtures(fixtures) : seededStudio({ seed, now: this.clock(), timeZone });
  }

  private makeStudio(state: StudioState, hash: string): Studio {
    return new Studio(state, () => ({
      now: this.clock(),
      timeZone: this.options.timeZone ?? "Europe/Berlin",
      zoneIds: this.options.zoneIds ?? false,
      emit: (event) => this.emit(event, hash),
    }));
  }

  /** Counts a request; past the limit, the operation answers 429 to the key for the lockout. */
  private limit(key: string, operationId: string): number {
    const rule = this.options.rateLimit;
    if (!rule) return 0;
    const now = this.clock();
    const id = `${key}\n${operationId}`;
    const log = this.requests.get(id) ?? { times: [], lockedUntil: 0 };
    this.requests.set(id, log);
    if (log.lockedUntil > now) return log.lockedUntil - now;
    log.times = log.times.filter((t) => t > now - (rule.windowMs ?? api.rateLimit.windowMs));
    log.times.push(now);
    if (log.times.length <= rule.limit) return 0;
    log.lockedUntil = now + (rule.lockoutMs ?? api.rateLimit.lockoutMs);
    return log.lockedUntil - now;
  }

  /** Hears every event the studios raise (bookings made, changed, canceled; slots changed, canceled). */
  onEvent(listener: (event: SandboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit({ type, entityId, content }: StudioEvent, studio: string): void {
    const n = ++this.events;
    const uuid = `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    const event: SandboxEvent = { entityId, uuid, payload: [{ timestamp: this.clock(), type, ...(content && { content }) }] };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own.
      }
    }
    this.calls.send(this.options.webhooks ?? [], event, studio);
  }

  /** Resolves when every webhook call under way has ended (answered, failed or timed out). */
  settled(): Promise<void> {
    return this.calls.settled();
  }

  /** Back to the start: fresh studios, the clock where it began, no rate-limit history. */
  reset(): void {
    this.studios.clear();
    this.requests.clear();
    this.offset = 0;
    this.traces = 0;
  }

  /** Every studio and the clock, as plain JSON (keys appear only as hashes). */
  snapshot(): SandboxSnapshot {
    return structuredClone({ now: this.clock(), studios: Object.fromEntries([...this.studios].map(([hash, studio]) => [hash, studio.state])) });
  }

  /** Puts the studios and the clock back to a snapshot. */
  restore(snapshot: SandboxSnapshot): void {
    this.studios = new Map(Object.entries(structuredClone(snapshot.studios)).map(([hash, state]) => [hash, this.makeStudio(state, hash)]));
    this.requests.clear();
    this.setNow(snapshot.now);
  }
}

/** Makes a sandbox. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}
