-- wrk's done() for load.sh: one machine-readable line with requests, non-2xx answers, socket
-- errors, seconds and the p50/p99 latency in ms. Loaded by reset.lua and get.lua.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d non2xx=%d sockerr=%d seconds=%.3f p50=%.2f p99=%.2f\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
