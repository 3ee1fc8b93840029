/**
 * A call's lifecycle events, and the listeners the options plug in: the user's hooks, the log
 * lines, and the tracer's span. The pipeline only emits (types.ts, `Emit`); what listens is
 * decided once, when the client is made, and an event nobody listens to costs nothing. Hooks and
 * logs never see the key or a header's secret, and no body unless logging bodies was asked for;
 * a hook or logger that throws never breaks a call.
 */
import { redactHeaders } from "../../core/errors.js";
import type { CallInfo, LogLevel } from "../hooks.js";
import { LOG_LEVELS } from "../options.js";
import type { ResolvedOptions } from "../resolve.js";
import type { Call, CallEvent, Emit, Listener } from "./types.js";

/** What is known of a call between its events, while hooks or debug logs need it. */
interface Progress {
  started: number;
  attemptStarted: number;
  /** How long the last attempt took until its answer. */
  took: number;
  status?: number | undefined;
  traceId?: string | undefined;
}

type ListenedOptions = Pick<ResolvedOptions, "hooks" | "logger" | "logLevel" | "logBodies" | "tracing">;

/** Subscribes the hooks, logs and spans the options ask for; answers what the pipeline emits to. */
export function listen(options: ListenedOptions, now: () => number): Emit {
  const { hooks, logger, logLevel, logBodies, tracing } = options;
  const emit: { -readonly [E in keyof Emit]: Emit[E] } = {};
  const on = <E extends CallEvent>(event: E, listener: Listener<E>): void => {
    const before = emit[event] as ((call: Call, a?: unknown, b?: unknown) => void) | undefined;
    const next = listener as (call: Call, a?: unknown, b?: unknown) => void;
    emit[event] = (
      before ? (call: Call, a?: unknown, b?: unknown) => (before(call, a, b), next(call, a, b)) : next
    ) as Emit[E];
  };
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch {
      // A hook or logger of the user's that throws must not change the call.
    }
  };

  // Timings, status and trace id per call: only kept when a hook or a debug line will show them.
  const rank = LOG_LEVELS.indexOf(logLevel);
  const progress = new WeakMap<Call, Progress>();
  if (Object.values(hooks).some(Boolean) || rank === 0) {
    on("sent", (call) => {
      const at = now();
      const p = progress.get(call) ?? { started: at, attemptStarted: at, took: 0 };
      progress.set(call, p);
      p.attemptStarted = at;
      p.status = undefined;
    });
    on("answered", (call, status, text) => {
      const p = progress.get(call)!;
      p.status = status;
      p.traceId = status >= 400 && text ? errorTraceId(text) : undefined;
      p.took = now() - p.attemptStarted;
    });
  }
  const info = (call: Call, durationMs?: number): CallInfo => {
    const p = progress.get(call);
    const at = now();
    return {
      operationId: call.operationId,
      method: call.method,
      url: call.url,
      attempt: Math.max(call.attempts, 1),
      durationMs: durationMs ?? at - (p?.started ?? at),
      ...(p?.status !== undefined && { status: p.status }),
      ...(p?.traceId !== undefined && { traceId: p.traceId }),
    };
  };

  const { onRequest, onResponse, onRetry, onRateLimit, onError } = hooks;
  if (onRequest) on("sent", (call) => safely(() => onRequest(info(call))));
  if (onResponse) on("answered", (call) => safely(() => onResponse(info(call, progress.get(call)!.took))));
  if (onRetry) {
    on("retrying", (call, reason, delayMs) => safely(() => onRetry({ ...info(call), reason, delayMs })));
  }
  if (onRateLimit) {
    const rateLimit = (refused: boolean) => (call: Call, waitMs: number) =>
      safely(() => onRateLimit({ ...info(call), waitMs, refused }));
    on("waiting", rateLimit(false));
    on("refused", rateLimit(true));
    on("closed", rateLimit(false));
  }
  if (onError) on("failed", (call, error) => safely(() => onError({ ...info(call), error })));

  // Log lines, each event at its level; events below the lowest level logged are not listened to.
  const logs = (level: LogLevel) => LOG_LEVELS.indexOf(level) >= rank;
  const write = (level: Exclude<LogLevel, "off">, call: Call, text: string) =>
    safely(() => logger[level](`class-booking-api: ${call.operationId}: ${text}`));
  if (logs("debug")) {
    on("sent", (call) => {
      const body = logBodies && typeof call.body == "string" ? ` body ${call.body}` : "";
      const headers = JSON.stringify(redactHeaders(call.headers));
      write("debug", call, `${call.method} ${call.url} (attempt ${call.attempts}) headers ${headers}${body}`);
    });
    on("answered", (call, status, text) => {
      const body = logBodies && text ? ` body ${text}` : "";
      const took = progress.get(call)!.took;
      write(
        "debug",
        call,
        `${call.method} ${call.url} -> ${status} in ${took} ms (attempt ${call.attempts})${body}`,
      );
    });
    on("failed", (call, error) => write("debug", call, `failed: ${(error as Error)?.message ?? error}`));
  }
  if (logs("info")) {
    on("retrying", (call, reason, delayMs) => {
      const next = `attempt ${call.attempts + 1} of ${call.maxRetries + 1}`;
      write("info", call, `retrying after ${reason} in ${delayMs} ms (${next})`);
    });
    on("waiting", (call, waitMs) => write("info", call, `rate limited: waiting ${waitMs} ms for room`));
  }
  if (logs("warn")) {
    on("refused", (call, waitMs) =>
      write("warn", call, `rate limited: refused without sending (room in ${waitMs} ms)`),
    );
    on("closed", (call, ms) =>
      write("warn", call, `the API answered 429: the operation is closed for ${ms} ms`),
    );
  }

  // The span: opened as the call starts, the call runs inside it, ended with the call.
  if (tracing) {
    emit.started = ({ operationId, method, template, url }) =>
      tracing.start({ operationId, method, urlTemplate: template, url });
  }
  return emit;
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
