-- Takes over leases, compare-and-set: a lease is taken only if its owner is still the expected
-- "<worker id> <token>". This is the guard on every status change of a started job: the worker
-- reporting its outcome and the broker cancelling or recovering the job each take the lease
-- first, so exactly one of them writes the job's next status.
-- The lease stays in KEYS[1] (with its expiry pushed to ARGV[1]) until the taker releases it,
-- so a taker that dies mid-way leaves a lease that expires and is recovered.
-- The taken jobs' payloads come back too, read under the lease: a report's commit needs them
-- (result TTL, taskset, raw queue), and this saves it a round trip.
-- A reported success that stores nothing is ended here instead, in the report's one round trip:
-- a raw job with no record (its payload header's 5th field is "1") of a raw queue that stores
-- no success (ARGV[4..], by root name). It is forgotten as forget_jobs.lua does (payload, raw
-- claim, dedupe key), its lease released and its waiters told.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)        (written)
-- KEYS[2]  lease_owners  hash  job id -> owner                    (compare-and-set)
-- KEYS[3]  payloads      hash  job id -> payload (jobs/payloads.py)   (read; deleted if ended)
-- KEYS[4]  raw_claims    hash  job id -> raw claim                (deleted if ended)
-- KEYS[5]  dedupe        hash  dedupe key -> job id               (compare-and-delete if ended)
-- ARGV[1]  expiry while taken (ms)   ARGV[2] new owner   ARGV[3] channel of ended ids
-- ARGV[4]  n, then n raw queue roots that store no success; then triples of (job id, expected
--          owner, "1" if a success, which may end it here, else "")
-- Returns {ids taken, their payloads (false where there is none), ids ended, their headers}.
local nroots = tonumber(ARGV[4])
local quiet = {}
for r = 1, nroots do quiet[ARGV[4 + r]] = true end
local taken, payloads, ended, headers = {}, {}, {}, {}
for i = 5 + nroots, #ARGV, 3 do
  local id, expected = ARGV[i], ARGV[i + 1]
  if redis.call('HGET', KEYS[2], id) == expected then
    local p = redis.call('HGET', KEYS[3], id)
    local header, dedupe, raw_queue, unstored
    if p and ARGV[i + 2] == '1' then
      header = string.match(p, '^[^\n]*')
      dedupe, raw_queue, unstored = string.match(header, '^[^\31]*\31[^\31]*\31([^\31]*)\31([^\31]*)\31(.*)$')
    end
    if unstored == '1' and quiet[string.match(raw_queue, '^[^/]*')] then
      if dedupe ~= '' and redis.call('HGET', KEYS[5], dedupe) == id then redis.call('HDEL', KEYS[5], dedupe) end
      redis.call('HDEL', KEYS[3], id)
      redis.call('HDEL', KEYS[4], id)
      redis.call('HDEL', KEYS[2], id)
      redis.call('ZREM', KEYS[1], id)
      ended[#ended + 1] = id
      headers[#headers + 1] = header
    else
      redis.call('HSET', KEYS[2], id, ARGV[2])
      redis.call('ZADD', KEYS[1], ARGV[1], id)
      taken[#taken + 1] = id
      payloads[#payloads + 1] = p or false
    end
  end
end
if #ended > 0 then redis.call('PUBLISH', ARGV[3], table.concat(ended, ' ')) end
return {taken, payloads, ended, headers}
