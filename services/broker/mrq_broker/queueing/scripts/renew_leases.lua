-- Renews the leases a worker still owns; returns the ids it no longer owns.
--
-- A lease the broker holds for a moment to commit (ARGV[3]: an outcome, or a started mark
-- that is given back after) is neither renewed nor lost: telling the worker it lost the job
-- would make it drop a job it still owns.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)        (written)
-- KEYS[2]  lease_owners  hash  job id -> "<worker id> <token>"    (read)
-- ARGV[1]  new expiry (ms)   ARGV[2] worker id   ARGV[3] committing owner   ARGV[4..] job ids
local prefix = ARGV[2] .. ' '
local lost = {}
for i = 4, #ARGV do
  local id = ARGV[i]
  local owner = redis.call('HGET', KEYS[2], id)
  if owner and string.sub(owner, 1, #prefix) == prefix then
    redis.call('ZADD', KEYS[1], 'XX', ARGV[1], id)
  elseif owner ~= ARGV[3] then
    lost[#lost + 1] = id
  end
end
return lost
