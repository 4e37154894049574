#!/usr/bin/env bash
# Search: index build time for 100,000 generated messages, then p50/p99 latency and queries/second
# of a query mix with 4 concurrent clients: see bench/README.md, "Search".
# Usage: bench/search-bench.sh [extra JVM options, e.g. -Dbench.messages=20000 -Dbench.clients=4]
# Environment: BENCH_HEAP (default 1500m), BENCH_CPU (core to pin to; default none: both cores),
#              MVN_OFFLINE (default -o; set to empty to let Maven download).
set -euo pipefail

cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
MVN_OFFLINE=${MVN_OFFLINE--o}
main_class=target/test-classes/io/mailwarden/bench/SearchBench.class
cp_file=target/bench-classpath.txt

if [ ! -f "$main_class" ] || [ -n "$(find src bench/src pom.xml -newer "$main_class" -type f -print -quit)" ]; then
  echo "building test classes..." >&2
  ./mvnw -B -q $MVN_OFFLINE test-compile
fi
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  ./mvnw -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2 \
    || ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
fi

pin=()
if [ -n "${BENCH_CPU-}" ] && command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "${BENCH_CPU-}")
fi
heap=${BENCH_HEAP:-1500m}
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+UseParallelGC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" -cp "target/classes:target/test-classes:$(cat "$cp_file")" io.mailwarden.bench.SearchBench
