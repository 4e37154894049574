# Sourced by the benchmarks that run the real daemon (bin/mailwarden run) against a bench client of their
# own (latency-bench.sh, search-bench.sh): building both, and stopping what a run started.

# build_daemon_and_bench CLASS: builds the daemon's fast-jar (as bin/mailwarden would) and the test classes
# (the bench is a test source root) when either is missing or older than the sources, writes the test
# classpath to target/bench-classpath.txt, and sets bench_cp to the classpath of the bench client
# io.mailwarden.bench.CLASS. MVN_OFFLINE: -o, or empty to let Maven download.
build_daemon_and_bench() {
  local jar=target/quarkus-app/quarkus-run.jar client=target/test-classes/io/mailwarden/bench/$1.class
  local cp_file=target/bench-classpath.txt
  if [ ! -f "$jar" ] || [ ! -f "$client" ] \
      || [ -n "$(find src/main bench/src plugins/java/src/main pom.xml -newer "$client" -type f -print -quit 2>/dev/null)" ] \
      || [ -n "$(find src/main plugins/java/src/main pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    echo "building the daemon and the bench client..." >&2
    ./mvnw -B -q $MVN_OFFLINE -DskipTests package >&2
  fi
  if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
    ./mvnw -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2 \
      || ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
  fi
  bench_cp="target/classes:target/test-classes:$(cat "$cp_file")"
}

# stop_daemon_bench: the EXIT trap of such a run. Stops the daemon ($daemon_pid), a GreenMail server
# ($server_pid) and a Dovecot started in $tmp/dovecot, whichever were started; removes $tmp unless
# BENCH_KEEP=1.
stop_daemon_bench() {
  set +e
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  dovecot_stop "$tmp/dovecot"
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}

# daemon_work_dir DIR ACCOUNT USER PORT [YAML...]: the daemon's working directory: config/application.yaml with
# one account (plain IMAP on 127.0.0.1:PORT, its password from $BENCH_IMAP_PASSWORD; any YAML lines given are
# added to the account), and empty rules/ and plugins/.
daemon_work_dir() {
  local dir=$1 account=$2 user=$3 port=$4 line
  shift 4
  mkdir -p "$dir/config" "$dir/rules" "$dir/plugins"
  {
    printf 'mailwarden:\n  accounts:\n    %s:\n      provider: custom\n      username: %s\n' "$account" "$user"
    printf '      password-env: BENCH_IMAP_PASSWORD\n      imap: { host: 127.0.0.1, port: %s, tls: none }\n' "$port"
    printf '      smtp: { host: 127.0.0.1, port: 25, tls: none }\n'
    for line in "$@"; do printf '      %s\n' "$line"; done
  } > "$dir/config/application.yaml"
}
