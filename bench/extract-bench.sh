#!/usr/bin/env bash
# Time and heap of extracting one large attachment (default limits): see bench/README.md.
# Usage: bench/extract-bench.sh [JVM options, e.g. -Dbench.mb=50]; BENCH_HEAP (default 512m).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
./mvnw -B -q -o test-compile
classpath=target/extract-bench-classpath.txt
[ -s "$classpath" ] && [ "$classpath" -nt pom.xml ] \
  || ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >&2
heap=${BENCH_HEAP:-512m}
exec "$JAVA_HOME/bin/java" -Xmx"$heap" -Djava.awt.headless=true "$@" \
  -cp "target/classes:target/test-classes:$(cat "$classpath")" io.mailwarden.bench.ExtractBench
