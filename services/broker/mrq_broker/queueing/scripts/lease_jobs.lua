-- Leases up to ARGV[3] jobs from the worker's queues, each leased job's lease written at once,
-- in one round trip: the queue view (subqueues, pauses, a quieted worker) is read here too.
-- Unless limits or task filters weigh each job, a queue's jobs are leased (and a raw queue's
-- claimed and made) a command for all of them, not one each (each_chunk, scripts/shared.lua).
--
-- Queues: each requested name in order; a name ending in "/" also stands for every known queue
-- under it ("main/" takes "main/", "main/a" and "main/a/b", never "main"), sorted by name. A
-- queue covered by a pause ("x" pauses "x" and "x/...", as queue_names.is_paused) is left out;
-- a quieted worker gets nothing.
-- Order: "sequential" drains the queues in that order; "parallel" takes one job from each
-- queue in turn, starting one queue further on each call of the same worker (KEYS[5]).
-- Within a regular queue, delayed jobs that are due come first, then the queue's own order.
-- A regular job is skipped, and stays in its place, when its task is filtered out (ARGV[6],
-- ARGV[7]) or over a limit (ARGV[8]); with on_limit "fail" it is leased and returned in
-- `refused`, for the broker to end it `maxconcurrency`.
-- A raw queue's entries become jobs with fresh ids, ObjectId-shaped: the time (s), a salt
-- made per lease (ARGV[16]), then a counter shared by every broker (KEYS[9]), 8 hex digits
-- each; the salt keeps ids apart if a Redis failover sets the counter back. Each is leased
-- and kept in raw_claims until its outcome is committed, so a broker or worker that dies
-- meanwhile loses nothing (see maintenance.py). A raw queue with a template (see RawTemplate
-- in queues.py) gets its jobs' payloads made and stored here; the others' the broker makes.
--
-- KEYS[1]  leases        zset  job id -> lease expiry (ms)          (written)
-- KEYS[2]  lease_owners  hash  job id -> "<worker id> <token>"      (written)
-- KEYS[3]  payloads      hash  job id -> payload (jobs/payloads.py)     (read; written from templates)
-- KEYS[4]  raw_claims    hash  job id -> raw queue, score, entry    (written)
-- KEYS[5]  rotation      string  the worker's parallel counter      (written)
-- KEYS[6]  known_queues  set   queue names                          (read)
-- KEYS[7]  paused        set   paused queue names                   (read)
-- KEYS[8]  quiet_workers set   worker ids an operator quieted       (read)
-- KEYS[9]  raw_ids       string  the last raw job id's counter      (written)
-- Keys built here from prefixes, as names are only known once expanded: "<ARGV[12]><name>"
-- (queue zset) and "<ARGV[13]><name>" (delayed zset) of a regular queue, "<ARGV[14]><name>"
-- (its entries) of a raw one; "<ARGV[9]><limit key>" and "<ARGV[10]><limit key>" of limits.
-- ARGV[1] now (ms)  ARGV[2] lease expiry (ms)  ARGV[3] max jobs  ARGV[4] lease owner
-- ARGV[5] "sequential" | "parallel"   ARGV[6] JSON {task: true} allowed ({} = any)
-- ARGV[7] JSON {task: true} denied    ARGV[8] JSON {task: {concurrency, fail, rate, per_ms}}
-- ARGV[9] prefix of running sets      ARGV[10] prefix of rate zsets
-- ARGV[11] scan window (most regular candidates looked at per queue and pass when filtering)
-- ARGV[12..14] prefixes of queue, delayed and raw keys   ARGV[15] worker id
-- ARGV[16] raw id salt (8 hex digits)   ARGV[17] number of requested names n, then per name its type ("regular", "raw", "set",
--          "sorted_set", "timed_set" or "timed_set:<pushback ms>"; a name's subqueues share
--          it) and the name; then the number of templates m, and per template the raw queue's
--          root name, head, tail, params prefix and params suffix
--
-- Returns {ids, payloads, next_due_ms, refused, raw_ids, raw_claims}: payloads match ids
-- (false for a raw job whose payload the broker makes: its claim in raw_claims says what to
-- make it from, where raw_claims is false for the others); next_due_ms is when the next
-- delayed job or rate-limited slot comes due (or -1), so an idle caller knows how long it
-- may sleep.
local now, expiry, want, owner = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), ARGV[4]
local parallel = ARGV[5] == 'parallel'
local allowed, denied, limits = cjson.decode(ARGV[6]), cjson.decode(ARGV[7]), cjson.decode(ARGV[8])
local running_prefix, rate_prefix, window = ARGV[9], ARGV[10], tonumber(ARGV[11])
local queue_prefix, delayed_prefix, raw_prefix = ARGV[12], ARGV[13], ARGV[14]
local nrequested = tonumber(ARGV[17])
local raw_id_prefix = string.format('%08x', math.floor(now / 1000)) .. ARGV[16]
local filtering = next(allowed) ~= nil or next(denied) ~= nil or next(limits) ~= nil
local templates = {}
local at = 18 + 2 * nrequested
for t = 0, tonumber(ARGV[at]) - 1 do
  local i = at + 1 + 5 * t
  templates[ARGV[i]] = {ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]}
