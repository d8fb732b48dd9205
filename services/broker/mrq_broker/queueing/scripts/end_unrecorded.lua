-- Ends reported successes that store nothing, in the report's one round trip: raw jobs with no
-- record (the payload header's 5th field is "1") whose raw queue does not store success
-- (RAW_QUEUES statuses_no_storage). Each lease is checked as in take_leases.lua (compare-and-set
-- on its owner); a job still held by its reporter is forgotten at once, as forget_jobs.lua does
-- (payload, raw claim, dedupe key), its lease released and its waiters told. Any other outcome
-- is left as it was, for the committer to take and store.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)          (written)
-- KEYS[2]  lease_owners  hash  job id -> owner                      (compare-and-delete)
-- KEYS[3]  payloads      hash  job id -> payload (jobs/payloads.py)     (read, deleted)
-- KEYS[4]  raw_claims    hash  job id -> raw claim                  (deleted)
-- KEYS[5]  dedupe        hash  dedupe key -> job id                 (compare-and-delete)
-- ARGV[1]  channel the ended ids are published on   ARGV[2] n, then n raw queue roots that
--          store no success   ARGV[3 + n..] pairs of (job id, expected owner)
-- Returns {ids ended, their payload headers (the text line before the first "\n")}.
local nroots = tonumber(ARGV[2])
local quiet = {}
for r = 1, nroots do quiet[ARGV[2 + r]] = true end
local ended, headers = {}, {}
for i = 3 + nroots, #ARGV, 2 do
  local id, expected = ARGV[i], ARGV[i + 1]
  if redis.call('HGET', KEYS[2], id) == expected then
    local p = redis.call('HGET', KEYS[3], id)
    local header = p and string.match(p, '^[^\n]*')
    local dedupe, raw_queue, unstored
    if header then
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
    end
  end
end
if #ended > 0 then redis.call('PUBLISH', ARGV[1], table.concat(ended, ' ')) end
return {ended, headers}
