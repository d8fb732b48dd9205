-- Forgets jobs that became final: their payload, their raw claim, and their dedupe key if they
-- still hold it (so a new job with that key may be enqueued).
--
-- KEYS[1]  payloads    hash  job id -> payload (jobs/payloads.py: 3rd header field = dedupe key)
-- KEYS[2]  dedupe      hash  dedupe key -> job id   (compare-and-delete)
-- KEYS[3]  raw_claims  hash  job id -> raw claim
-- ARGV     the job ids
for k, p in ipairs(each_chunk('HMGET', KEYS[1], ARGV)) do
  local key = p and string.match(p, '^[^\31\n]*\31[^\31\n]*\31([^\31\n]*)')
  if key and key ~= '' and redis.call('HGET', KEYS[2], key) == ARGV[k] then redis.call('HDEL', KEYS[2], key) end
end
each_chunk('HDEL', KEYS[1], ARGV)
each_chunk('HDEL', KEYS[3], ARGV)
return 0
