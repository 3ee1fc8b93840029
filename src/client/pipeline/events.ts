/**
 * A call's lifecycle events, and the listeners the options plug in: the user's hooks, the log
 * lines, and the tracer's span. The pipeline only emits (types.ts, `Emit`); what listens is
 * decided once, when the client is made, and an event nobody listens to costs nothing. Hooks,
 * logs and spans never see the key or a header's secret, and, unless `logBodies` is on, no
 * personal data either: no body, no errorMessage of the API, and URLs masked (shown.ts). A
 * hook or logger that throws never breaks a call.
 *
 * Attempts are counted from 1 everywhere: the first send is attempt 1, the first retry attempt 2.
 * A retry's hook and log line name the attempt the wait leads to.
 */
import { redactHeaders } from "../../core/errors.js";
import { rows, type OperationRow } from "../../core/spec.js";
import type { CallInfo, LogLevel } from "../hooks.js";
import { LOG_LEVELS } from "../options.js";
import type { ResolvedOptions } from "../resolve.js";
import { failureText, maskUrl, withheldFailure } from "./shown.js";
import type { Call, CallEvent, CallEvents, Emit, Listener } from "./types.js";

/** What is known of a call between its events, while hooks or debug logs need it. */
interface Progress {
  started: number;
  attemptStarted: number;
  /** How long the last attempt took until its answer. */
  took: number;
  status?: number | undefined;
  traceId?: string | undefined;
  errorCode?: string | undefined;
}

type ListenedOptions = Pick<ResolvedOptions, "hooks" | "logger" | "logLevel" | "logBodies" | "tracing">;

/** Subscribes the hooks, logs and spans the options ask for; answers what the pipeline emits to. */
export function listen(options: ListenedOptions, now: () => number): Emit {
  const { hooks, logger, logLevel, logBodies, tracing } = options;
  // What is shown of a call's URL and failure: all of it with logBodies, else without personal data.
  let table: Map<string, OperationRow> | undefined;
  const shown = logBodies
    ? (call: Call) => call.url
    : (call: Call) =>
        maskUrl(call.url, (table ??= new Map<string, OperationRow>(rows)).get(call.operationId)!);
  const failure = logBodies
    ? (_call: Call, error: unknown) => failureText(error)
    : (call: Call, error: unknown) => withheldFailure(error, call.url, shown(call));
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
      const ids = status >= 400 && text ? errorIds(text) : undefined;
      p.traceId = ids?.traceId;
      p.errorCode = ids?.errorCode;
      p.took = now() - p.attemptStarted;
    });
  }
  const info = (call: Call, durationMs?: number): CallInfo => {
    const p = progress.get(call);
    const at = now();
    return {
      operationId: call.operationId,
      method: call.method,
      url: shown(call),
      attempt: Math.max(call.attempts, 1),
      durationMs: durationMs ?? at - (p?.started ?? at),
      ...(p?.status !== undefined && { status: p.status }),
      ...(p?.traceId !== undefined && { traceId: p.traceId }),
      ...(p?.errorCode !== undefined && { errorCode: p.errorCode }),
    };
  };

  // The hooks, each called as a method of the hooks object.
  if (hooks.onRequest) on("sent", (call) => hooks.onRequest!(info(call)));
  if (hooks.onResponse) on("answered", (call) => hooks.onResponse!(info(call, progress.get(call)!.took)));
  if (hooks.onRetry)
    on("retrying", (call, reason, delayMs) =>
      hooks.onRetry!({ ...info(call), attempt: call.attempts + 1, reason, delayMs }),
    );
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
  log("sent", "debug", (call) => {
    const { method, attempts, headers, body } = call;
    const told = logBodies && typeof body == "string" ? ` body ${body}` : "";
    return `${method} ${shown(call)} (attempt ${attempts}) headers ${JSON.stringify(redactHeaders(headers))}${told}`;
  });
  log("answered", "debug", (call, status, text) => {
    const told = logBodies && text ? ` body ${text}` : "";
    return `${call.method} ${shown(call)} -> ${status} in ${progress.get(call)!.took} ms (attempt ${call.attempts})${told}`;
  });
  log("retrying", "info", ({ attempts, maxRetries }, reason, delayMs) => {
    return `retrying after ${reason} in ${delayMs} ms (attempt ${attempts + 1} of ${maxRetries + 1})`;
  });
  log("waiting", "info", (_, waitMs) => `rate limited: waiting ${waitMs} ms for room`);
  log("refused", "warn", (_, waitMs) => `rate limited: refused without sending (room in ${waitMs} ms)`);
  log("closed", "warn", (_, ms) => `the API answered 429: the operation is closed for ${ms} ms`);
  log("failed", "debug", (call, error) => `failed: ${failure(call, error)}`);

  // The span: opened as the call starts, the call runs inside it, ended with the call.
  // The span is told the URL as logs show it, and a failure in the same words as the debug line.
  if (tracing) {
    emit.started = (call, urlTemplate) => {
      const { operationId, method } = call;
      const span = tracing.start({ operationId, method, urlTemplate, url: shown(call) });
      return {
        run: (fn) => span.run(fn),
        end: (outcome) =>
          span.end(
            outcome.error === undefined ? outcome : { ...outcome, message: failure(call, outcome.error) },
          ),
      };
    };
  }
  return emit;
}

/** The API's trace id and error code in an error body, where it is an ErrorResponse with them. */
function errorIds(text: string): { traceId?: string; errorCode?: string } | undefined {
  try {
    const { traceId, errorCode } = (JSON.parse(text) ?? {}) as { traceId?: unknown; errorCode?: unknown };
    return {
      ...(typeof traceId == "string" && { traceId }),
      ...(typeof errorCode == "string" && { errorCode }),
    };
  } catch {
    return undefined;
  }
}
