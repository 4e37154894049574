#!/usr/bin/env bash
# Search: the index build time for 100,000 generated messages, then p50/p99 latency and queries/second of a
# query mix with 4 concurrent clients, first through the engine in one JVM, then through the HTTP API of the
# real daemon (`bin/mailwarden run`) serving that index: see bench/README.md, "Search".
# Usage: bench/search-bench.sh [JVM options of the bench, e.g. -Dbench.messages=20000 -Dbench.queries=500]
# Environment:
#   BENCH_HEAP         heap of the bench JVMs that build and search the index (default 1500m)
#   BENCH_DAEMON_OPTS  JVM options of the daemon (default: -Xmx1g); passed as MAILWARDEN_JAVA_OPTS
#   BENCH_MODES        which query runs, of "engine http" (default: both)
#   BENCH_KEEP         1: keep the temp directory (data directory, daemon log) and print where it is
#   BENCH_DATA         a data directory an earlier run kept (BENCH_KEEP=1, its data/): no build, search that one
#   MVN_OFFLINE        default -o; set to empty to let Maven download
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
. bin/lib/java-home.sh
MVN_OFFLINE=${MVN_OFFLINE--o}
heap=${BENCH_HEAP:-1500m}
daemon_opts=${BENCH_DAEMON_OPTS--Xmx1g}
modes=${BENCH_MODES:-engine http}

. bench/lib/dovecot.sh
. bench/lib/daemon-bench.sh
build_daemon_and_bench SearchBench
bench() {
  "$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED \
    --add-modules jdk.incubator.vector -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@"
}
bench_main() { bench "${opts[@]}" -cp "$bench_cp" io.mailwarden.bench.SearchBench "$@"; }
opts=("$@")

tmp=$(mktemp -d /tmp/mailwarden-search.XXXXXX)
chmod 755 "$tmp"
daemon_pid= server_pid=
trap stop_daemon_bench EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

data=${BENCH_DATA:-$tmp/data}
results=
if [ -z "${BENCH_DATA:-}" ]; then
  bench_main build "$data" | tee "$tmp/build.out"
  results=$(sed -n 's/^RESULT //p' "$tmp/build.out")
fi

if [[ " $modes " == *" engine "* ]]; then
  bench_main engine "$data" | tee "$tmp/engine.out"
  results="$results $(sed -n 's/^RESULT //p' "$tmp/engine.out")"
fi

if [[ " $modes " == *" http "* ]]; then
  # the daemon needs an account it can reach: an empty mailbox on a private Dovecot (GreenMail without it)
  imap_port=$(free_port)
  http_port=$(free_port)
  user=bench password=bench-$RANDOM$RANDOM token=bench-token-$RANDOM$RANDOM$RANDOM
  if dovecot_available; then
    dovecot_start "$tmp/dovecot" "$imap_port" "$user" "$password"
  else
    "$JAVA_HOME/bin/java" -Xmx256m -cp "$bench_cp" io.mailwarden.bench.LatencyBench serve "$imap_port" "$user" "$password" > "$tmp/greenmail.log" 2>&1 &
    server_pid=$!
    server_desc="GreenMail"
  fi
  wait_port "$imap_port"
  work=$tmp/work
  daemon_work_dir "$work" live "$user" "$imap_port"
  (cd "$work" && BENCH_IMAP_PASSWORD=$password MAILWARDEN_HTTP_TOKEN=$token \
    MAILWARDEN_JAVA_OPTS="-Dmailwarden.data-dir=$data -Dquarkus.http.port=$http_port $daemon_opts" \
    exec "$repo/bin/mailwarden" run) > "$tmp/daemon.log" 2>&1 &
  daemon_pid=$!
  # /api/search answers 503 until the daemon has opened the archive (and checked it against the catalog)
  for i in $(seq 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$http_port/api/search?q=x" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$daemon_pid" 2>/dev/null || [ "$i" = 1200 ]; then
      echo "the daemon did not serve /api/search (last answer: $code):" >&2
      cat "$tmp/daemon.log" >&2
      exit 1
    fi
    sleep 0.25
  done
  echo "daemon serving on 127.0.0.1:$http_port ($server_desc for its account), options: $daemon_opts" >&2
  bench_main http "http://127.0.0.1:$http_port" "$token" "$daemon_pid" "$(getconf CLK_TCK)" | tee "$tmp/http.out"
  results="$results $(sed -n 's/^RESULT //p' "$tmp/http.out")"
  if grep -qE ' (WARN|ERROR) ' "$tmp/daemon.log"; then
    echo "daemon warnings/errors:" >&2
    grep -E ' (WARN|ERROR) ' "$tmp/daemon.log" | head -20 >&2
  fi
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "RESULT $results"
