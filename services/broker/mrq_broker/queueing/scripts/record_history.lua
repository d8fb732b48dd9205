-- Adds one report batch's counts (or one minute's queue sizes) to the history's per-minute
-- hashes, in one step. A name not yet in its kind's names zset takes one of `max series`
-- places; when all are taken (by names seen within the retention), its counts go to the
-- series `other` instead, so the history's memory stays bounded whatever names appear.
--
-- KEYS: none up front: the series keys depend on the folding, so they are built here from
-- ARGV[1] and ARGV[2] (Keys.history_prefix, Keys.history_names_prefix), as lease_jobs.lua does.
-- ARGV: series prefix, names prefix, minute (epoch minutes), retention (s), max series per kind,
--   other's name, op ('incr' adds, 'set' overwrites: a size sample, so brokers sampling the
--   same minute agree; folded names get no size), then per series: kind, name, field count n,
--   and n (field, value) pairs.
local series_prefix, names_prefix = ARGV[1], ARGV[2]
local minute, ttl_s, max_series = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local other, op = ARGV[6], ARGV[7]
local oldest = minute - math.floor(ttl_s / 60)
local i = 8
while i <= #ARGV do
  local kind, name, n = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local names = names_prefix .. kind
  if not redis.call('ZSCORE', names, name) and redis.call('ZCARD', names) >= max_series then
    redis.call('ZREMRANGEBYSCORE', names, '-inf', oldest)
    if redis.call('ZCARD', names) >= max_series then
      name = other
    end
  end
  if name ~= other then
    redis.call('ZADD', names, minute, name)
    redis.call('EXPIRE', names, ttl_s)
  end
  if name ~= other or op == 'incr' then
    local key = series_prefix .. kind .. ':' .. name .. ':' .. minute
    for j = 1, n do
      local field, value = ARGV[i + 1 + 2 * j], ARGV[i + 2 + 2 * j]
      if op == 'set' then
        redis.call('HSET', key, field, value)
      else
        redis.call('HINCRBY', key, field, value)
      end
    end
    redis.call('EXPIRE', key, ttl_s)
  end
  i = i + 3 + 2 * n
end
return 0
