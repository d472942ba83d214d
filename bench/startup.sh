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
ROUNDS="${STARTUP_ROUNDS:-10}"
VARIANTS="${STARTUP_VARIANTS:-default:server/target/resetkit-server.jar:}"
JAVA_OPTS="${STARTUP_JAVA_OPTS--XX:+UseSerialGC -Xss512k -Xms64m -Xmx80m -Xmn20m -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000 -XX:Tier4InvocationThreshold=25000 -XX:Tier4MinInvocationThreshold=3000 -XX:Tier4CompileThreshold=75000 -XX:Tier4BackEdgeThreshold=200000}"
PORT="${BENCH_PORT:-18080}"
SMTP_PORT="${BENCH_SMTP_PORT:-12525}"
BASE="http://127.0.0.1:$PORT"
SQL=(mariadb -uroot -h127.0.0.1 -N -B)
DB="resetkit_start_$$"
WORK="$(mktemp -d)"
for port in "$PORT" "$SMTP_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (a benchmark still running?); set BENCH_PORT / BENCH_SMTP_PORT" >&2
    exit 1
  fi
done
[ -f server/target/resetkit-server.jar ] || mvn -q -B -DskipTests package

cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "${SINK_PID:-}" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null || true
  "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/bootstrap.yml" <<YAML
tenants:
  - id: bench
    name: Bench
    api_key: rk_start_bench
    allowed_redirect_urls: [https://bench.test/reset]
YAML
java -XX:+UseSerialGC -Xmx64m bench/SmtpSink.java "$SMTP_PORT" "$WORK/mail-count" & SINK_PID=$!
for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.05; done

export DATASOURCES_DEFAULT_USERNAME=root DATASOURCES_DEFAULT_PASSWORD= MICRONAUT_SERVER_PORT="$PORT" \
  RESETKIT_SMTP_HOST=127.0.0.1 RESETKIT_SMTP_PORT="$SMTP_PORT" RESETKIT_BOOTSTRAP="$WORK/bootstrap.yml"

# launches the jar $1 with options $2 on a fresh database; sets SERVER_PID and STARTUP_MS
start_server() {
  local launched ready=""
  "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
  launched=$(date +%s%N)
  DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true" \
    java $JAVA_OPTS $2 -jar "$1" > "$WORK/server.log" 2>&1 & SERVER_PID=$!
  for _ in $(seq 1 1500); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ]; then ready=$(date +%s%N); break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.02
  done
  [ -n "$ready" ] || { echo "server did not start"; tail -50 "$WORK/server.log"; exit 1; }
  STARTUP_MS=$(( (ready - launched) / 1000000 ))
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

declare -A JAR OPTS TIMES
names=()
for v in $VARIANTS; do
  IFS=: read -r name jar extra <<< "$v"
  names+=("$name"); JAR[$name]="$jar"; OPTS[$name]="${extra//,/ }"; TIMES[$name]=""
  # each jar has its own class-data archive, made by a start that serves requests (driver, migration
  # and request classes included), as load.sh makes it
  archive="${jar%.jar}.jsa"
  if [ ! -f "$archive" ] || [ "$archive" -ot "$jar" ]; then
    echo "creating the class-data archive $archive (one start and stop, not measured)"
    rm -f "$archive"
    start_server "$jar" "-XX:ArchiveClassesAtExit=$archive"
    for _ in 1 2 3 4 5; do
      curl -s -o /dev/null -H "Authorization: Bearer rk_start_bench" -H 'Content-Type: application/json' \
        -d '{"identifier":"nobody@bench.test"}' "$BASE/v1/password-resets" || true
    done
    stop_server
  fi
  OPTS[$name]="${OPTS[$name]} -XX:SharedArchiveFile=$archive"
done

probe_start=$(date +%s%N); head -c 268435456 /dev/zero | sha256sum > /dev/null
echo "machine today: sha256 of 256 MB on one core $(( ($(date +%s%N) - probe_start) / 1000000 )) ms (lower is faster)"
echo "JVM options: $JAVA_OPTS (+ each variant's)"
for r in $(seq 1 "$ROUNDS"); do
  for name in "${names[@]}"; do
    start_server "${JAR[$name]}" "${OPTS[$name]}"
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
