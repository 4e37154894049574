# Sourced by bin/mailwarden and the benchmarks: the JVM options mailwarden runs with. Sets the array
# jvm_options to the caller's options (one string, split on spaces, e.g. "$MAILWARDEN_JAVA_OPTS") and then:
# - the parallel collector, unless the caller chose a collector: on the small machines mailwarden runs on,
#   G1's concurrent marking and write barriers cost a tenth of a backfill's CPU time, and with a heap of a
#   few hundred MB the parallel collector's pauses stay in the tens of milliseconds;
# - Lucene's wishes: the (incubating) Vector API and native access for memory-mapped files.
mailwarden_jvm_options() {
  read -r -a jvm_options <<< "${1:-}"
  case " ${1:-} " in
    *" -XX:+Use"*"GC "*) ;;
    *) jvm_options+=(-XX:+UseParallelGC) ;;
  esac
  jvm_options+=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
}
