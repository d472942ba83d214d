# Sourced by bench/load.sh and bench/startup.sh, so that both start the server, its SMTP sink and
# its class-data archive the same way. The caller sets PORT, SMTP_PORT, WORK, DB and JAVA_OPTS.

# The recommended JVM options (see the README's "Performance" section)
RECOMMENDED_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms64m -Xmx80m -Xmn20m -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000 -XX:Tier4InvocationThreshold=25000 -XX:Tier4MinInvocationThreshold=3000 -XX:Tier4CompileThreshold=75000 -XX:Tier4BackEdgeThreshold=200000"
SQL=(mariadb -uroot -h127.0.0.1 -N -B)

# A server or sink still listening on one of these ports (e.g. another benchmark's) would answer
# instead of this run's and make its figures someone else's
require_free_ports() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use (another benchmark still running?); set BENCH_PORT / BENCH_SMTP_PORT" >&2
      exit 1
    fi
  done
}

# The loopback SMTP sink, counting mails into $WORK/mail-count; sets SINK_PID. It is a JVM compiling
# its source: returns once it listens, so that it does not share the CPU with the server's start.
start_sink() {
  java -XX:+UseSerialGC -Xmx64m bench/SmtpSink.java "$SMTP_PORT" "$WORK/mail-count" & SINK_PID=$!
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.05; done
}

# The tenant "bench" with the API key $1, created by the server at start ($WORK/bootstrap.yml), and
# the settings every start of the server shares
prepare_server_env() {
  cat > "$WORK/bootstrap.yml" <<YAML
tenants:
  - id: bench
    name: Bench
    api_key: $1
    allowed_redirect_urls: [https://bench.test/reset]
YAML
  export DATASOURCES_DEFAULT_USERNAME=root DATASOURCES_DEFAULT_PASSWORD= MICRONAUT_SERVER_PORT="$PORT" \
    RESETKIT_SMTP_HOST=127.0.0.1 RESETKIT_SMTP_PORT="$SMTP_PORT" RESETKIT_BOOTSTRAP="$WORK/bootstrap.yml"
  BENCH_API_KEY_IN_USE="$1"
}

# Launches the jar $1 on the MariaDB database $2 (log: $3) with JAVA_OPTS and any further options
# given, and waits for its first 200 on /health; sets SERVER_PID and STARTUP_MS (launch to that 200).
# /health came with the operations endpoints; for older builds the first 200 of /openapi.yaml counts,
# and PROBE says which was used.
PROBE=/health
launch_server() {
  local jar="$1" db="$2" log="$3" launched ready="" code
  shift 3
  launched=$(date +%s%N)
  # shellcheck disable=SC2086
  DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/$db?useSSL=false&allowPublicKeyRetrieval=true${BENCH_JDBC_EXTRA:-}" \
    java $JAVA_OPTS "$@" -jar "$jar" > "$log" 2>&1 & SERVER_PID=$!
  for _ in $(seq 1 1500); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)
    if [ "$code" = 200 ]; then ready=$(date +%s%N); break; fi
    if [ "$code" = 404 ]; then PROBE=/openapi.yaml
      if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/openapi.yaml")" = 200 ]; then ready=$(date +%s%N); break; fi
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.02
  done
  [ -n "$ready" ] || { echo "server did not start"; tail -50 "$log"; exit 1; }
  STARTUP_MS=$(( (ready - launched) / 1000000 ))
}

# Builds the server jar unless it is there
build_jar_if_missing() {
  [ -f server/target/resetkit-server.jar ] || mvn -q -B -DskipTests package
}

# What every benchmark leaves behind: the server, the sink (waited for, so that a benchmark started
# right after this one finds its port free) and the databases of the run and of its class-data archive
stop_server_sink_and_databases() {
  stop_server
  [ -n "${SINK_PID:-}" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null || true
  "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  "${SQL[@]}" -e "DROP DATABASE IF EXISTS ${DB}_cds" 2>/dev/null || true
}

stop_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# AppCDS: the class-data archive of the jar $1, written when a first start (not measured) exits,
# unless the archive is newer than the jar. That start runs the way a measured one does (MariaDB,
# SMTP, twenty resets and health checks), so the driver, migration and request classes come from
# the archive too, not only those of an idle start. The JVM uses an archive only with the jar path
# it was made with, and otherwise starts without it, silently and about twice as slowly here: the
# path is kept next to the archive, and another path makes a new one. Sets ARCHIVE_OPTION: the
# option that uses it, or nothing when none could be made.
make_archive() {
  local jar="$1" archive="${1%.jar}.jsa"
  if [ ! -f "$archive" ] || [ "$archive" -ot "$jar" ] || [ "$(cat "$archive.jar-path" 2>/dev/null)" != "$jar" ]; then
    echo "creating the class-data archive $archive (one start and stop, not measured)"
    rm -f "$archive"
    "${SQL[@]}" -e "CREATE DATABASE ${DB}_cds"
    launch_server "$jar" "${DB}_cds" "$WORK/cds.log" -XX:ArchiveClassesAtExit="$archive"
    "${SQL[@]}" "${DB}_cds" -e "INSERT INTO account (id, tenant_id, email, created_at)
      SELECT CONCAT('00000000-0000-0000-0000-', LPAD(seq, 12, '0')), 'bench', CONCAT('user', seq, '@bench.test'), UTC_TIMESTAMP(6)
      FROM seq_1_to_20" || true
    for i in $(seq 1 20); do
      curl -s -o /dev/null -H "Authorization: Bearer $BENCH_API_KEY_IN_USE" -H 'Content-Type: application/json' \
        -d "{\"identifier\":\"user$i@bench.test\"}" "http://127.0.0.1:$PORT/v1/password-resets" || true
      curl -s -o /dev/null "http://127.0.0.1:$PORT/health" || true
    done
    sleep 1 # the worker sends the mails queued above
    stop_server
    echo "$jar" > "$archive.jar-path"
    "${SQL[@]}" -e "DROP DATABASE IF EXISTS ${DB}_cds"
  fi
  ARCHIVE_OPTION=
  if [ -f "$archive" ]; then ARCHIVE_OPTION="-XX:SharedArchiveFile=$archive"; else echo "no class-data archive (see $WORK/cds.log)"; fi
}
