# Sourced by the benchmarks that run a class of bench/src (a test source root) in a JVM of their own.

# bench_classpath CLASS SNAPSHOT_DIR: builds the test classes when CLASS (io.mailwarden.bench.X) is missing or
# older than the sources, writes the test classpath to target/bench-classpath.txt when stale, copies the
# compiled classes into SNAPSHOT_DIR (a build in this checkout during a long run cannot pull classes from
# under it) and prints the classpath to run with. Needs MVN_OFFLINE (-o or empty).
bench_classpath() {
  local class_file="target/test-classes/${1//.//}.class" cp_file=target/bench-classpath.txt
  if [ ! -f "$class_file" ] || [ -n "$(find src/main bench/src pom.xml -newer "$class_file" -type f -print -quit 2>/dev/null)" ]; then
    echo "building the test classes..." >&2
    ./mvnw -B -q $MVN_OFFLINE test-compile >&2
  fi
  if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
    ./mvnw -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2 \
      || ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
  fi
  mkdir -p "$2"
  cp -r target/classes "$2/classes"
  cp -r target/test-classes "$2/test-classes"
  echo "$2/classes:$2/test-classes:$(cat "$cp_file")"
}
