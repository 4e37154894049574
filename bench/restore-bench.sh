#!/usr/bin/env bash
# Restore throughput side by side with a plain APPEND loop to the same server, against a private Dovecot
# on loopback: see bench/README.md.
# Usage: bench/restore-bench.sh [JVM options, e.g. -Dbench.messages=1000 -Dbench.rounds=3]
#        bench/restore-bench.sh -Dbench.large=600: instead, one 600 MB message through import, export, import
#        and restore under a 512 MB heap (LargeMessageBench)
# Environment:
#   BENCH_HEAP   heap of the bench JVM (default 1g; 512m with bench.large)
#   BENCH_KEEP   1: keep the temp directory (Dovecot's mail and log) and print where it is
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
tmp=$(mktemp -d /tmp/mailwarden-restore.XXXXXX)
chmod 755 "$tmp"
cleanup() {
  set +e
  dovecot_stop "$tmp/dovecot"
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
bench=(io.mailwarden.bench.RestoreBench)
jvm=(-Xmx"${BENCH_HEAP:-1g}")
case " $* " in
  *" -Dbench.large="*)
    mkdir -p "$tmp/work"
    bench=(io.mailwarden.bench.LargeMessageBench "$tmp/work")
    jvm=(-Xmx"${BENCH_HEAP:-512m}" -XX:+UseParallelGC) ;;
esac
cp=$(bench_classpath "${bench[0]}" "$tmp/classes")

load() { cut -d' ' -f1-3 /proc/loadavg; }
port=$(free_port)
dovecot_start "$tmp/dovecot" "$port" "$user" "$password"
wait_port "$port" || { echo "Dovecot does not listen on $port" >&2; cat "$tmp/dovecot/dovecot.log" >&2; exit 1; }
echo "machine: $(nproc) cores, load average $(load); server: $server_desc on 127.0.0.1:$port" >&2

"$JAVA_HOME/bin/java" "${jvm[@]}" "$@" -cp "$cp" "${bench[@]}" "$port" "$user" "$password"
echo "load average at the end: $(load)" >&2
