-- wrk script for bench/api.py: POSTs the request bodies of DOCGEN_BENCH_BODIES (one JSON
-- document a line) in turn, with "#N#" in a body replaced by a number of each request's
-- own (bench/api.py --distinct), and prints one JSON line with the rate, latency
-- percentiles and errors at the end.
local bodies = {}
local next_body = 1
local serial = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  for line in io.lines(os.getenv("DOCGEN_BENCH_BODIES")) do
    bodies[#bodies + 1] = line
  end
  local key = os.getenv("DOCGEN_BENCH_API_KEY_HEADER")
  if key and key ~= "" then
    headers["X-API-Key"] = key
  end
  next_body = math.random(#bodies)
  serial = tonumber(os.getenv("DOCGEN_BENCH_FIRST_SERIAL") or "0")
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  serial = serial + 1
  body = body:gsub("#N#", tostring(serial), 1)
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
      '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
