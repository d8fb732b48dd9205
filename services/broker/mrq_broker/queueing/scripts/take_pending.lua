-- Takes jobs that no worker runs, for a broker action (cancel, requeue): the job is taken by
-- leasing it to a broker-owned marker, exactly as take_leases.lua does for started jobs, so
-- the action's MongoDB write is guarded the same way, and a broker that dies mid-way leaves a
-- lease that expires and is recovered (the job goes back where its record says).
-- A job is taken when it is still on its queue or its delayed set (removed from there, so no
-- worker can lease it any more), or, for a job whose record was final, when it has neither a
-- payload nor a lease (so no other action has requeued it meanwhile).
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)   (written)
-- KEYS[2]  lease_owners  hash  job id -> owner               (written)
-- KEYS[3]  payloads      hash  job id -> payload             (read)
-- KEYS[2+2i], KEYS[3+2i]  queue and delayed zsets of the i-th job (i from 1)   (written)
-- ARGV[1]  expiry while taken (ms)   ARGV[2] owner
-- ARGV[3..] pairs of (job id, "1" if its record was final else "0")
-- Returns the ids taken.
local taken = {}
local n = 0
for i = 3, #ARGV, 2 do
  n = n + 1
  local id, final = ARGV[i], ARGV[i + 1]
  local ok = redis.call('ZREM', KEYS[2 + 2 * n], id) == 1 or redis.call('ZREM', KEYS[3 + 2 * n], id) == 1
  if not ok and final == '1' then
    ok = redis.call('HEXISTS', KEYS[3], id) == 0 and redis.call('HEXISTS', KEYS[2], id) == 0
  end
  if ok then
    redis.call('HSET', KEYS[2], id, ARGV[2])
    redis.call('ZADD', KEYS[1], ARGV[1], id)
    taken[#taken + 1] = id
  end
end
return taken
