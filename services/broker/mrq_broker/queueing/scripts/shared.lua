-- Put before every script by queues._script: what several scripts do alike.
local CHUNK = 1000 -- arguments per command: unpack() gives at most ~8,000

-- Calls command on key with args (a list) CHUNK arguments at a time, so pairs stay whole;
-- returns the replies' elements in order (for HMGET: one per field, false where missing).
local function each_chunk(command, key, args)
  local out = {}
  for i = 1, #args, CHUNK do
    local reply = redis.call(command, key, unpack(args, i, math.min(i + CHUNK - 1, #args)))
    if type(reply) == 'table' then
      for _, v in ipairs(reply) do out[#out + 1] = v end
    end
  end
  return out
end

-- Forgets jobs that became final: their payloads (stored[k] is ids[k]'s, false if gone) and raw
-- claims, and their dedupe keys if they still hold them, so a new job may take the key. A
-- payload's header holds the dedupe key in its 3rd field (jobs/payloads.py).
local function forget(payloads, dedupe, raw_claims, ids, stored)
  for k, p in ipairs(stored) do
    local key = p and string.match(p, '^[^\31\n]*\31[^\31\n]*\31([^\31\n]*)')
    if key and key ~= '' and redis.call('HGET', dedupe, key) == ids[k] then redis.call('HDEL', dedupe, key) end
  end
  each_chunk('HDEL', payloads, ids)
  each_chunk('HDEL', raw_claims, ids)
end

