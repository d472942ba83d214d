-- wrk script for the HTTP ceiling (a trivial GET); run from the repository root by load.sh.
dofile("bench/result.lua")
