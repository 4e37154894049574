#!/usr/bin/env bash
# Search: index build time for 100,000 generated messages, then p50/p99 latency and queries/second of a
# query mix with 4 concurrent clients: see bench/README.md, "Search".
# Usage: bench/search-bench.sh [JVM options, e.g. -Dbench.messages=20000 -Dbench.clients=4 -Dbench.queries=1000]
# Environment: BENCH_HEAP (default 1500m).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
[ -f target/test-classes/io/mailwarden/bench/SearchBench.class ] || ./mvnw -B -q -o test-compile
deps=target/bench-classpath.txt
[ -s "$deps" ] && [ "$deps" -nt pom.xml ] \
  || ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$deps" >&2
exec "$JAVA_HOME/bin/java" -Xms"${BENCH_HEAP:-1500m}" -Xmx"${BENCH_HEAP:-1500m}" -XX:+UseParallelGC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" \
  -cp "target/classes:target/test-classes:$(cat "$deps")" io.mailwarden.bench.SearchBench
