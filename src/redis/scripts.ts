/**
 * The Lua scripts of the Redis store (redis.ts). Each step is one script, so a window and its
 * block change atomically, and time is Redis's own.
 */
const NOW =
  "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";
/**
 * KEYS: log, block. ARGV: limit, windowMs, holdMs, id, the run id the caller knows ('' for any).
 * The log holds each place's end (for a place in flight, when its hold runs out) by id.
 * Returns { wait (0: taken), the server's run id, ms until the latest end in the log }, or
 * { -1, run id } when the server is not the one the caller knows: it restarted, and lost places.
 */
export const TAKE = `local info = redis.pcall('INFO', 'server')
local run = type(info) == 'string' and string.match(info, 'run_id:(%w+)') or ''
if ARGV[5] ~= '' and run ~= '' and ARGV[5] ~= run then return {-1, run, 0} end
${NOW}
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return {blocked - now, run, 0} end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local latest = math.max(now, tonumber(last[2] or now))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  local untilMs = now + tonumber(ARGV[3])
  redis.call('ZADD', KEYS[1], untilMs, ARGV[4])
  local ttl = math.max(latest, untilMs) + window - now
  if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
  return {0, run, math.max(latest, untilMs) - now}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {math.max(1, math.min(tonumber(first[2]), now) + window - now), run, latest - now}`;
/**
 * KEYS: log. ARGV: id, windowMs. The place ends now, if the log still holds it (its hold did not
 * run out a window ago).
 */
export const RELEASE = `${NOW}
local ends = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '-1')
if ends > now - tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[1])
  if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
end
return 0`;
/** KEYS: block. ARGV: ms. Keeps the later of the current and the new block. */
export const BLOCK = `${NOW}
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], untilMs, 'PX', math.max(1, tonumber(ARGV[1]))) end
return 0`;
/** KEYS: block. Returns the ms the block still lasts. */
export const BLOCKED = `${NOW}
return math.max(0, tonumber(redis.call('GET', KEYS[1]) or '0') - now)`;
