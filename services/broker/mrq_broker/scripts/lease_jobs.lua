-- Leases up to ARGV[3] jobs from the given queues, in the order given.
-- Within a queue, delayed jobs that are due come first, then the queue's own order.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)          (written)
-- KEYS[2]  lease_owners  hash  job id -> "<worker id> <token>"      (written)
-- KEYS[3]  payloads      hash  job id -> serialised LeasedJob       (read)
-- KEYS[4..] pairs of (queue zset, delayed zset), one pair per queue (popped)
-- ARGV[1]  now (ms)   ARGV[2] lease expiry (ms)   ARGV[3] max jobs   ARGV[4] lease owner
--
-- Returns {ids, payloads, next_due_ms}; next_due_ms is the earliest delayed job not yet due
-- (or -1), so an idle caller knows how long it may sleep.
local now, expiry, want, owner = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), ARGV[4]
local ids = {}
local next_due = -1

for i = 4, #KEYS, 2 do
  if want <= 0 then break end
  local queue, delayed = KEYS[i], KEYS[i + 1]
  local due = redis.call('ZRANGEBYSCORE', delayed, '-inf', now, 'LIMIT', 0, want)
  for _, id in ipairs(due) do
    redis.call('ZREM', delayed, id)
    ids[#ids + 1] = id
  end
  want = want - #due
  if want > 0 then
    local popped = redis.call('ZPOPMIN', queue, want)
    for j = 1, #popped, 2 do ids[#ids + 1] = popped[j] end
    want = want - #popped / 2
  end
end

if #ids == 0 then
  for i = 5, #KEYS, 2 do
    local first = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    if first[2] and (next_due < 0 or tonumber(first[2]) < next_due) then next_due = tonumber(first[2]) end
  end
  return {ids, {}, next_due}
end

local payloads = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], expiry, id)
  redis.call('HSET', KEYS[2], id, owner)
  payloads[#payloads + 1] = redis.call('HGET', KEYS[3], id) or false
end
return {ids, payloads, next_due}
