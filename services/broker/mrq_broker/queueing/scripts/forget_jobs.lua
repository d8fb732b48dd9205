-- Forgets jobs that became final: their payload, their raw claim, and their dedupe key if they
-- still hold it (so a new job with that key may be enqueued).
--
-- KEYS[1]  payloads    hash  job id -> payload (jobs/payloads.py: 3rd header field = dedupe key)
-- KEYS[2]  dedupe      hash  dedupe key -> job id   (compare-and-delete)
-- KEYS[3]  raw_claims  hash  job id -> raw claim
-- ARGV     the job ids
for _, id in ipairs(ARGV) do
  local p = redis.call('HGET', KEYS[1], id)
  if p then
    local key = string.match(p, '^[^\31\n]*\31[^\31\n]*\31([^\31\n]*)')
    if key and key ~= '' and redis.call('HGET', KEYS[2], key) == id then redis.call('HDEL', KEYS[2], key) end
    redis.call('HDEL', KEYS[1], id)
  end
  redis.call('HDEL', KEYS[3], id)
end
return 0
