-- Claims up to ARGV[3] expired leases for recovery: their owner becomes ARGV[4], so a late
-- outcome from the old owner is refused, and their expiry moves to ARGV[2], so a broker that
-- dies while recovering them leaves them to expire, and be claimed, again.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)   (written)
-- KEYS[2]  lease_owners  hash  job id -> owner               (written)
-- ARGV[1]  now (ms)   ARGV[2] claim expiry (ms)   ARGV[3] max ids   ARGV[4] recovery owner
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[2], id)
  redis.call('HSET', KEYS[2], id, ARGV[4])
end
return ids
