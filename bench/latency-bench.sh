#!/usr/bin/env bash
# End-to-end latency (APPEND -> the rule's move visible on the server) and idle daemon RSS, with the
# real `bin/mailwarden run` against a throw-away IMAP server on loopback: see bench/README.md.
# Usage: bench/latency-bench.sh [extra JVM options for the bench client, e.g. -Dbench.messages=500]
# Environment:
#   BENCH_SERVER       dovecot (default: Dovecot when it is installed or can be installed with apt-get,
#                      else GreenMail) or greenmail
#   BENCH_DAEMON_OPTS  JVM options of the daemon (default: -Xmx256m); passed as MAILWARDEN_JAVA_OPTS
#   BENCH_IDLE_SECS    how long the daemon idles before each RSS reading (default 10)
#   BENCH_KEEP         1: keep the temp directory (logs, config, maildir) and print where it is
#   MVN_OFFLINE        default -o; set to empty to let Maven download
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
. bin/lib/java-home.sh
MVN_OFFLINE=${MVN_OFFLINE--o}
daemon_opts=${BENCH_DAEMON_OPTS--Xmx256m}
idle_secs=${BENCH_IDLE_SECS:-10}
user=bench
password=bench-$RANDOM$RANDOM
target=Processed
second=Lists

. bench/lib/dovecot.sh
. bench/lib/daemon-bench.sh
build_daemon_and_bench LatencyBench
client_cp=$bench_cp
bench() { "$JAVA_HOME/bin/java" -Xmx256m "$@"; }

tmp=$(mktemp -d /tmp/mailwarden-latency.XXXXXX)
chmod 755 "$tmp"
daemon_pid= server_pid=
trap stop_daemon_bench EXIT

port=$(free_port)

# --- the server: a private Dovecot instance (bench/lib/dovecot.sh), or GreenMail without Dovecot
server=${BENCH_SERVER:-dovecot}
if [ "$server" = dovecot ] && ! dovecot_available; then
  echo "note: Dovecot not available; using GreenMail" >&2
  server=greenmail
fi

if [ "$server" = dovecot ]; then
  dovecot_start "$tmp/dovecot" "$port" "$user" "$password"
else
  bench -cp "$client_cp" io.mailwarden.bench.LatencyBench serve "$port" "$user" "$password" > "$tmp/greenmail.log" 2>&1 &
  server_pid=$!
  server_desc="GreenMail (in a separate JVM)"
fi
wait_port "$port" || true
echo "server: $server_desc on 127.0.0.1:$port" >&2

bench -cp "$client_cp" io.mailwarden.bench.LatencyBench setup "$port" "$user" "$password" "$second" "$target"

# --- the daemon: its own working directory with config/application.yaml and rules/
work=$tmp/work
daemon_work_dir "$work" bench "$user" "$port" "idle-folders: [INBOX, $second]"
cat > "$work/rules/bench.yaml" <<EOF
rules:
  - name: bench-mail-to-$target
    folders: [INBOX]
    when:
      subject: { starts-with: "bench-" }
    then:
      - move: $target
EOF
(cd "$work" && BENCH_IMAP_PASSWORD=$password MAILWARDEN_JAVA_OPTS="-Dmailwarden.data-dir=$tmp/data $daemon_opts" \
  exec "$repo/bin/mailwarden" run) > "$tmp/daemon.log" 2>&1 &
daemon_pid=$!

# the daemon baselines each folder on its first start (mail already there is left alone): wait for both
for i in $(seq 600); do
  [ "$(grep -c 'watched for the first time' "$tmp/daemon.log" || true)" -ge 2 ] && break
  if ! kill -0 "$daemon_pid" 2>/dev/null || [ "$i" = 600 ]; then
    echo "the daemon did not start watching both folders:" >&2
    cat "$tmp/daemon.log" >&2
    exit 1
  fi
  sleep 0.1
done
grep -E 'watching|first time' "$tmp/daemon.log" | sed 's/^/daemon: /' >&2

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$daemon_pid/status"; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$daemon_pid/status"; }
sleep "$idle_secs"
rss_start=$(rss_kb)
echo "daemon RSS after ${idle_secs} s idle, before any mail: $((rss_start / 1024)) MB" >&2

bench -cp "$client_cp" "$@" io.mailwarden.bench.LatencyBench run "$port" "$user" "$password" | tee "$tmp/client.out"

sleep "$idle_secs"
rss_after=$(rss_kb)
hwm=$(hwm_kb)
echo "daemon RSS after ${idle_secs} s idle, after the run: $((rss_after / 1024)) MB (peak $((hwm / 1024)) MB)" >&2
if grep -qiE ' (WARN|ERROR) ' "$tmp/daemon.log"; then
  echo "daemon warnings/errors:" >&2
  grep -iE ' (WARN|ERROR) ' "$tmp/daemon.log" | head -20 >&2
fi

latency=$(sed -n 's/^LATENCY //p' "$tmp/client.out")
echo "RESULT $latency rss_idle_mb=$((rss_start / 1024)) rss_idle_after_mb=$((rss_after / 1024)) rss_peak_mb=$((hwm / 1024))" \
  "server=$server daemon_opts=\"$daemon_opts\""
