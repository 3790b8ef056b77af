-- Sends a weighted mix of request kinds, each value (an assertion or a user token) taken from a pool
-- file with one value a line. wrk gives scripts no options of their own, so the plan comes from the
-- environment:
--
--   BENCH_PLAN     steps separated by ";", each "kind|argument|weight|once" (once is optional):
--                    exchange|<pool file>|w          POST /v1/assertions {"assertion": value}
--                    verify|<pool file>|w            POST /v1/verify {"token": value}
--                    plasmic_userinfo|<pool file>|w  GET /api/v1/app-auth/userinfo, token in its header
--                    get|<path>|w                    GET path
--                    options|<path>|w                OPTIONS path, as a CORS preflight
--                  "once" marks a pool whose values must not repeat (new identities): each wrk thread
--                  then takes its own share of the lines, and a thread that runs out counts a wrap.
--   BENCH_THREADS  the -t value given to wrk.
--
-- At the end it prints one line "BENCH_RESULT {json}" with the request count, duration, latency
-- percentiles in microseconds, error counts and how often a once-only pool wrapped around.

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

local function read_share(path, index, count)
  local values = {}
  local line_number = 0
  for line in io.lines(path) do
    if line ~= "" then
      if line_number % count == index then
        values[#values + 1] = line
      end
      line_number = line_number + 1
    end
  end
  if #values == 0 then
    error("pool file " .. path .. " has no values for thread " .. index)
  end
  return values
end

local function build(kind, value, argument)
  if kind == "exchange" then
    return wrk.format("POST", "/v1/assertions", { ["Content-Type"] = "application/json" },
      '{"assertion":"' .. value .. '"}')
  elseif kind == "verify" then
    return wrk.format("POST", "/v1/verify", { ["Content-Type"] = "application/json" },
      '{"token":"' .. value .. '"}')
  elseif kind == "plasmic_userinfo" then
    return wrk.format("GET", "/api/v1/app-auth/userinfo", { ["x-plasmic-data-user-auth-token"] = value })
  elseif kind == "get" then
    return wrk.format("GET", argument)
  elseif kind == "options" then
    return wrk.format("OPTIONS", argument, { ["Origin"] = "https://app.example", ["Access-Control-Request-Method"] = "GET" })
  end
  error("unknown request kind " .. kind)
end

local steps = {}
local schedule = {}
local position = 0
wrapped = 0

function init(args)
  local count = tonumber(os.getenv("BENCH_THREADS") or "1")
  local plan = os.getenv("BENCH_PLAN") or error("BENCH_PLAN is not set")
  math.randomseed(thread_index + 1)
  for spec in string.gmatch(plan, "[^;]+") do
    local kind, argument, weight, flag = spec:match("^([^|]+)|([^|]+)|(%d+)|?(.*)$")
    if kind == nil then
      error("invalid step " .. spec)
    end
    local step = { kind = kind, argument = argument, once = flag == "once", built = {} }
    if kind ~= "get" and kind ~= "options" then
      -- Threads share a repeatable pool too, but start at different places in it.
      step.values = read_share(argument, step.once and thread_index or 0, step.once and count or 1)
      step.next = step.once and 1 or math.random(#step.values)
    end
    steps[#steps + 1] = step
    for _ = 1, tonumber(weight) do
      schedule[#schedule + 1] = #steps
    end
  end
  -- A shuffled schedule spreads the kinds evenly instead of sending them in runs.
  for i = #schedule, 2, -1 do
    local j = math.random(i)
    schedule[i], schedule[j] = schedule[j], schedule[i]
  end
end

function request()
  position = position % #schedule + 1
  local step = steps[schedule[position]]
  if step.values == nil then
    step.request = step.request or build(step.kind, nil, step.argument)
    return step.request
  end
  local index = step.next
  step.next = step.next + 1
  if step.next > #step.values then
    step.next = 1
    if step.once then
      wrapped = wrapped + 1
    end
  end
  if step.once then
    return build(step.kind, step.values[index], step.argument)
  end
  -- A repeatable value's request is built once and reused, so that wrk spends less of the shared
  -- cores on formatting requests.
  local built = step.built[index]
  if built == nil then
    built = build(step.kind, step.values[index], step.argument)
    step.built[index] = built
  end
  return built
end

function done(summary, latency, requests)
  local wraps = 0
  for _, thread in ipairs(threads) do
    wraps = wraps + (thread:get("wrapped") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,'
      .. '"statusErrors":%d,"socketErrors":%d,"timeouts":%d,"poolWraps":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    errors.status, errors.connect + errors.read + errors.write, errors.timeout, wraps))
end
