-- Prints one line of figures for lib.sh (wrk's own summary has no p95). errors counts failed
-- connections, timeouts and answers with a status of 400 or more.
-- WRK_DELAY_MS, when set, makes each connection pause that long between requests (a paced load).
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pause then
    delay = function() return pause end
end

done = function(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "WRKSTATS requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f bytes=%d errors=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, summary.bytes, e.connect + e.read + e.write + e.status + e.timeout))
end
