# Sourced by the scripts in bin/ and .ci/: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: an existing JAVA_HOME that is new enough, the java on PATH, then the JDKs under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java_home_ok() { [ -x "$1/bin/java" ] && [ "$(java_major "$1" 2>/dev/null || echo 0)" -ge 21 ] 2>/dev/null; }

if [ -n "${JAVA_HOME:-}" ] && java_home_ok "$JAVA_HOME"; then
  :
elif command -v java >/dev/null 2>&1 && java_home_ok "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
else
  JAVA_HOME=
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if java_home_ok "$candidate"; then JAVA_HOME=$candidate; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "mailwarden needs a JDK 21 or newer: set JAVA_HOME to one (found none under /usr/lib/jvm)" >&2
    exit 1
  fi
fi
export JAVA_HOME
