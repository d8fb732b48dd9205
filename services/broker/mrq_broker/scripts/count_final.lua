-- Counts members of tasksets that just became final, once per member.
--
-- KEYS: none fixed; the keys are built from ARGV (prefix), as they depend on each taskset id.
--   <prefix>:taskset:<id>          hash: total, final, and one field per final status
--   <prefix>:taskset_counted:<id>  set: member ids already counted
-- ARGV: prefix, then triples (job id, taskset id, status name).
-- Returns the ids of tasksets whose last member this call counted, each exactly once ever
-- (guarded by HSETNX on the hash's "callback" field).
local prefix = ARGV[1]
local completed = {}
for i = 2, #ARGV, 3 do
  local job_id, taskset, status = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local hash = prefix .. ':taskset:' .. taskset
  if redis.call('EXISTS', hash) == 1
      and redis.call('SADD', prefix .. ':taskset_counted:' .. taskset, job_id) == 1 then
    redis.call('HINCRBY', hash, status, 1)
    local final = redis.call('HINCRBY', hash, 'final', 1)
    local total = tonumber(redis.call('HGET', hash, 'total'))
    if final >= total and redis.call('HSETNX', hash, 'callback', '-') == 1 then
      table.insert(completed, taskset)
    end
  end
end
return completed
