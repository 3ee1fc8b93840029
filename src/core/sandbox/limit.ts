/** The API's rate limit in the sandbox: a budget per key and operation, then a lockout answered with 429. */
import { api } from "../../../generated/operations.js";
import type { StudioEntry } from "./studios.js";

export interface LimitRule {
  limit: number;
  windowMs?: number;
  lockoutMs?: number;
}

/**
 * Counts a request of a key to an operation at `now` (the lockout clock); answers the ms the
 * operation stays locked out for the key, or 0 to go ahead.
 */
export function countRequest(entry: StudioEntry, operationId: string, rule: LimitRule, now: number): number {
  const limits = (entry.limits ??= new Map());
  let log = limits.get(operationId);
  if (!log) limits.set(operationId, (log = { times: [], lockedUntil: 0 }));
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
