-- wrk script: POST /v1/password-resets for a random one of the benchmark's accounts.
-- Run from the repository root by load.sh. Environment: BENCH_API_KEY (tenant key), BENCH_ACCOUNTS (number of accounts, user1..userN@bench.test).
local key = os.getenv("BENCH_API_KEY")
local accounts = tonumber(os.getenv("BENCH_ACCOUNTS") or "2000")

wrk.method = "POST"
wrk.path = "/v1/password-resets"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

function request()
  local n = math.random(1, accounts)
  return wrk.format(nil, nil, nil, '{"identifier":"user' .. n .. '@bench.test"}')
end

dofile("bench/result.lua")