end

if redis.call('SISMEMBER', KEYS[8], ARGV[15]) == 1 then return {{}, {}, -1, {}, {}, {}} end

-- The queues to take from, {type, name} each, in order.
local queues, seen, known = {}, {}, nil
local paused = redis.call('SMEMBERS', KEYS[7])
local function add_queue(kind, name)
  if seen[name] then return end
  seen[name] = true
  for _, p in ipairs(paused) do
    if name == p or string.sub(name, 1, #p + 1) == p .. '/' then return end
  end
  queues[#queues + 1] = {kind, name}
end
for r = 1, nrequested do
  local kind, name = ARGV[16 + 2 * r], ARGV[17 + 2 * r]
  add_queue(kind, name)
  if string.sub(name, -1) == '/' then
    if not known then
      known = redis.call('SMEMBERS', KEYS[6])
      table.sort(known)
    end
    for _, k in ipairs(known) do
      if k ~= name and string.sub(k, 1, #name) == name then add_queue(kind, k) end
    end
  end
end
local nqueues = #queues

local ids, payloads, refused, raw_ids, raw_claims = {}, {}, {}, {}, {}
local next_due = -1

local function due_at(ms)
  if ms > now and (next_due < 0 or ms < next_due) then next_due = ms end
end

-- Leases new_ids, a command for all of them (each_chunk: see scripts/shared.lua).
local function lease_all(new_ids)
  local expiring, owned = {}, {}
  for _, id in ipairs(new_ids) do
    expiring[#expiring + 1] = expiry
    expiring[#expiring + 1] = id
    owned[#owned + 1] = id
    owned[#owned + 1] = owner
  end
  each_chunk('ZADD', KEYS[1], expiring)
  each_chunk('HSET', KEYS[2], owned)
end

local function lease(id) lease_all({id}) end

local function take(id)
  lease(id)
  ids[#ids + 1] = id
  payloads[#payloads + 1] = redis.call('HGET', KEYS[3], id) or false
  want = want - 1
end

-- "take", "skip" or "refuse" for a regular job, reserving its limits' slots when taken.
local function admit(id)
  local p = redis.call('HGET', KEYS[3], id)
  if not p then return 'take' end -- payload lost with a Redis failover: rebuilt from the record
  local task, key = string.match(p, '^([^\31\n]*)\31([^\31\n]*)')
  if (next(allowed) ~= nil and not allowed[task]) or denied[task] then return 'skip' end
  local limit = limits[task]
  if not limit then return 'take' end
  if key == '' then key = task end
  if limit.concurrency then
    local running, count = running_prefix .. key, 0
    for _, member in ipairs(redis.call('SMEMBERS', running)) do
      -- A job counts while it is leased; one released (or lost) since is forgotten here.
      if redis.call('HEXISTS', KEYS[2], member) == 1 then count = count + 1
      else redis.call('SREM', running, member) end
    end
    if count >= limit.concurrency then return limit.fail and 'refuse' or 'skip' end
  end
  if limit.rate then
    local starts = rate_prefix .. key
    redis.call('ZREMRANGEBYSCORE', starts, '-inf', now - limit.per_ms)
    if redis.call('ZCARD', starts) >= limit.rate then
      local oldest = redis.call('ZRANGE', starts, 0, 0, 'WITHSCORES')
      due_at(tonumber(oldest[2]) + limit.per_ms)
      return 'skip'
    end
    redis.call('ZADD', starts, now, id .. ':' .. now)
    redis.call('PEXPIRE', starts, limit.per_ms)
  end
  if limit.concurrency then redis.call('SADD', running_prefix .. key, id) end
  return 'take'
end

-- Takes up to n of the ids (in order) from the zset they come from; returns how many.
local function take_candidates(zset, candidates, n)
  local got = 0
  for _, id in ipairs(candidates) do
    if got >= n then break end
    local verdict = admit(id)
    if verdict ~= 'skip' then
      redis.call('ZREM', zset, id)
      if verdict == 'refuse' then
        lease(id)
        refused[#refused + 1] = id
      else
        take(id)
        got = got + 1
      end
    end
  end
  return got
end

local function take_regular(queue, delayed, n)
  local limit = filtering and window or n
  local due = redis.call('ZRANGEBYSCORE', delayed, '-inf', now, 'LIMIT', 0, limit)
  local got = take_candidates(delayed, due, n)
  if got < n then
    if filtering then
      got = got + take_candidates(queue, redis.call('ZRANGE', queue, 0, window - 1), n - got)
    else
      local popped, taken = redis.call('ZPOPMIN', queue, n - got), {}
      for j = 1, #popped, 2 do taken[#taken + 1] = popped[j] end
      lease_all(taken)
      for k, p in ipairs(each_chunk('HMGET', KEYS[3], taken)) do
        ids[#ids + 1] = taken[k]
        payloads[#payloads + 1] = p
      end
      want = want - #taken
      got = got + #taken
    end
  end
  local first = redis.call('ZRANGEBYSCORE', delayed, '(' .. now, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
  if first[2] then due_at(tonumber(first[2])) end
  return got
end

-- A protobuf bytes field: its tag, the length as a varint, the bytes.
local function pb_bytes(tag, s)
  local n, out = #s, {string.char(tag)}
  while n >= 128 do
    out[#out + 1] = string.char(n % 128 + 128)
    n = math.floor(n / 128)
  end
  out[#out + 1] = string.char(n)
  return table.concat(out) .. s
end

local function take_raw(key, kind, name, n)
  local entries = {} -- pairs of (entry, score)
  if kind == 'raw' then
    for _, e in ipairs(redis.call('LPOP', key, n) or {}) do entries[#entries + 1] = {e, '0'} end
  elseif kind == 'set' then
    for _, e in ipairs(redis.call('SPOP', key, n)) do entries[#entries + 1] = {e, '0'} end
  elseif kind == 'sorted_set' then
    local popped = redis.call('ZPOPMIN', key, n)
    for j = 1, #popped, 2 do entries[#entries + 1] = {popped[j], popped[j + 1]} end
  else -- timed_set[:pushback ms]
    local due = redis.call('ZRANGEBYSCORE', key, '-inf', now / 1000, 'WITHSCORES', 'LIMIT', 0, n)
    local pushback = tonumber(string.match(kind, ':(%d+)$') or '0')
    for j = 1, #due, 2 do
      entries[#entries + 1] = {due[j], due[j + 1]}
      -- With a pushback the entry stays, due again later, unless its task removes it.
      if pushback > 0 then redis.call('ZADD', key, (now + pushback) / 1000, due[j])
      else redis.call('ZREM', key, due[j]) end
    end
    local first = redis.call('ZRANGEBYSCORE', key, '(' .. (now / 1000), '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
    if first[2] then due_at(tonumber(first[2]) * 1000) end
  end
  local first_id = #entries > 0 and redis.call('INCRBY', KEYS[9], #entries) - #entries or 0
  local template = templates[string.match(name, '^[^/]*')]
  local new_ids, claims, made = {}, {}, {}
  for k, pair in ipairs(entries) do
    local id = raw_id_prefix .. string.format('%08x', (first_id + k) % 4294967296)
    local claim = name .. '\n' .. pair[2] .. '\n' .. pair[1]
    new_ids[k] = id
    claims[#claims + 1] = id
    claims[#claims + 1] = claim
    ids[#ids + 1] = id
    raw_ids[#raw_ids + 1] = id
    if template then
      local p = template[1] .. name .. template[2] .. pb_bytes(10, id)
        .. pb_bytes(26, template[3] .. pair[1] .. template[4])
      made[#made + 1] = id
      made[#made + 1] = p
      payloads[#payloads + 1] = p
      raw_claims[#raw_claims + 1] = false
    else
      payloads[#payloads + 1] = false
      raw_claims[#raw_claims + 1] = claim
    end
  end
  each_chunk('HSET', KEYS[4], claims)
  lease_all(new_ids)
  each_chunk('HSET', KEYS[3], made)
  want = want - #entries
  return #entries
end

-- Takes up to n jobs from queue i (1-based); returns how many.
local function take_from(i, n)
  local kind, name = queues[i][1], queues[i][2]
  if kind == 'regular' then return take_regular(queue_prefix .. name, delayed_prefix .. name, n) end
  return take_raw(raw_prefix .. name, kind, name, n)
end

if parallel and nqueues > 1 then
  local start = redis.call('INCR', KEYS[5])
  redis.call('PEXPIRE', KEYS[5], 86400000)
  local active, any = {}, true
  for i = 1, nqueues do active[i] = true end
  while want > 0 and any do
    any = false
    for k = 0, nqueues - 1 do
      local i = (start + k) % nqueues + 1
      if want > 0 and active[i] then
        if take_from(i, 1) == 0 then active[i] = false else any = true end
      end
    end
  end
else
  for i = 1, nqueues do
    if want <= 0 then break end
    take_from(i, want)
  end
end

return {ids, payloads, next_due, refused, raw_ids, raw_claims}
