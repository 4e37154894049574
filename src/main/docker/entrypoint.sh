#!/usr/bin/env bash
# Entry point of the JVM image (Dockerfile.jvm): the JVM options bin/mailwarden gives the same command
# (bin/lib/jvm-options.sh, copied beside this script), MAILWARDEN_JAVA_OPTS first, then the fast-jar.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
. "$here/jvm-options.sh"
mailwarden_jvm_options "${MAILWARDEN_JAVA_OPTS:-}" "${1:-}"
exec java "${jvm_options[@]}" -jar "$here/quarkus-run.jar" "$@"
