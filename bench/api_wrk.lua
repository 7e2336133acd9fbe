-- wrk script for bench/api.py: POSTs the request bodies of DOCGEN_BENCH_BODIES (one JSON
-- document a line) in turn, each connection starting at its own, and prints one JSON line
-- with the rate, latency percentiles and errors at the end.
local bodies = {}
local next_body = 1
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
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
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
