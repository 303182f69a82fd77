#!/usr/bin/env bash
# A real single-node Apache Kafka (KRaft) on 127.0.0.1 without Docker: Java 17 and Maven are enough.
#
#   kafka.sh start    fetch the jars once (Maven Central), format storage once, start, wait until ready
#   kafka.sh stop     SIGTERM, wait for a clean shutdown, SIGKILL only after KAFKA_STOP_TIMEOUT seconds
#   kafka.sh status   exit 0 when running
#   kafka.sh reset    stop and delete all broker data
#
# Settings (environment): KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (port + 1), KAFKA_RUN_DIR (./run/<port>),
# KAFKA_HEAP (512m), KAFKA_READY_TIMEOUT (120 s), KAFKA_STOP_TIMEOUT (30 s).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
RUN_DIR="${KAFKA_RUN_DIR:-$HERE/run/$PORT}"
LIB_DIR="$HERE/lib"
HEAP="${KAFKA_HEAP:-512m}"
READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-120}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
PID_FILE="$RUN_DIR/kafka.pid"
LOG_DIR="$RUN_DIR/logs"
SERVER_LOG="$LOG_DIR/server.log"

say() { echo "kafka-local: $*"; }
fail() { echo "kafka-local: $*" >&2; exit 1; }

broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  # The pid must still be our broker, not a recycled pid.
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *kafka.Kafka* ]] || return 1
  echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Jars are fetched once; a marker holding the pom's checksum makes later starts skip Maven entirely.
fetch_jars() {
  local marker="$LIB_DIR/.fetched" sum
  sum="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
  [[ -f "$marker" && "$(cat "$marker")" == "$sum" ]] && return 0
  # One fetch at a time, whichever run directory asked (the staging area is git-ignored).
  mkdir -p "$HERE/run"
  exec 8>"$HERE/run/.fetch.lock" && flock 8
  [[ -f "$marker" && "$(cat "$marker")" == "$sum" ]] && return 0
  command -v mvn >/dev/null || fail "Maven (mvn) is needed once to fetch the Kafka jars"
  say "fetching the Kafka jars from Maven Central (first start only)"
  local attempt log="$RUN_DIR/maven.log" staging="$HERE/run/lib.partial"
  for attempt in 1 2 3; do
    rm -rf "$staging"
    if mvn -B -ntp -q -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$staging" >"$log" 2>&1; then
      rm -rf "$LIB_DIR" && mv "$staging" "$LIB_DIR" && echo "$sum" >"$marker"
      return 0
    fi
    say "Maven attempt $attempt failed (log: $log)"
    sleep $((attempt * 5))
  done
  tail -n 30 "$log" >&2
  fail "could not fetch the Kafka jars after 3 attempts"
}

write_config() {
  sed -e "s|@PORT@|$PORT|g" -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$RUN_DIR/data|g" \
    "$HERE/server.properties.template" >"$RUN_DIR/server.properties"
}

JAVA_ARGS=(-Xmx"$HEAP" -Xms128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$HERE/log4j2.properties" -Dkafka.logs.dir="$LOG_DIR" -cp "$LIB_DIR/*")

format_storage() {
  [[ -f "$RUN_DIR/data/meta.properties" ]] && return 0
  local cluster_id
  # A base64url id may start with "-", which the tool would read as an option: draw until it does not, and
  # pass it as --cluster-id=<id> all the same.
  cluster_id="$(node -e "const c=require('crypto');let id;do id=c.randomBytes(16).toString('base64url');while(id.startsWith('-'));process.stdout.write(id)")"
  java "${JAVA_ARGS[@]}" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$RUN_DIR/server.properties" --ignore-formatted \
    >"$LOG_DIR/format.log" 2>&1 || { cat "$LOG_DIR/format.log" >&2; fail "formatting KRaft storage failed"; }
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$SERVER_LOG" "$RUN_DIR/kafka.out" >&2 2>/dev/null; rm -f "$PID_FILE"; fail "broker exited during start"; }
    if grep -q 'Kafka Server started' "$SERVER_LOG" 2>/dev/null && node "$HERE/ready-check.js" "127.0.0.1:$PORT" >/dev/null 2>&1; then
      say "ready on 127.0.0.1:$PORT (pid $pid)"
      return 0
    fi
    sleep 0.5
  done
  tail -n 40 "$SERVER_LOG" >&2 2>/dev/null || true
  fail "broker not ready within ${READY_TIMEOUT}s"
}

start() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  exec 9>"$RUN_DIR/.lock" && flock 9
  local pid
  if pid="$(broker_pid)"; then
    wait_ready "$pid"
    return 0
  fi
  port_in_use "$PORT" && fail "port $PORT is taken by another process (set KAFKA_PORT)"
  port_in_use "$CONTROLLER_PORT" && fail "controller port $CONTROLLER_PORT is taken (set KAFKA_CONTROLLER_PORT)"
  command -v java >/dev/null || fail "Java 17 is needed to run the broker"
  fetch_jars
  write_config
  format_storage
  : >"$SERVER_LOG"
  # setsid: the broker outlives the shell (or test run) that started it until `kafka.sh stop`.
  setsid java "${JAVA_ARGS[@]}" kafka.Kafka "$RUN_DIR/server.properties" >"$RUN_DIR/kafka.out" 2>&1 </dev/null 8>&- 9>&- &
  echo $! >"$PID_FILE"
  wait_ready "$!"
}

stop() {
  [[ -d "$RUN_DIR" ]] || { say "not running"; return 0; }
  exec 9>"$RUN_DIR/.lock" && flock 9
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  kill -TERM "$pid"
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    say "no clean shutdown within ${STOP_TIMEOUT}s: killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(broker_pid)"; then say "running (pid $pid) on 127.0.0.1:$PORT"; else say "not running"; exit 1; fi ;;
  reset) stop && rm -rf "$RUN_DIR" && say "data deleted" ;;
  *) fail "usage: kafka.sh start|stop|status|reset" ;;
esac
