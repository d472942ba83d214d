#!/usr/bin/env bash
# No enumeration by timing: latency of reset requests for known vs unknown identifiers.
# Starts the server jar on a fresh MariaDB database (H2 with BENCH_DB=h2) with a loopback SMTP
# sink and rate limits off, runs bench/TimingBench.java, prints the distributions, cleans up.
# Usage: bash bench/timing.sh [SAMPLES_PER_KIND]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES="${1:-1000}"
PORT="${BENCH_PORT:-18080}"
SMTP_PORT="${BENCH_SMTP_PORT:-12525}"
WORK="$(mktemp -d)"
DB="resetkit_bench_$$"

[ -f server/target/resetkit-server.jar ] || mvn -q -B -DskipTests package

cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "${SINK_PID:-}" ] && kill "$SINK_PID" 2>/dev/null || true
  if [ "${BENCH_DB:-mariadb}" = mariadb ]; then mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "${BENCH_DB:-mariadb}" = mariadb ]; then
  mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $DB"
  export DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true"
  export DATASOURCES_DEFAULT_USERNAME=root DATASOURCES_DEFAULT_PASSWORD=
fi

java bench/SmtpSink.java "$SMTP_PORT" "$WORK/mail-count" & SINK_PID=$!
MICRONAUT_SERVER_PORT="$PORT" RESETKIT_SMTP_HOST=127.0.0.1 RESETKIT_SMTP_PORT="$SMTP_PORT" \
RESETKIT_ADMIN_TOKEN=bench-admin RESETKIT_RATE_LIMIT_ENABLED=false RESETKIT_PASSWORD_BCRYPT_COST=4 \
  java -jar server/target/resetkit-server.jar > "$WORK/server.log" 2>&1 & SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/openapi.yaml" && break
  sleep 0.5
done
echo "database: ${BENCH_DB:-mariadb}; machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
java bench/TimingBench.java "http://127.0.0.1:$PORT" bench-admin "$SAMPLES"
