#!/usr/bin/env bash
# Rules engine throughput and MIME parsing cost, single-threaded: see bench/README.md.
# Usage: bench/rules-bench.sh [extra JVM options, e.g. -Dbench.rounds=20 -Dbench.messages=5000]
# Environment: BENCH_HEAP (default 2g), BENCH_CPU (core to pin to, default 0; empty = no pinning),
#              MVN_OFFLINE (default -o; set to empty to let Maven download).
set -euo pipefail

cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
MVN_OFFLINE=${MVN_OFFLINE--o}

# compile main and test classes (the bench is a test source root) unless they are up to date
newest_source=$(find src/main bench/src -type f -newer target/test-classes/io/mailwarden/bench/RulesBench.class 2>/dev/null | head -1 || true)
if [ ! -f target/test-classes/io/mailwarden/bench/RulesBench.class ] || [ -n "$newest_source" ] || [ pom.xml -nt target/test-classes/io/mailwarden/bench/RulesBench.class ]; then
  echo "building test classes..." >&2
  ./mvnw -B -q $MVN_OFFLINE test-compile
fi

cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  # offline first; the dependency plugin itself may be missing from ~/.m2 the first time
  ./mvnw -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2 \
    || ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
fi

pin=()
cpu=${BENCH_CPU-0}
if [ -n "$cpu" ] && command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c "$cpu")
else
  echo "note: not pinned to one core (taskset missing or BENCH_CPU empty)" >&2
fi

heap=${BENCH_HEAP:-2g}
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+UseParallelGC -XX:+AlwaysPreTouch \
  "$@" -cp "target/classes:target/test-classes:$(cat "$cp_file")" io.mailwarden.bench.RulesBench
