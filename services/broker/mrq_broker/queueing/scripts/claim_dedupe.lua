-- Claims dedupe keys for new jobs. A key is held by a job while its payload exists (queued,
-- delayed or started), or for ARGV[2] ms after it claimed the key (it is being recorded and has
-- no payload yet). A key held by another job answers that job's id; otherwise it is claimed.
--
-- KEYS[1]  dedupe         hash  dedupe key -> job id              (written)
-- KEYS[2]  payloads       hash  job id -> payload                 (read)
-- KEYS[3]  dedupe_claims  zset  job id -> claim time (ms)         (written)
-- ARGV[1] now (ms)   ARGV[2] claim hold (ms)   ARGV[3..] pairs of (dedupe key, new job id)
-- Returns, per pair, the id holding the key.
local now, hold = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - hold)
local held = {}
for i = 3, #ARGV, 2 do
  local key, id = ARGV[i], ARGV[i + 1]
  local holder = redis.call('HGET', KEYS[1], key)
  if not (holder and (redis.call('HEXISTS', KEYS[2], holder) == 1 or redis.call('ZSCORE', KEYS[3], holder))) then
    holder = id
    redis.call('HSET', KEYS[1], key, id)
    redis.call('ZADD', KEYS[3], now, id)
  end
  held[#held + 1] = holder
end
return held
