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
-- claim, dedupe key: forget() in scripts/shared.lua), its lease released and its waiters told.
-- Reads and writes go many jobs per command (each_chunk, scripts/shared.lua), not one each.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)        (written)
-- KEYS[2]  lease_owners  hash  job id -> owner                    (compare-and-set)
-- KEYS[3]  payloads      hash  job id -> payload (jobs/payloads.py)   (read; deleted if ended)
-- KEYS[4]  raw_claims    hash  job id -> raw claim                (deleted if ended)
-- KEYS[5]  dedupe        hash  dedupe key -> job id               (compare-and-delete if ended)
-- ARGV[1]  expiry while taken (ms)   ARGV[2] new owner   ARGV[3] channel of ended ids
-- ARGV[4]  n, then n raw queue roots that store no success; then triples of (job id, expected
--          owner, "1" if a success, which may end it here, else ""), each job id at most once
-- Returns {ids taken, their payloads (false where there is none), ids ended, their headers}.
local nroots = tonumber(ARGV[4])
local quiet = {}
for r = 1, nroots do quiet[ARGV[4 + r]] = true end
local ids, expected, success = {}, {}, {}
for i = 5 + nroots, #ARGV, 3 do
  local k = #ids + 1
  ids[k], expected[k], success[k] = ARGV[i], ARGV[i + 1], ARGV[i + 2] == '1'
end
local owners, stored = each_chunk('HMGET', KEYS[2], ids), each_chunk('HMGET', KEYS[3], ids)
local taken, payloads, ended, gone, headers, owned, expiring = {}, {}, {}, {}, {}, {}, {}
for k, id in ipairs(ids) do
  if owners[k] == expected[k] then
    local p = stored[k]
    local header, raw_queue, unstored
    if p and success[k] then
      header = string.match(p, '^[^\n]*')
      raw_queue, unstored = string.match(header, '^[^\31]*\31[^\31]*\31[^\31]*\31([^\31]*)\31(.*)$')
    end
    if unstored == '1' and quiet[string.match(raw_queue, '^[^/]*')] then
      ended[#ended + 1] = id
      gone[#gone + 1] = p
      headers[#headers + 1] = header
    else
      taken[#taken + 1] = id
      payloads[#payloads + 1] = p or false
      owned[#owned + 1] = id
      owned[#owned + 1] = ARGV[2]
      expiring[#expiring + 1] = ARGV[1]
      expiring[#expiring + 1] = id
    end
  end
end
if #ended > 0 then
  forget(KEYS[3], KEYS[5], KEYS[4], ended, gone)
  each_chunk('HDEL', KEYS[2], ended)
  each_chunk('ZREM', KEYS[1], ended)
  redis.call('PUBLISH', ARGV[3], table.concat(ended, ' '))
end
if #taken > 0 then
  each_chunk('HSET', KEYS[2], owned)
  each_chunk('ZADD', KEYS[1], expiring)
end
return {taken, payloads, ended, headers}
