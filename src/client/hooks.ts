/**
 * What the hooks and the logger of the client's options are given: the hook functions with what
 * they are told of a call, the logger's methods, and the log levels (events.ts calls them).
 */

/** What every hook is told about a call (never the key). */
export interface CallInfo {
  operationId: string;
  method: string;
  url: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  /** For onResponse: how long the attempt took; otherwise how long the call has taken so far (ms). */
  durationMs: number;
  /** The answer's status, once there is one. */
  status?: number;
  /** The API's trace id, when an error answer carried one. */
  traceId?: string;
}

export interface Hooks {
  /** Before each attempt is sent. @default undefined */
  onRequest?(info: CallInfo): void;
  /** When an attempt got an answer (any status). @default undefined */
  onResponse?(info: CallInfo): void;
  /** Before the wait for a retry: why, and how long the wait is. @default undefined */
  onRetry?(info: CallInfo & { reason: string; delayMs: number }): void;
  /** When the rate limit makes a call wait or refuses it, or a 429 closes the operation. @default undefined */
  onRateLimit?(info: CallInfo & { waitMs: number; refused: boolean }): void;
  /** When the call fails, with the error it rejects with. @default undefined */
  onError?(info: CallInfo & { error: unknown }): void;
}

/** The part of a console the logger uses. */
export type Logger = Pick<Console, "debug" | "info" | "warn" | "error">;
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
