-- Put before every script by queues._script: commands on many jobs at once, not one call each.
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

