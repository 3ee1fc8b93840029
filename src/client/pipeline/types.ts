/**
 * The shapes a call takes through the pipeline, declared once. Every module of pipeline/ takes
 * its types from here and none from another module, so no two of them depend on each other.
 */
import type { TraceSpan } from "../../core/tracing.js";
import type { RetryClass } from "./retry.js";

/** One call of an operation: what is sent, and within which bounds. */
export interface Call {
  operationId: string;
  method: string;
  url: string;
  /** The request's headers, the key included; never shown anywhere without redaction. */
  headers: Record<string, string>;
  body: BodyInit | undefined;
  retry: RetryClass;
  timeoutMs: number;
  maxRetries: number;
  /** The caller's own signal: an abort rejects at once with its reason and is never retried. */
  signal: AbortSignal | undefined;
  /** How many attempts were sent so far. The transport counts them: nothing else writes to a call. */
  attempts: number;
}

/** What a call takes from the client's settings and its own call options. */
export type CallSettings = Pick<Call, "headers" | "timeoutMs" | "maxRetries" | "signal">;

/** The final answer of a call: its response and the whole body as text. */
export interface Answer {
  response: Response;
  text: string;
}

/** Clock, randomness and sleep: real ones by default, fixed ones in tests. */
export interface Runtime {
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  random: () => number;
}

/** The client-side rate limit, as the transport sees it. */
export interface Gate {
  /**
   * Holds a place for the call's next attempt and answers its id: at once, after a wait in line, or
   * a RateLimitError.
   */
  admit(call: Call): string | Promise<string>;
  /** The attempt holding `place` got its answer or ended: the place ends now. */
  release(call: Call, place: string): void;
  /** A 429 came: closes the operation for `ms` (Retry-After) or the lockout; answers how long. */
  close(call: Call, ms: number | undefined): Promise<number>;
}

/** The events of a call's life, by name, with what each tells besides the call. */
export interface CallEvents {
  /** An attempt is about to be sent (`call.attempts` counts it already). */
  sent: [];
  /** An attempt got an answer: its status, and the body when it was read. */
  answered: [status: number, text: string | undefined];
  /** An attempt failed and another comes: why, and how long the wait before it is. */
  retrying: [reason: string, delayMs: number];
  /** The rate limit has no room yet: the call waits this long before it asks again. */
  waiting: [waitMs: number];
  /** The rate limit refuses the call before anything is sent: room comes in this long. */
  refused: [waitMs: number];
  /** A 429 closed the operation for this long. */
  closed: [ms: number];
  /** The call fails with this error. */
  failed: [error: unknown];
}
export type CallEvent = keyof CallEvents;
export type Listener<E extends CallEvent> = (call: Call, ...details: CallEvents[E]) => void;

/**
 * What the pipeline emits to: each event's listeners joined into one function, and none for an
 * event nobody listens to, so `emit.sent?.(call)` costs nothing then. `started` is the one
 * listener that answers: the scope (a span) the call runs in, ended with the call; it is told the
 * operation's path as the spec writes it (`/v1/classes/{classId}`).
 */
export type Emit = { readonly [E in CallEvent]?: Listener<E> } & {
  readonly started?: (call: Call, template: string) => TraceSpan;
};
