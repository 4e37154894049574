# Sourced by bin/mailwarden and the benchmarks: the JVM options mailwarden runs with.
# mailwarden_jvm_options OPTIONS COMMAND sets the array jvm_options to OPTIONS (one string, split on spaces,
# e.g. "$MAILWARDEN_JAVA_OPTS") and then:
# - for a command that works through the archive and exits (backfill, reindex, import, export, restore,
#   verify...), the parallel collector unless OPTIONS choose one: G1's concurrent marking and write barriers
#   cost a tenth of a backfill's CPU time on 2 cores. The daemon (run, demo) keeps the JVM's default, G1,
#   whose small young generation keeps an idling daemon's memory low (RSS 196 MB against 260 MB);
# - Lucene's wishes: the (incubating) Vector API and native access for memory-mapped files.
mailwarden_jvm_options() {
  read -r -a jvm_options <<< "${1:-}"
  local collector='(^| )-XX:\+Use[A-Za-z0-9]+GC( |$)'
  case "${2:-}" in
    run | demo | "") ;;
    *) [[ "${1:-}" =~ $collector ]] || jvm_options+=(-XX:+UseParallelGC) ;;
  esac
  jvm_options+=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
}
