-- One call under a sliding-window rate limit, shared with lease_jobs.lua's rate limits: the
-- call is allowed, and counted, while fewer than ARGV[3] were in the last ARGV[2] ms.
--
-- KEYS[1]  zset  recent calls -> time (ms)   (written)
-- ARGV[1] now (ms)   ARGV[2] window (ms)   ARGV[3] limit   ARGV[4] a unique member for this call
-- Returns {1 if allowed else 0, calls left in the window}.
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then return {0, 0} end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return {1, limit - count - 1}
