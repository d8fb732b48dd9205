-- Queues the job of one schedule tick, once: the tick is recorded in the same step, so
-- replicas and retries firing the same tick (with the same deterministic job id) queue it once.
--
-- KEYS[1]  schedule ticks  zset: the latest queued ticks (ms), each scored by itself
-- KEYS[2]  payloads        hash: job id -> payload
-- KEYS[3]  queue           zset: queued job ids by score
-- KEYS[4]  known queues    set: every queue name
-- ARGV: tick (ms), ticks to keep, job id, payload, queue score, queue name, enqueued channel.
-- Returns 1 if it queued the job, 0 if that tick was queued before.
local tick, keep = ARGV[1], tonumber(ARGV[2])
if redis.call('ZADD', KEYS[1], 'NX', tick, tick) == 0 then
  return 0
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -keep - 1)
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3])
redis.call('SADD', KEYS[4], ARGV[6])
redis.call('PUBLISH', ARGV[7], ARGV[6])
return 1
