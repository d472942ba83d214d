#!/usr/bin/env bash
# Start-up time alone: launch to the first 200 on /health, each start on a fresh MariaDB database
# (migrations included), with a loopback SMTP sink, the recommended JVM options and a class-data
# archive (made by a first, unmeasured start that serves a few requests). Several variants are
# started in turn, round after round, so that each sees the same spells of this shared machine.
#
#   bash bench/startup.sh                    # 10 starts of server/target/resetkit-server.jar
#   STARTUP_ROUNDS=15 bash bench/startup.sh
#   STARTUP_VARIANTS="default:server/target/resetkit-server.jar: c1:server/target/resetkit-server.jar:-XX:TieredStopAtLevel=1" bash bench/startup.sh
#
# Options (environment):
#   STARTUP_ROUNDS=10        starts per variant
#   STARTUP_VARIANTS         space-separated name:jar:extra-JVM-options (options comma-separated)
#   STARTUP_JAVA_OPTS        the JVM options every variant starts with (default: load.sh's recommended ones)
#   BENCH_PORT=18080 BENCH_SMTP_PORT=12525
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ROUNDS="${STARTUP_ROUNDS:-10}"
VARIANTS="${STARTUP_VARIANTS:-default:server/target/resetkit-server.jar:}"
JAVA_OPTS="${STARTUP_JAVA_OPTS-$RECOMMENDED_JAVA_OPTS}"
PORT="${BENCH_PORT:-18080}"
SMTP_PORT="${BENCH_SMTP_PORT:-12525}"
DB="resetkit_start_$$"
WORK="$(mktemp -d)"
require_free_ports "$PORT" "$SMTP_PORT"
build_jar_if_missing

cleanup() {
  stop_server_sink_and_databases
  rm -rf "$WORK"
}
trap cleanup EXIT

start_sink
prepare_server_env rk_start_bench

declare -A JAR OPTS TIMES
names=()
for v in $VARIANTS; do
  IFS=: read -r name jar extra <<< "$v"
  names+=("$name"); JAR[$name]="$jar"; TIMES[$name]=""
  # each jar has its own class-data archive, made as load.sh makes it
  make_archive "$jar"
  OPTS[$name]="${extra//,/ } $ARCHIVE_OPTION"
done

probe_start=$(date +%s%N); head -c 268435456 /dev/zero | sha256sum > /dev/null
echo "machine today: sha256 of 256 MB on one core $(( ($(date +%s%N) - probe_start) / 1000000 )) ms (lower is faster)"
echo "JVM options: $JAVA_OPTS (+ each variant's)"
for r in $(seq 1 "$ROUNDS"); do
  for name in "${names[@]}"; do
    "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
    # shellcheck disable=SC2086
    launch_server "${JAR[$name]}" "$DB" "$WORK/server.log" ${OPTS[$name]}
    TIMES[$name]="${TIMES[$name]} $STARTUP_MS"
    stop_server
  done
done

stats() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {
  m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; n3 = 0; for (i = 1; i <= NR; i++) if (v[i] <= 3000) n3++
  printf "median %d ms, min %d, max %d; at most 3 s in %d of %d", m, v[1], v[NR], n3, NR }'; }
for name in "${names[@]}"; do
  # shellcheck disable=SC2086
  echo "$name: $(stats ${TIMES[$name]})  (${TIMES[$name]# })"
done
