#!/usr/bin/env bash
# The archive index: recall/precision on planted words, indexing throughput, index size against the
# text, near-real-time visibility: see bench/README.md.
# Usage: bench/index-bench.sh [extra JVM options, e.g. -Dbench.messages=5000]
# Environment: BENCH_HEAP (default 1g), BENCH_CPU (core to pin to, default 0; empty = no pinning),
#              MVN_OFFLINE (default -o; set to empty to let Maven download).
set -euo pipefail

cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
MVN_OFFLINE=${MVN_OFFLINE--o}
main_class=target/test-classes/io/mailwarden/bench/IndexBench.class
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
if [ -n "${BENCH_CPU-0}" ] && command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "${BENCH_CPU-0}")
fi
heap=${BENCH_HEAP:-1g}
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+UseParallelGC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" -cp "target/classes:target/test-classes:$(cat "$cp_file")" io.mailwarden.bench.IndexBench
