-- Counts members of tasksets that just became final, once per member.
--
-- KEYS: one pair per member, in the order of ARGV's triples:
--   KEYS[2n-1]  taskset hash  hash: total, final, and one field per final status
--   KEYS[2n]    counted set   set: member ids already counted
-- ARGV: one triple per member: job id, taskset id, status name.
-- Returns the ids of tasksets whose last member this call counted, each exactly once ever
-- (guarded by HSETNX on the hash's "callback" field).
local completed = {}
for n = 1, #ARGV / 3 do
  local job_id, taskset, status = ARGV[3 * n - 2], ARGV[3 * n - 1], ARGV[3 * n]
  local hash, counted = KEYS[2 * n - 1], KEYS[2 * n]
  if redis.call('EXISTS', hash) == 1 and redis.call('SADD', counted, job_id) == 1 then
    redis.call('HINCRBY', hash, status, 1)
    local final = redis.call('HINCRBY', hash, 'final', 1)
    local total = tonumber(redis.call('HGET', hash, 'total'))
    if final >= total and redis.call('HSETNX', hash, 'callback', '-') == 1 then
      table.insert(completed, taskset)
    end
  end
end
return completed
