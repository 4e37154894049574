#!/usr/bin/env bash
# Export: MB/s and messages/s of mbox, Maildir and .eml exports from a warm archive of 10,000 generated
# messages: see bench/README.md, "Export".
# Usage: bench/export-bench.sh [JVM options, e.g. -Dbench.messages=2000 -Dbench.rounds=5]
# Environment: BENCH_HEAP (default 1g); BENCH_DIR: where the archive and the exports go (default: a temp
# directory under /tmp, removed at the end; the page cache and the disk behind it are what is measured).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
bench_class=target/test-classes/io/mailwarden/bench/ExportBench.class
if [ ! -f "$bench_class" ] || [ -n "$(find src/main bench/src pom.xml -newer "$bench_class" -type f -print -quit 2>/dev/null)" ]; then
  echo "building the test classes..." >&2
  ./mvnw -B -q -o test-compile >&2
fi
deps=target/bench-classpath.txt
[ -s "$deps" ] && [ "$deps" -nt pom.xml ] \
  || ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$deps" >&2
dir=${BENCH_DIR:-$(mktemp -d /tmp/mailwarden-export.XXXXXX)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); files in $dir ($(df -T "$dir" | awk 'NR==2 {print $2}'))" >&2
"$JAVA_HOME/bin/java" -Xms"${BENCH_HEAP:-1g}" -Xmx"${BENCH_HEAP:-1g}" -XX:+UseParallelGC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" \
  -cp "target/classes:target/test-classes:$(cat "$deps")" io.mailwarden.bench.ExportBench "$dir"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
