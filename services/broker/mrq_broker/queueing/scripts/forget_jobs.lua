-- Forgets jobs that became final: their payload, their raw claim, and their dedupe key if they
-- still hold it (so a new job with that key may be enqueued): forget() in scripts/shared.lua.
--
-- KEYS[1]  payloads    hash  job id -> payload (jobs/payloads.py: 3rd header field = dedupe key)
-- KEYS[2]  dedupe      hash  dedupe key -> job id   (compare-and-delete)
-- KEYS[3]  raw_claims  hash  job id -> raw claim
-- ARGV     the job ids
forget(KEYS[1], KEYS[2], KEYS[3], ARGV, each_chunk('HMGET', KEYS[1], ARGV))
return 0
