#!/usr/bin/env bash
# Backfill throughput side by side with mbsync, index size and memory, against a private Dovecot on
# loopback: see bench/README.md.
# Usage: bench/backfill-bench.sh [JVM options for the corpus generator and the backfill, e.g.
#        -Dbench.messages=1000 -Dbench.large=]
# Environment:
#   BENCH_HEAP       heap of the backfill JVM (default 512m, the bound the issue sets)
#   BENCH_JAVA_OPTS  more options for the backfill JVM only (e.g. -XX:StartFlightRecording=...)
#   BENCH_KEEP       1: keep the temp directory (corpus, Dovecot log, archive) and print where it is
#   MVN_OFFLINE      default -o; set to empty to let Maven download
set -euo pipefail

cd "$(dirname "$0")/.."
. bin/lib/java-home.sh
. bin/lib/jvm-options.sh
. bench/lib/dovecot.sh
MVN_OFFLINE=${MVN_OFFLINE--o}
heap=${BENCH_HEAP:-512m}
user=bench
password=bench-$RANDOM$RANDOM

# --- build: the test classes (the bench is a test source root) and the test classpath
bench_class=target/test-classes/io/mailwarden/bench/BackfillBench.class
if [ ! -f "$bench_class" ] || [ -n "$(find src/main bench/src pom.xml -newer "$bench_class" -type f -print -quit 2>/dev/null)" ]; then
  echo "building the test classes..." >&2
  ./mvnw -B -q $MVN_OFFLINE test-compile >&2
fi
cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  ./mvnw -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2 \
    || ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
fi
cp="target/classes:target/test-classes:$(cat "$cp_file")"

# --- what it needs from Debian: the server, mbsync, and a CJK font for the Chinese PDFs
dovecot_available || { echo "Dovecot is needed (Debian package dovecot-imapd)" >&2; exit 1; }
command -v mbsync >/dev/null 2>&1 || apt_install isync || { echo "mbsync is needed (Debian package isync)" >&2; exit 1; }
font=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
[ -f "$font" ] || apt_install fonts-droid-fallback || echo "note: no CJK font; the PDFs will be English only" >&2

tmp=$(mktemp -d /tmp/mailwarden-backfill.XXXXXX)
chmod 755 "$tmp"
cleanup() {
  set +e
  dovecot_stop "$tmp/dovecot"
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(load)" >&2

# --- the corpus, straight into the Maildir the server will serve
start=$(date +%s%N)
"$JAVA_HOME/bin/java" -Xmx3g "$@" -cp "$cp" io.mailwarden.bench.BackfillBench corpus \
  "$(dovecot_mail_dir "$tmp/dovecot" "$user")" > "$tmp/corpus.txt"
echo "corpus generated in $(( ($(date +%s%N) - start) / 1000000 )) ms:" >&2
sed 's/^FOLDER /  /' "$tmp/corpus.txt" >&2
mapfile -t folders < <(awk '/^FOLDER / {print $2}' "$tmp/corpus.txt")
count() { awk -v f="$1" '$1 == "FOLDER" && $2 == f {print $3}' "$tmp/corpus.txt"; }

port=$(free_port)
dovecot_start "$tmp/dovecot" "$port" "$user" "$password"
wait_port "$port" || { echo "Dovecot does not listen on $port" >&2; cat "$tmp/dovecot/dovecot.log" >&2; exit 1; }
echo "server: $server_desc on 127.0.0.1:$port" >&2

# The server indexes each folder's Maildir the first time it is opened: do that before timing anyone.
python3 - "$port" "$user" "$password" "${folders[@]}" <<'PY'
import imaplib, sys
port, user, password, folders = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
imap = imaplib.IMAP4("127.0.0.1", port)
imap.login(user, password)
for f in folders:
    imap.select(f, readonly=True)
    imap.uid("FETCH", "1:*", "(UID FLAGS RFC822.SIZE INTERNALDATE)")
imap.logout()
PY

# --- mbsync: the same folders from the same server into a Maildir, one folder at a time
cat > "$tmp/mbsyncrc" <<EOF
IMAPAccount bench
Host 127.0.0.1
Port $port
User $user
Pass $password
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account bench

MaildirStore local
Path $tmp/mbsync/
Inbox $tmp/mbsync/INBOX
SubFolders Verbatim

Channel bench
Far :remote:
Near :local:
Patterns *
Create Near
Sync Pull
SyncState *
EOF
# wall and CPU seconds (user + system) of a command, its output on stderr
timed() {
  python3 -c 'import resource, subprocess, sys, time
t = time.monotonic()
rc = subprocess.run(sys.argv[1:], stdout=sys.stderr).returncode
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (time.monotonic() - t, r.ru_utime + r.ru_stime))
sys.exit(rc)' "$@"
}
declare -A mbsync_wall mbsync_cpu
mbsync_round() {
  rm -rf "$tmp/mbsync"
  mkdir -p "$tmp/mbsync"
  local f wall cpu got
  for f in "${folders[@]}"; do
    read -r wall cpu < <(timed mbsync -q -c "$tmp/mbsyncrc" "bench:$f" 2> >(grep -v 'Password is being sent in the clear' >&2))
    got=$(find "$tmp/mbsync/$f/cur" "$tmp/mbsync/$f/new" -type f | wc -l)
    [ "$got" = "$(count "$f")" ] || { echo "mbsync fetched $got of $(count "$f") messages of $f" >&2; exit 1; }
    mbsync_wall[$f]=$(awk -v a="${mbsync_wall[$f]:-0}" -v b="$wall" 'BEGIN {print a + b}')
    mbsync_cpu[$f]=$(awk -v a="${mbsync_cpu[$f]:-0}" -v b="$cpu" 'BEGIN {print a + b}')
    echo "  mbsync $f: $got messages in $wall s ($cpu s CPU; load $(load))" >&2
  done
}
echo "mbsync $(mbsync --version | cut -d' ' -f2), first round:" >&2
mbsync_round

# --- mailwarden: the backfill of the same folders into a fresh archive, in a JVM capped at $heap, with the
# options bin/mailwarden gives `mailwarden backfill`
mailwarden_jvm_options "-Xmx$heap ${BENCH_JAVA_OPTS:-}" backfill
echo "mailwarden backfill (${jvm_options[*]}), load $(load):" >&2
"$JAVA_HOME/bin/java" "${jvm_options[@]}" "$@" -cp "$cp" io.mailwarden.bench.BackfillBench \
  run "$port" "$user" "$password" "$tmp/archive" > "$tmp/mailwarden.out"

# mbsync's time is the mean of a round before and a round after the backfill, as the load drifts
echo "mbsync, second round:" >&2
mbsync_round
spec=
for f in "${folders[@]}"; do
  spec+="$f=$(awk -v w="${mbsync_wall[$f]}" -v c="${mbsync_cpu[$f]}" 'BEGIN {printf "%.3f:%.3f", w / 2, c / 2}'),"
done
echo >&2
"$JAVA_HOME/bin/java" -Xmx64m -cp "$cp" io.mailwarden.bench.BackfillBench report "$spec" < "$tmp/mailwarden.out"
echo "load average at the end: $(load)" >&2
