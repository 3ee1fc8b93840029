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
import type { Call, CallEvent, CallEvents, Emit, Listener } from "./types.js";

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
  /** Adds a listener after those of the event before it; what it throws is dropped, so the call goes on. */
  const on = <E extends CallEvent>(event: E, listener: Listener<E>): void => {
    const before = emit[event] as ((call: Call, a?: unknown, b?: unknown) => void) | undefined;
    const next = listener as (call: Call, a?: unknown, b?: unknown) => void;
    emit[event] = ((call: Call, a?: unknown, b?: unknown) => {
      before?.(call, a, b);
      try {
        next(call, a, b);
      } catch {
        // A hook or logger of the user's that throws must not change the call.
      }
    }) as Emit[E];
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

  // The hooks, each called as a method of the hooks object.
  if (hooks.onRequest) on("sent", (call) => hooks.onRequest!(info(call)));
  if (hooks.onResponse) on("answered", (call) => hooks.onResponse!(info(call, progress.get(call)!.took)));
  if (hooks.onRetry)
    on("retrying", (call, reason, delayMs) => hooks.onRetry!({ ...info(call), reason, delayMs }));
  if (hooks.onRateLimit) {
    const rateLimit = (refused: boolean) => (call: Call, waitMs: number) =>
      hooks.onRateLimit!({ ...info(call), waitMs, refused });
    on("waiting", rateLimit(false));
    on("refused", rateLimit(true));
    on("closed", rateLimit(false));
  }
  if (hooks.onError) on("failed", (call, error) => hooks.onError!({ ...info(call), error }));

  // The log lines, each event at its level; events below the lowest level logged are not listened to.
  const log = <E extends CallEvent>(
    event: E,
    level: LogLevel,
    line: (call: Call, ...details: CallEvents[E]) => string,
  ) => {
    if (LOG_LEVELS.indexOf(level) < rank) return;
    on(event, ((call: Call, ...details: CallEvents[E]) =>
      logger[level as "debug"](
        `class-booking-api: ${call.operationId}: ${line(call, ...details)}`,
      )) as Listener<E>);
  };
  log("sent", "debug", ({ method, url, attempts, headers, body }) => {
    const shown = logBodies && typeof body == "string" ? ` body ${body}` : "";
    return `${method} ${url} (attempt ${attempts}) headers ${JSON.stringify(redactHeaders(headers))}${shown}`;
  });
  log("answered", "debug", (call, status, text) => {
    const shown = logBodies && text ? ` body ${text}` : "";
    return `${call.method} ${call.url} -> ${status} in ${progress.get(call)!.took} ms (attempt ${call.attempts})${shown}`;
  });
  log("retrying", "info", ({ attempts, maxRetries }, reason, delayMs) => {
    return `retrying after ${reason} in ${delayMs} ms (attempt ${attempts + 1} of ${maxRetries + 1})`;
  });
  log("waiting", "info", (_, waitMs) => `rate limited: waiting ${waitMs} ms for room`);
  log("refused", "warn", (_, waitMs) => `rate limited: refused without sending (room in ${waitMs} ms)`);
  log("closed", "warn", (_, ms) => `the API answered 429: the operation is closed for ${ms} ms`);
  log("failed", "debug", (_, error) => `failed: ${(error as Error)?.message ?? error}`);

  // The span: opened as the call starts, the call runs inside it, ended with the call.
  if (tracing) {
    emit.started = ({ operationId, method, url }, urlTemplate) =>
      tracing.start({ operationId, method, urlTemplate, url });
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
