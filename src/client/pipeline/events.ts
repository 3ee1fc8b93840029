/**
 * Hooks, logs and traces: the only place that knows about them. The transport tells an Observer
 * what happens to a call; the observer hands it on to the user's hooks, logger and tracing,
 * never with the key or a header's secret, and no body unless logging bodies was asked for. A
 * hook or logger that throws never breaks a call.
 */
import { redactHeaders } from "../../core/errors.js";
import type { Call } from "./transport.js";

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
  /** Before each attempt is sent. */
  onRequest?(info: CallInfo): void;
  /** When an attempt got an answer (any status). */
  onResponse?(info: CallInfo): void;
  /** Before the wait for a retry: why, and how long the wait is. */
  onRetry?(info: CallInfo & { reason: string; delayMs: number }): void;
  /** When the rate limit makes a call wait or refuses it, or a 429 closes the operation. */
  onRateLimit?(info: CallInfo & { waitMs: number; refused: boolean }): void;
  /** When the call fails, with the error it rejects with. */
  onError?(info: CallInfo & { error: unknown }): void;
}

/** The part of a console the logger uses. */
export type Logger = Pick<Console, "debug" | "info" | "warn" | "error">;
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

/** What the observer notes on a call between its steps. */
export interface Progress {
  started: number;
  attemptStarted: number;
  status?: number | undefined;
  traceId?: string | undefined;
}

/** Hands what happens to a call on to the user's hooks and logger; its state lives on the call. */
export class Observer {
  /** Whether anything needs the attempts' timings (any hook, or debug logs); otherwise attempts cost nothing here. */
  private readonly everyStep: boolean;

  constructor(
    private readonly hooks: Hooks,
    private readonly logger: Logger | undefined,
    /** The index in LOG_LEVELS of the lowest level that is logged. */
    private readonly level: number,
    private readonly bodies: boolean,
    private readonly now: () => number,
  ) {
    this.everyStep = Object.values(hooks).some(Boolean) || (!!logger && level === 0);
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch {
      // A hook or logger of the user's that throws must not change the call.
    }
  }

  private log(call: Call, level: LogLevel, text: string): void {
    if (this.logger && LOG_LEVELS.indexOf(level) >= this.level) this.safely(() => this.logger![level as "debug"](`class-booking-api: ${call.operationId}: ${text}`));
  }

  private info(call: Call, durationMs?: number): CallInfo {
    const p = call.progress;
    const at = this.now();
    return {
      operationId: call.operationId,
      method: call.method,
      url: call.url,
      attempt: Math.max(call.attempts ?? 1, 1),
      durationMs: durationMs ?? at - (p?.started ?? at),
      ...(p?.status !== undefined && { status: p.status }),
      ...(p?.traceId !== undefined && { traceId: p.traceId }),
    };
  }

  request(call: Call): void {
    if (!this.everyStep) return;
    const at = this.now();
    const p = (call.progress ??= { started: at, attemptStarted: at });
    p.attemptStarted = at;
    p.status = undefined;
    this.safely(() => this.hooks.onRequest?.(this.info(call)));
    if (this.level > 0) return;
    const body = this.bodies && typeof call.body == "string" ? ` body ${call.body}` : "";
    this.log(call, "debug", `${call.method} ${call.url} (attempt ${call.attempts}) headers ${JSON.stringify(redactHeaders(call.headers))}${body}`);
  }

  response(call: Call, status: number, text: string | undefined): void {
    if (!this.everyStep) return;
    const p = call.progress!;
    p.status = status;
    p.traceId = status >= 400 && text ? errorTraceId(text) : undefined;
    const took = this.now() - p.attemptStarted;
    this.safely(() => this.hooks.onResponse?.(this.info(call, took)));
    this.log(call, "debug", `${call.method} ${call.url} -> ${status} in ${took} ms (attempt ${call.attempts})${this.bodies && text ? ` body ${text}` : ""}`);
  }

  retry(call: Call, reason: string, delayMs: number): void {
    this.safely(() => this.hooks.onRetry?.({ ...this.info(call), reason, delayMs }));
    this.log(call, "info", `retrying after ${reason} in ${delayMs} ms (attempt ${(call.attempts ?? 1) + 1} of ${call.maxRetries + 1})`);
  }

  rateLimit(call: Call, waitMs: number, refused: boolean): void {
    this.safely(() => this.hooks.onRateLimit?.({ ...this.info(call), waitMs, refused }));
    this.log(call, refused ? "warn" : "info", refused ? `rate limited: refused without sending (room in ${waitMs} ms)` : `rate limited: waiting ${waitMs} ms for room`);
  }

  closed(call: Call, ms: number): void {
    this.safely(() => this.hooks.onRateLimit?.({ ...this.info(call), waitMs: ms, refused: false }));
    this.log(call, "warn", `the API answered 429: the operation is closed for ${ms} ms`);
  }

  error(call: Call, error: unknown): void {
    if (!this.everyStep) return;
    this.safely(() => this.hooks.onError?.({ ...this.info(call), error }));
    this.log(call, "debug", `failed: ${(error as Error)?.message ?? error}`);
  }
}

/** The API's trace id in an error body, if it is an ErrorResponse with one. */
function errorTraceId(text: string): string | undefined {
  try {
    const traceId = (JSON.parse(text) as { traceId?: unknown })?.traceId;
    return typeof traceId == "string" ? traceId : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the log level from CLASS_BOOKING_LOG_LEVEL where there is an environment (Node, Bun, Deno with --allow-env). */
export function levelFromEnvironment(): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.CLASS_BOOKING_LOG_LEVEL;
  } catch {
    // Deno without --allow-env throws on env access: no level from the environment then.
    return undefined;
  }
}
