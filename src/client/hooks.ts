/**
 * What the hooks and the logger of the client's options are given: the hook functions with what
 * they are told of a call, the logger's methods, and the log levels (events.ts calls them).
 */

/**
 * What every hook is told about a call: never the key, and no personal data unless `logBodies`
 * is on, so it can go to a log as it is.
 */
export interface CallInfo {
  operationId: string;
  method: string;
  /**
   * The URL as logs show it: unless `logBodies` is on, query values and customer or booking ids in
   * the path are `***`.
   */
  url: string;
  /**
   * Which attempt the event is about, counted from 1: 1 is the first send, 2 the first retry.
   * For onRetry, the attempt that the wait leads to (the log line's "attempt 2 of 3").
   */
  attempt: number;
  /** For onResponse: how long the attempt took; otherwise how long the call has taken so far (ms). */
  durationMs: number;
  /** The answer's status, once there is one. */
  status?: number;
  /** The API's trace id, when an error answer carried one. */
  traceId?: string;
  /** The API's errorCode, when an error answer carried one (its errorMessage is never given here). */
  errorCode?: string;
}

export interface Hooks {
  /** Before each attempt is sent. @default undefined */
  onRequest?(info: CallInfo): void;
  /** When an attempt got an answer (any status). @default undefined */
  onResponse?(info: CallInfo): void;
  /** Before the wait for a retry: why, and how long the wait is. @default undefined */
  onRetry?(info: CallInfo & { reason: string; delayMs: number }): void;
  /**
   * When the rate limit makes a call wait or refuses it, or a 429 closes the operation.
   * @default undefined
   */
  onRateLimit?(info: CallInfo & { waitMs: number; refused: boolean }): void;
  /**
   * When the call fails, with the error it rejects with. That error is the caller's, whole: its
   * message holds the API's errorMessage and the full URL, so log the other fields instead.
   * @default undefined
   */
  onError?(info: CallInfo & { error: unknown }): void;
}

/** The part of a console the logger uses. */
export type Logger = Pick<Console, "debug" | "info" | "warn" | "error">;
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
