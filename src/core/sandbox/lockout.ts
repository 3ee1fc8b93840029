/**
 * The API's rate limit in the sandbox: each key's requests to each operation counted in a window,
 * and past the budget a lockout, answered with 429, that no request shortens.
 */
import { api } from "../../../generated/operations.js";
import type { StudioEntry } from "./studios.js";

/**
 * The sandbox's rate limit: `limit` requests per `windowMs`, then a lockout of `lockoutMs` (the
 * spec's window and lockout by default).
 */
export interface RateLimitRule {
  limit: number;
  windowMs?: number;
  lockoutMs?: number;
}

/**
 * Counts a request of a key to an operation at `now` (the lockout clock); answers the ms the
 * operation stays locked out for the key, or 0 to go ahead.
 */
export function countRequest(
  entry: StudioEntry,
  operationId: string,
  rule: RateLimitRule,
  now: number,
): number {
  const logs = (entry.requestLogs ??= new Map());
  let log = logs.get(operationId);
  if (!log) logs.set(operationId, (log = { times: [], lockedUntil: 0 }));
  if (log.lockedUntil > now) return log.lockedUntil - now;
  const windowStart = now - (rule.windowMs ?? api.rateLimit.windowMs);
  let expired = 0;
  while (expired < log.times.length && log.times[expired]! <= windowStart) expired++;
  if (expired) log.times.splice(0, expired);
  log.times.push(now);
  if (log.times.length <= rule.limit) return 0;
  log.times = [];
  log.lockedUntil = now + (rule.lockoutMs ?? api.rateLimit.lockoutMs);
  return log.lockedUntil - now;
}
