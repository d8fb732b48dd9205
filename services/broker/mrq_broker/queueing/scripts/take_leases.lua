-- Takes over leases, compare-and-set: a lease is taken only if its owner is still the expected
-- "<worker id> <token>". This is the guard on every status change of a started job: the worker
-- reporting its outcome and the broker cancelling or recovering the job each take the lease
-- first, so exactly one of them writes the job's next status.
-- The lease stays in KEYS[1] (with its expiry pushed to ARGV[1]) until the taker releases it,
-- so a taker that dies mid-way leaves a lease that expires and is recovered.
-- The taken jobs' payloads come back too, read under the lease: a report's commit needs them
-- (result TTL, taskset, raw queue), and this saves it a round trip.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)        (written)
-- KEYS[2]  lease_owners  hash  job id -> owner                    (compare-and-set)
-- KEYS[3]  payloads      hash  job id -> payload (jobs/payloads.py)   (read)
-- ARGV[1]  expiry while taken (ms)   ARGV[2] new owner   ARGV[3..] pairs of (job id, expected owner)
-- Returns {ids taken, their payloads (false where there is none)}.
local taken, payloads = {}, {}
for i = 3, #ARGV, 2 do
  local id, expected = ARGV[i], ARGV[i + 1]
  if redis.call('HGET', KEYS[2], id) == expected then
    redis.call('HSET', KEYS[2], id, ARGV[2])
    redis.call('ZADD', KEYS[1], ARGV[1], id)
    taken[#taken + 1] = id
    payloads[#payloads + 1] = redis.call('HGET', KEYS[3], id)
  end
end
return {taken, payloads}
