#!/usr/bin/env bash
# One message of 600 MB (bench.large) through import, export to every format, import of the mbox export and
# restore into a private Dovecot, under a heap smaller than the message: MB/s and heap per phase. See
# bench/README.md, "Export, import and restore of one very large message".
# Usage: bench/large-bench.sh [JVM options, e.g. -Dbench.large=100]
# Environment:
#   BENCH_HEAP   heap of the bench JVM (default 512m)
#   BENCH_KEEP   1: keep the temp directory and print where it is
#   MVN_OFFLINE  default -o; set to empty to let Maven download
set -euo pipefail

cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
. bench/lib/dovecot.sh
. bench/lib/classpath.sh
MVN_OFFLINE=${MVN_OFFLINE--o}
user=bench
password=bench-$RANDOM$RANDOM

dovecot_available || { echo "Dovecot is needed (Debian package dovecot-imapd)" >&2; exit 1; }
tmp=$(mktemp -d /tmp/mailwarden-large.XXXXXX)
chmod 755 "$tmp"
cleanup() {
  set +e
  dovecot_stop "$tmp/dovecot"
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
cp=$(bench_classpath io.mailwarden.bench.LargeMessageBench "$tmp/classes")

load() { cut -d' ' -f1-3 /proc/loadavg; }
port=$(free_port)
dovecot_start "$tmp/dovecot" "$port" "$user" "$password"
wait_port "$port" || { echo "Dovecot does not listen on $port" >&2; cat "$tmp/dovecot/dovecot.log" >&2; exit 1; }
echo "machine: $(nproc) cores, load average $(load); server: $server_desc on 127.0.0.1:$port; files in $tmp" >&2

mkdir -p "$tmp/work"
"$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-512m}" -XX:+UseParallelGC \
  "$@" -cp "$cp" io.mailwarden.bench.LargeMessageBench "$tmp/work" "$port" "$user" "$password"
echo "load average at the end: $(load)" >&2
